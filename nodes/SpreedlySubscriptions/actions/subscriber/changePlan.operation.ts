import { planIdField } from '../../fields';
import { planCall, subscriberOperation } from './subscriberRequest';

/** Spreedly switches the plan at once: no prorating, no invoice, the feature level changes immediately. */
export const { description, sending, plan } = subscriberOperation(
	'changePlan',
	[planIdField.property],
	(ctx, itemIndex, customerId) => ({
		method: 'PUT',
		action: 'change_subscription_plan',
		...planCall(ctx, itemIndex, customerId),
	}),
);
