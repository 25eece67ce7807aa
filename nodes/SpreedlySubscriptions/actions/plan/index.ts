import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { getAll };

export const operationProperty = operationSelector(
	'plan',
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many subscription plans',
			description: 'List the subscription plans of the site',
		},
	],
	'getAll',
);
