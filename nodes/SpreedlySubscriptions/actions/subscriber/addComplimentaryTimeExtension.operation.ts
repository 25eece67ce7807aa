import { durationFields, durationProperties } from './fields';
import { subscriberOperation } from './subscriberRequest';

/** Spreedly extends active subscribers only (403 otherwise). */
export const { description, plan } = subscriberOperation(
	'addComplimentaryTimeExtension',
	durationProperties,
	(ctx, itemIndex) => ({
		method: 'POST',
		action: 'complimentary_time_extensions',
		xml: { root: 'complimentary-time-extension', fields: durationFields(ctx, itemIndex) },
	}),
);
