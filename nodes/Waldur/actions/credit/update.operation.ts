import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	forOperation,
	optionsCollection,
	updateFieldsCollection,
} from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import { invalidParameter } from '../../../shared/validate';
import type { CreditKind } from '../../credits';
import { updateFieldProperties } from '../../fields';
import { waldurRecord } from '../../transport';
import { buildCreditBody, creditItemRequest, readCreditUuid, uuidProperty } from './properties';

/** PATCH: only the fields the user gave are sent. */
export function updateOperation(kind: CreditKind): Operation {
	const properties = [
		uuidProperty(kind),
		updateFieldsCollection(updateFieldProperties(kind)),
		optionsCollection(),
	];
	return {
		description: forOperation(kind.resource, 'update', properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const uuid = readCreditUuid(this, itemIndex, kind);
			const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const body = await buildCreditBody(this, kind, fields, itemIndex);
			if (Object.keys(body).length === 0) {
				throw invalidParameter(
					this,
					itemIndex,
					'Update Fields',
					'is empty: add at least one field to change',
				);
			}
			return await waldurRecord(this, creditItemRequest(kind, 'PATCH', uuid, body), itemIndex);
		},
	};
}
