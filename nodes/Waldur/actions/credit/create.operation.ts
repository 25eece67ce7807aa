import type { IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { WRITES } from '../../../shared/pipeline/operation';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { waldurRecord } from '../../transport';
import { fullCreditBody, fullCreditProperties } from './properties';

export function createOperation(kind: CreditKind): Operation {
	return {
		sending: WRITES,
		description: forOperation(kind.resource, 'create', fullCreditProperties(kind)),
		async plan(
			this: IExecuteFunctions,
			itemIndex: number,
			settings: RequestSettings,
		): Promise<ItemPlan> {
			const body = await fullCreditBody(this, kind, itemIndex, settings);
			const owner = { [kind.owner.name]: body[kind.owner.name] };
			const request = {
				method: 'POST' as const,
				path: kind.path,
				body,
				emptySuccess: { done: owner },
			};
			return {
				// Credits of one project (or customer) are created in input order.
				recordKey: `${kind.owner.name}:${String(body[kind.owner.name])}`,
				send: async () => await waldurRecord(this, request, itemIndex, settings),
			};
		},
	};
}
