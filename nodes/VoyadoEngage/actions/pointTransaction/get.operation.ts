import { numericIdField } from '../../fields';
import { getByIdOperation } from '../../getById';

export const { description, sending, plan } = getByIdOperation({
	resource: 'pointTransaction',
	id: numericIdField('Transaction ID', 'transactionId', 'The numeric ID of the point transaction'),
	path: '/api/v2/point-accounts/transactions',
	what: 'point transaction',
});
