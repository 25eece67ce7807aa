import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import * as find from './find.operation';
import * as get from './get.operation';

export const operations: Record<string, Operation> = { find, get };

export const operationProperty = operationSelector(
	'contact',
	[
		{
			name: 'Find',
			value: 'find',
			action: 'Find a contact',
			description:
				"Find a contact's ID by email, mobile phone, social security number or member number",
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a contact by ID',
			description: 'Get one contact by ID',
		},
	],
	'find',
);
