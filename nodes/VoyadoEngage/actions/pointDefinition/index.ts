import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { get, getAll };

export const operationProperty = operationSelector(
	'pointDefinition',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get a point definition by ID',
			description: 'Get one point definition by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many point definitions',
			description: 'List the point definitions',
		},
	],
	'getAll',
);
