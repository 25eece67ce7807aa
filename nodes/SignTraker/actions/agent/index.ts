import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { get, getAll };

export const operationProperty = operationSelector(
	'agent',
	[
		{ name: 'Get', value: 'get', action: 'Get an agent by ID', description: 'Get one agent by ID' },
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many agents',
			description: 'List agents, optionally by email',
		},
	],
	'get',
);
