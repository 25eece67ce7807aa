import type { OperationTable } from '../../shared/router';
import * as plan from './plan';
import * as subscriber from './subscriber';
import * as transaction from './transaction';

export const operations: OperationTable = {
	subscriber: subscriber.operations,
	plan: plan.operations,
	transaction: transaction.operations,
};

export const operationSelectors = [
	subscriber.operationProperty,
	plan.operationProperty,
	transaction.operationProperty,
];
