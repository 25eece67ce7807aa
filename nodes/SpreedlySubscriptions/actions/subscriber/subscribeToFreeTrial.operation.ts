import { planDocument, planIdProperty } from './fields';
import { subscriberOperation } from './subscriberRequest';

export const { description, plan } = subscriberOperation(
	'subscribeToFreeTrial',
	[planIdProperty],
	(ctx, itemIndex) => ({
		method: 'POST',
		action: 'subscribe_to_free_trial',
		xml: planDocument(ctx, itemIndex),
	}),
);
