import type { OperationTable } from '../../shared/router';
import * as agent from './agent';
import * as creditAward from './creditAward';

export const operations: OperationTable = {
	creditAward: creditAward.operations,
	agent: agent.operations,
};

export const operationSelectors = [creditAward.operationProperty, agent.operationProperty];
