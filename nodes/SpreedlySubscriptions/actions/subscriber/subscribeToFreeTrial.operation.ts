import { planIdField } from '../../fields';
import { planCall, subscriberOperation } from './subscriberRequest';

/** Spreedly answers 403 when the subscriber is not eligible or the plan is not a free-trial plan. */
export const FREE_TRIAL_REFUSED_HINT =
	'Spreedly answers 403 when the subscriber is not eligible for a free trial (it had one: Allow Free Trial makes it eligible again) or the plan is not a free-trial plan (pick one whose plan type is free_trial); the message says which.';

export const { description, sending, plan } = subscriberOperation(
	'subscribeToFreeTrial',
	[planIdField.property],
	(ctx, itemIndex, customerId) => ({
		method: 'POST',
		action: 'subscribe_to_free_trial',
		...planCall(ctx, itemIndex, customerId),
		statusHints: { 403: FREE_TRIAL_REFUSED_HINT },
	}),
);
