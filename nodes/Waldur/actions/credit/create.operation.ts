import type { IExecuteFunctions } from 'n8n-workflow';

import { WRITES } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import type { CreditFields } from '../../fields';
import { creditBody, fullCreditProperties, readFullCredit } from '../../fields';
import { waldurBaseUrl, waldurRecord } from '../../transport';

export function createOperation(kind: CreditKind, fields: CreditFields): Operation {
	return {
		sending: WRITES,
		description: forOperation(kind.resource, 'create', [
			...fullCreditProperties(fields),
			optionsCollection([]),
		]),
		async plan(
			this: IExecuteFunctions,
			itemIndex: number,
			settings: RequestSettings,
		): Promise<ItemPlan> {
			const given = readFullCredit(this, fields, itemIndex);
			const body = creditBody(given, await waldurBaseUrl(this, settings));
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
