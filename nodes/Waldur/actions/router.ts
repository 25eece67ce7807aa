import type { OperationTable } from '../../shared/router';
import * as customerCredit from './customerCredit';
import * as projectCredit from './projectCredit';

export const operations: OperationTable = {
	projectCredit: projectCredit.operations,
	customerCredit: customerCredit.operations,
};

export const operationSelectors = [
	projectCredit.operationProperty,
	customerCredit.operationProperty,
];
