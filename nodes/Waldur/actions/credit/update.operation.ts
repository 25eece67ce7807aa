import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WRITES } from '../../../shared/pipeline/operation';

import {
	forOperation,
	optionsCollection,
	updateFieldsCollection,
} from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { Operation } from '../../../shared/router';
import { invalidParameter } from '../../../shared/checks';
import type { CreditKind } from '../../credits';
import { updateFieldProperties } from '../../fields';
import { waldurRecord } from '../../transport';
import { buildCreditBody, creditItemRequest, requireCreditUuid, uuidProperty } from './properties';

/** PATCH: only the fields the user gave are sent. */
export function updateOperation(kind: CreditKind): Operation {
	const properties = [
		uuidProperty(kind),
		updateFieldsCollection(updateFieldProperties(kind)),
		optionsCollection([]),
	];
	return {
		sending: WRITES,
		description: forOperation(kind.resource, 'update', properties),
		async plan(
			this: IExecuteFunctions,
			itemIndex: number,
			settings: RequestSettings,
		): Promise<ItemPlan> {
			const uuid = requireCreditUuid(this, itemIndex, kind);
			const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const body = await buildCreditBody(this, kind, fields, itemIndex, settings);
			if (Object.keys(body).length === 0) {
				throw invalidParameter(
					this,
					itemIndex,
					'Update Fields',
					'is empty: add at least one field to change',
				);
			}
			const request = creditItemRequest(kind, 'PATCH', uuid, body);
			return {
				recordKey: uuid,
				send: async () => await waldurRecord(this, request, itemIndex, settings),
			};
		},
	};
}
