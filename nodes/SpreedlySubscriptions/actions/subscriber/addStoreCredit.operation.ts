import { requireDecimalString } from '../../../shared/fields';
import { amountProperty } from './fields';
import { subscriberOperation } from './subscriberRequest';

export const { description, plan } = subscriberOperation(
	'addStoreCredit',
	[
		amountProperty(
			'The credit to add; a negative amount takes credit away (the total may not fall below 0)',
		),
	],
	(ctx, itemIndex) => ({
		method: 'POST',
		action: 'credits',
		xml: {
			root: 'credit',
			fields: { amount: requireDecimalString(ctx, 'amount', itemIndex, 'Amount') },
		},
	}),
);
