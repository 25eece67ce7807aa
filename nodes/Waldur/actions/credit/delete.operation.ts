import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WRITE_CONCURRENCY } from '../../../shared/concurrency';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/itemLoop';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { waldurRequest } from '../../transport';
import { creditItemRequest, requireCreditUuid, uuidProperty } from './properties';

/** Waldur answers 204 without a body, so the output is `{ success: true, uuid }` (see EmptySuccess). */
export function deleteOperation(kind: CreditKind): Operation {
	return {
		description: forOperation(kind.resource, 'delete', [
			uuidProperty(kind),
			optionsCollection([], WRITE_CONCURRENCY),
		]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings): ItemPlan {
			const uuid = requireCreditUuid(this, itemIndex, kind);
			const request = creditItemRequest(kind, 'DELETE', uuid);
			return {
				recordKey: uuid,
				send: async () => await waldurRequest<IDataObject>(this, request, itemIndex, settings),
			};
		},
	};
}
