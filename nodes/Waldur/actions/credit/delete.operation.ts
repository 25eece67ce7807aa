import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WRITES } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { waldurRequest } from '../../transport';
import { creditItemRequest, requireCreditUuid, uuidProperty } from './properties';

/** Waldur answers 204 without a body, so the output is `{ success: true, uuid }` (see EmptySuccess). */
export function deleteOperation(kind: CreditKind): Operation {
	return {
		sending: WRITES,
		description: forOperation(kind.resource, 'delete', [uuidProperty(kind), optionsCollection([])]),
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
