import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/checks';
import { WRITES } from '../../../shared/pipeline/operation';
import {
	forOperation,
	optionsCollection,
	updateFieldsCollection,
} from '../../../shared/descriptions';
import { propertiesOf, readCollection } from '../../../shared/fields';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { creditRequest } from '../../credits';
import type { CreditFields, GivenFields } from '../../fields';
import { creditBody } from '../../fields';
import { waldurBaseUrl, waldurRecord } from '../../transport';

/** PATCH: only the fields the user gave are sent. */
export function updateOperation(kind: CreditKind, fields: CreditFields): Operation {
	const updateFields = updateFieldsCollection(propertiesOf(fields.writable));
	return {
		sending: WRITES,
		description: forOperation(kind.resource, 'update', [
			fields.credit.property,
			updateFields,
			optionsCollection([]),
		]),
		async plan(
			this: IExecuteFunctions,
			itemIndex: number,
			settings: RequestSettings,
		): Promise<ItemPlan> {
			const uuid = fields.credit.read(this, itemIndex);
			const values = readCollection(this, updateFields.name, itemIndex);
			const given = fields.writable.map((writable): GivenFields[number] => [
				writable,
				writable.from(values, this, itemIndex),
			]);
			const body = creditBody(given, await waldurBaseUrl(this, settings));
			if (Object.keys(body).length === 0) {
				throw invalidParameter(
					this,
					itemIndex,
					updateFields.displayName,
					'is empty: add at least one field to change',
				);
			}
			const request = creditRequest(kind, 'PATCH', uuid, body);
			return {
				recordKey: uuid,
				send: async () => await waldurRecord(this, request, itemIndex, settings),
			};
		},
	};
}
