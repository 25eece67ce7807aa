import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import type { CreditKind } from '../../credits';
import { waldurRequest } from '../../transport';
import { creditItemRequest, readCreditUuid, uuidProperty } from './properties';

/** Waldur answers 204 without a body, so the output says what was deleted. */
export function deleteOperation(kind: CreditKind): Operation {
	return {
		description: forOperation(kind.resource, 'delete', [uuidProperty(kind), optionsCollection()]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const uuid = readCreditUuid(this, itemIndex, kind);
			await waldurRequest(this, creditItemRequest(kind, 'DELETE', uuid), itemIndex);
			return { success: true, uuid };
		},
	};
}
