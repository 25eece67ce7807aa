import { getByIdOperation } from '../../getById';
import { contactIdProperty, requireContactId } from '../../parameters';

export const { description, sending, plan } = getByIdOperation({
	resource: 'contact',
	idName: 'contactId',
	idLabel: 'Contact ID',
	idProperty: contactIdProperty('The GUID of the contact, e.g. from Contact → Find'),
	requireId: requireContactId,
	path: '/api/v2/contacts',
	what: 'contact',
});
