import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { READ_CONCURRENCY } from '../../../shared/concurrency';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { ItemPlan } from '../../../shared/itemLoop';
import type { RequestSettings } from '../../../shared/requestSettings';
import { contactIdProperty, requireContactId } from '../../parameters';
import { voyadoRequest } from '../../transport';

export const description = forOperation('contact', 'get', [
	contactIdProperty('The GUID of the contact, e.g. from Contact → Find'),
	optionsCollection([], READ_CONCURRENCY),
]);

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const contactId = requireContactId(this, 'contactId', itemIndex);
	const request = {
		method: 'GET' as const,
		path: `/api/v2/contacts/${contactId}`,
		notFoundMessage: `No Voyado Engage contact with ID ${contactId} was found`,
		emptySuccess: { record: `contact ${contactId}` },
	};
	return {
		send: async () => await voyadoRequest<IDataObject>(this, request, itemIndex, settings),
	};
}
