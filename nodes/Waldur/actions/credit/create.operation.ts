import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { waldurRecord } from '../../transport';
import { fullCreditBody, fullCreditProperties } from './properties';

export function createOperation(kind: CreditKind): Operation {
	return {
		description: forOperation(kind.resource, 'create', fullCreditProperties(kind)),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const body = await fullCreditBody(this, kind, itemIndex);
			return await waldurRecord(this, { method: 'POST', path: kind.path, body }, itemIndex);
		},
	};
}
