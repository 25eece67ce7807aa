import type { IExecuteFunctions } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { creditRequest } from '../../credits';
import type { CreditFields } from '../../fields';
import { waldurRecord } from '../../transport';

export function getOperation(kind: CreditKind, fields: CreditFields): Operation {
	return {
		sending: READS,
		description: forOperation(kind.resource, 'get', [
			fields.credit.property,
			optionsCollection([]),
		]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings): ItemPlan {
			const request = creditRequest(kind, 'GET', fields.credit.read(this, itemIndex));
			return { send: async () => await waldurRecord(this, request, itemIndex, settings) };
		},
	};
}
