import { featureLevelField } from '../../fields';
import { subscriberOperation } from './subscriberRequest';

export const { description, sending, plan } = subscriberOperation(
	'addLifetimeComplimentarySubscription',
	[featureLevelField.property],
	(ctx, itemIndex) => ({
		method: 'POST',
		action: 'lifetime_complimentary_subscriptions',
		xml: {
			root: 'lifetime-complimentary-subscription',
			fields: { [featureLevelField.wire]: featureLevelField.read(ctx, itemIndex) },
		},
	}),
);
