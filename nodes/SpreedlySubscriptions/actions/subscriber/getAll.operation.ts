import { listOperation } from '../../listing';

export const { description, sending, plan } = listOperation(
	'subscriber',
	'/subscribers.xml',
	'subscriber',
);
