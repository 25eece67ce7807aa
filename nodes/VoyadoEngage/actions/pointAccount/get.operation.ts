import { numericIdField } from '../../fields';
import { getByIdOperation } from '../../getById';

export const { description, sending, plan } = getByIdOperation({
	resource: 'pointAccount',
	id: numericIdField('Account ID', 'accountId', 'The numeric ID of the point account'),
	path: '/api/v2/point-accounts',
	what: 'point account',
});
