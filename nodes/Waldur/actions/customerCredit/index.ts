import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import { customerCredit } from '../../credits';
import { creditOperationOptions, creditOperations } from '../credit';
import { getConsumptions } from './getConsumptions.operation';

export const operations: Record<string, Operation> = {
	...creditOperations(customerCredit),
	getConsumptions,
};

export const operationProperty = operationSelector(
	'customerCredit',
	[
		...creditOperationOptions(customerCredit),
		{
			name: 'Get Consumptions',
			value: 'getConsumptions',
			action: 'Get the consumptions of a customer credit',
			description: 'Get the monthly consumption history of a customer credit',
		},
	].sort((a, b) => a.name.localeCompare(b.name)),
	'getAll',
);
