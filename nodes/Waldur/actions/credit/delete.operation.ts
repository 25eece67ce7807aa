import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WRITES } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { creditRequest } from '../../credits';
import type { CreditFields } from '../../fields';
import { waldurRequest } from '../../transport';

/** Waldur answers 204 without a body, so the output is `{ success: true, uuid }` (see EmptySuccess). */
export function deleteOperation(kind: CreditKind, fields: CreditFields): Operation {
	return {
		sending: WRITES,
		description: forOperation(kind.resource, 'delete', [
			fields.credit.property,
			optionsCollection([]),
		]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings): ItemPlan {
			const uuid = fields.credit.read(this, itemIndex);
			const request = creditRequest(kind, 'DELETE', uuid);
			return {
				recordKey: uuid,
				send: async () => await waldurRequest<IDataObject>(this, request, itemIndex, settings),
			};
		},
	};
}
