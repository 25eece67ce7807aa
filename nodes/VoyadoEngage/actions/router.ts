import type { OperationTable } from '../../shared/router';
import * as contact from './contact';
import * as pointAccount from './pointAccount';
import * as pointDefinition from './pointDefinition';
import * as pointTransaction from './pointTransaction';

export const operations: OperationTable = {
	pointTransaction: pointTransaction.operations,
	pointAccount: pointAccount.operations,
	pointDefinition: pointDefinition.operations,
	contact: contact.operations,
};

export const operationSelectors = [
	pointTransaction.operationProperty,
	pointAccount.operationProperty,
	pointDefinition.operationProperty,
	contact.operationProperty,
];
