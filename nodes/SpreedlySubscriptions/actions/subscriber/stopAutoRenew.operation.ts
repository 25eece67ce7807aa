import { subscriberOperation } from './subscriberRequest';

export const { description, execute } = subscriberOperation('stopAutoRenew', [], () => ({
	method: 'POST',
	action: 'stop_auto_renew',
}));
