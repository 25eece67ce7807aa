import { getByIdOperation } from '../../getById';

export const { description, sending, plan } = getByIdOperation({
	resource: 'pointAccount',
	idName: 'accountId',
	idLabel: 'Account ID',
	idDescription: 'The numeric ID of the point account',
	path: '/api/v2/point-accounts',
	what: 'point account',
});
