import type { INodePropertyOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { creditFields } from '../../fields';
import { createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';
import { replaceOperation } from './replace.operation';
import { updateOperation } from './update.operation';

/** The operations project and customer credits share. */
export function creditOperations(kind: CreditKind): Record<string, Operation> {
	const fields = creditFields(kind);
	return {
		getAll: getAllOperation(kind),
		get: getOperation(kind, fields),
		create: createOperation(kind, fields),
		replace: replaceOperation(kind, fields),
		update: updateOperation(kind, fields),
		delete: deleteOperation(kind, fields),
	};
}

export function creditOperationOptions(kind: CreditKind): INodePropertyOptions[] {
	const { noun } = kind;
	return [
		{
			name: 'Create',
			value: 'create',
			action: `Create a ${noun}`,
			description: `Create a ${noun}`,
		},
		{
			name: 'Delete',
			value: 'delete',
			action: `Delete a ${noun}`,
			description: `Delete a ${noun}`,
		},
		{
			name: 'Get',
			value: 'get',
			action: `Get a ${noun} by UUID`,
			description: `Get one ${noun} by UUID`,
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: `Get many ${noun}s`,
			description: `List ${noun}s, optionally filtered and sorted`,
		},
		{
			name: 'Replace',
			value: 'replace',
			action: `Replace a ${noun}`,
			description: `Overwrite a ${noun} (PUT): ${kind.owner.name}, value and the fields given`,
		},
		{
			name: 'Update',
			value: 'update',
			action: `Update a ${noun}`,
			description: 'Change only the fields given (PATCH)',
		},
	];
}
