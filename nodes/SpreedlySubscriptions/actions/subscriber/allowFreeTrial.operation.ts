import { subscriberOperation } from './subscriberRequest';

export const { description, sending, plan } = subscriberOperation('allowFreeTrial', [], () => ({
	method: 'POST',
	action: 'allow_free_trial',
}));
