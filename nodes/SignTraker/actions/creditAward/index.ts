import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation<unknown>> = { create, getAll };

export const operationProperty = operationSelector(
	'creditAward',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Award credit to an agent',
			description: 'Award credit to an agent',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many credit awards',
			description: 'List credit awards, optionally for one agent',
		},
	],
	'create',
);
