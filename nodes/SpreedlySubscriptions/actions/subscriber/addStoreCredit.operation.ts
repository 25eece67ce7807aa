import { amountField } from '../../fields';
import { subscriberOperation } from './subscriberRequest';

/** Spreedly answers 422 when the subscriber's total store credit would fall below 0. */
export const STORE_CREDIT_HINT =
	"A subscriber's store credit may not fall below 0, so a negative Amount may take away at most its current storeCredit (see Subscriber → Get); Spreedly also answers 422 to an Amount that is not a number.";

const amount = amountField(
	'The credit to add; a negative amount takes credit away (the total may not fall below 0)',
);

export const { description, sending, plan } = subscriberOperation(
	'addStoreCredit',
	[amount.property],
	(ctx, itemIndex) => ({
		method: 'POST',
		action: 'credits',
		statusHints: { 422: STORE_CREDIT_HINT },
		xml: {
			root: 'credit',
			fields: { amount: amount.read(ctx, itemIndex) },
		},
	}),
);
