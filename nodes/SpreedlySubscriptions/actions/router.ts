import type { OperationTable } from '../../shared/router';
import * as plan from './plan';
import * as subscriber from './subscriber';

export const operations: OperationTable = {
	subscriber: subscriber.operations,
	plan: plan.operations,
};

export const operationSelectors = [subscriber.operationProperty, plan.operationProperty];
