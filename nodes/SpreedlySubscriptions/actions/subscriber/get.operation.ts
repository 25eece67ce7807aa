import { subscriberOperation } from './subscriberRequest';

export const { description, sending, plan } = subscriberOperation('get', [], () => ({
	method: 'GET',
}));
