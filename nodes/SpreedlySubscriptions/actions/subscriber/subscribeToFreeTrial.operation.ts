import { planDocument, planIdProperty } from './fields';
import { subscriberOperation, subscriberOrPlanNotFound } from './subscriberRequest';

/** Spreedly answers 403 when the subscriber is not eligible or the plan is not a free-trial plan. */
export const FREE_TRIAL_REFUSED_HINT =
	'Spreedly answers 403 when the subscriber is not eligible for a free trial (it had one: Allow Free Trial makes it eligible again) or the plan is not a free-trial plan (pick one whose plan type is free_trial); the message says which.';

export const { description, plan } = subscriberOperation(
	'subscribeToFreeTrial',
	[planIdProperty],
	(ctx, itemIndex, customerId) => {
		const xml = planDocument(ctx, itemIndex);
		return {
			method: 'POST',
			action: 'subscribe_to_free_trial',
			xml,
			notFoundMessage: subscriberOrPlanNotFound(customerId, String(xml.fields.id)),
			statusHints: { 403: FREE_TRIAL_REFUSED_HINT },
		};
	},
);
