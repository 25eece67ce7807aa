import type { IExecuteFunctions } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { waldurRecord } from '../../transport';
import { creditItemRequest, requireCreditUuid, uuidProperty } from './properties';

export function getOperation(kind: CreditKind): Operation {
	return {
		sending: READS,
		description: forOperation(kind.resource, 'get', [uuidProperty(kind), optionsCollection([])]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings): ItemPlan {
			const request = creditItemRequest(kind, 'GET', requireCreditUuid(this, itemIndex, kind));
			return { send: async () => await waldurRecord(this, request, itemIndex, settings) };
		},
	};
}
