import { contactIdField } from '../../fields';
import { getByIdOperation } from '../../getById';

export const { description, sending, plan } = getByIdOperation({
	resource: 'contact',
	id: contactIdField('The GUID of the contact, e.g. from Contact → Find'),
	path: '/api/v2/contacts',
	what: 'contact',
});
