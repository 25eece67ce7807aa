import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { waldurRecord } from '../../transport';
import { creditItemRequest, readCreditUuid, uuidProperty } from './properties';

export function getOperation(kind: CreditKind): Operation {
	return {
		description: forOperation(kind.resource, 'get', [uuidProperty(kind), optionsCollection()]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const uuid = readCreditUuid(this, itemIndex, kind);
			return await waldurRecord(this, creditItemRequest(kind, 'GET', uuid), itemIndex);
		},
	};
}
