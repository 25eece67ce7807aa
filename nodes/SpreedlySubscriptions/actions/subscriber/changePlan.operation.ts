import { planDocument, planIdProperty } from './fields';
import { subscriberOperation } from './subscriberRequest';

/** Spreedly switches the plan at once: no prorating, no invoice, the feature level changes immediately. */
export const { description, plan } = subscriberOperation(
	'changePlan',
	[planIdProperty],
	(ctx, itemIndex) => ({
		method: 'PUT',
		action: 'change_subscription_plan',
		xml: planDocument(ctx, itemIndex),
	}),
);
