import { durationFields, durationProperties } from '../../fields';
import { subscriberOperation } from './subscriberRequest';

/** Spreedly extends active subscribers only (403 otherwise). */
export const SUBSCRIBER_INACTIVE_HINT =
	'Spreedly extends only an active subscriber, and answers 403 for an inactive one: use Add Complimentary Subscription (or Add Lifetime Complimentary Subscription) to give an inactive subscriber time.';

export const { description, sending, plan } = subscriberOperation(
	'addComplimentaryTimeExtension',
	durationProperties,
	(ctx, itemIndex) => ({
		method: 'POST',
		action: 'complimentary_time_extensions',
		statusHints: { 403: SUBSCRIBER_INACTIVE_HINT },
		xml: { root: 'complimentary-time-extension', fields: durationFields(ctx, itemIndex) },
	}),
);
