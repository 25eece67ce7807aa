import type { IExecuteFunctions } from 'n8n-workflow';

import { WRITES } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { creditRequest } from '../../credits';
import type { CreditFields } from '../../fields';
import { creditBody, fullCreditProperties, readFullCredit } from '../../fields';
import { waldurBaseUrl, waldurRecord } from '../../transport';

/** PUT: the owner and value are required, as when creating. */
export function replaceOperation(kind: CreditKind, fields: CreditFields): Operation {
	return {
		sending: WRITES,
		description: forOperation(kind.resource, 'replace', [
			fields.credit.property,
			...fullCreditProperties(fields),
			optionsCollection([]),
		]),
		async plan(
			this: IExecuteFunctions,
			itemIndex: number,
			settings: RequestSettings,
		): Promise<ItemPlan> {
			const uuid = fields.credit.read(this, itemIndex);
			const given = readFullCredit(this, fields, itemIndex);
			const body = creditBody(given, await waldurBaseUrl(this, settings));
			const request = creditRequest(kind, 'PUT', uuid, body);
			return {
				recordKey: uuid,
				send: async () => await waldurRecord(this, request, itemIndex, settings),
			};
		},
	};
}
