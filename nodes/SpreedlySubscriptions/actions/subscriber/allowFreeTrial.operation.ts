import { subscriberOperation } from './subscriberRequest';

export const { description, execute } = subscriberOperation('allowFreeTrial', [], () => ({
	method: 'POST',
	action: 'allow_free_trial',
}));
