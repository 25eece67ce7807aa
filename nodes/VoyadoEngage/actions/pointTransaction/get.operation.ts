import { getByIdOperation } from '../../getById';

export const { description, sending, plan } = getByIdOperation({
	resource: 'pointTransaction',
	idName: 'transactionId',
	idLabel: 'Transaction ID',
	idDescription: 'The numeric ID of the point transaction',
	path: '/api/v2/point-accounts/transactions',
	what: 'point transaction',
});
