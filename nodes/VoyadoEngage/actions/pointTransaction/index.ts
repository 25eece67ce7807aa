import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import * as add from './add.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation<unknown>> = { add, get, getAll };

export const operationProperty = operationSelector(
	'pointTransaction',
	[
		{
			name: 'Add',
			value: 'add',
			action: 'Add point transactions',
			description:
				'Give or deduct points by contact ID, email, mobile phone or member number: all input items are sent in batches of up to 1000 rows',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a point transaction by ID',
			description: 'Get one point transaction by ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many point transactions',
			description: 'List the transactions of a point account, or of a contact and point definition',
		},
	],
	'add',
);
