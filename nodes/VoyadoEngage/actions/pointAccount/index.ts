import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { get, getAll };

export const operationProperty = operationSelector(
	'pointAccount',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get a point account by ID',
			description: 'Get one point account by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many point accounts',
			description: "List a contact's point accounts",
		},
	],
	'get',
);
