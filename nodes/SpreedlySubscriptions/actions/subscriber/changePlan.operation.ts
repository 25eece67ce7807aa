import { planDocument, planIdProperty } from './fields';
import { subscriberOperation, subscriberOrPlanNotFound } from './subscriberRequest';

/** Spreedly switches the plan at once: no prorating, no invoice, the feature level changes immediately. */
export const { description, plan } = subscriberOperation(
	'changePlan',
	[planIdProperty],
	(ctx, itemIndex, customerId) => {
		const xml = planDocument(ctx, itemIndex);
		return {
			method: 'PUT',
			action: 'change_subscription_plan',
			xml,
			notFoundMessage: subscriberOrPlanNotFound(customerId, String(xml.fields.id)),
		};
	},
);
