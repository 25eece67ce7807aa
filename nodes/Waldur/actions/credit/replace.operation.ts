import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { waldurRecord } from '../../transport';
import {
	creditItemRequest,
	fullCreditBody,
	fullCreditProperties,
	readCreditUuid,
	uuidProperty,
} from './properties';

/** PUT: the owner and value are required, as when creating. */
export function replaceOperation(kind: CreditKind): Operation {
	const properties = [uuidProperty(kind), ...fullCreditProperties(kind)];
	return {
		description: forOperation(kind.resource, 'replace', properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const uuid = readCreditUuid(this, itemIndex, kind);
			const body = await fullCreditBody(this, kind, itemIndex);
			return await waldurRecord(this, creditItemRequest(kind, 'PUT', uuid, body), itemIndex);
		},
	};
}
