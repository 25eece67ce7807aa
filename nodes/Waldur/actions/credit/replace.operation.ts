import type { IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { WRITES } from '../../../shared/pipeline/operation';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { waldurRecord } from '../../transport';
import {
	creditItemRequest,
	fullCreditBody,
	fullCreditProperties,
	requireCreditUuid,
	uuidProperty,
} from './properties';

/** PUT: the owner and value are required, as when creating. */
export function replaceOperation(kind: CreditKind): Operation {
	const properties = [uuidProperty(kind), ...fullCreditProperties(kind)];
	return {
		sending: WRITES,
		description: forOperation(kind.resource, 'replace', properties),
		async plan(
			this: IExecuteFunctions,
			itemIndex: number,
			settings: RequestSettings,
		): Promise<ItemPlan> {
			const uuid = requireCreditUuid(this, itemIndex, kind);
			const request = creditItemRequest(
				kind,
				'PUT',
				uuid,
				await fullCreditBody(this, kind, itemIndex, settings),
			);
			return {
				recordKey: uuid,
				send: async () => await waldurRecord(this, request, itemIndex, settings),
			};
		},
	};
}
