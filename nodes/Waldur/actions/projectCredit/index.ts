import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import { projectCredit } from '../../credits';
import { creditOperationOptions, creditOperations } from '../credit';

export const operations: Record<string, Operation> = creditOperations(projectCredit);

export const operationProperty = operationSelector(
	'projectCredit',
	creditOperationOptions(projectCredit),
	'getAll',
);
