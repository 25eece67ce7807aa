import { subscriberOperation } from './subscriberRequest';

export const { description, sending, plan } = subscriberOperation('stopAutoRenew', [], () => ({
	method: 'POST',
	action: 'stop_auto_renew',
}));
