import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { getAll };

export const operationProperty = operationSelector(
	'transaction',
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many transactions',
			description: 'List the transactions of the site, oldest first (e.g. to poll for new ones)',
		},
	],
	'getAll',
);
