import { requireXmlText } from '../../inputs';
import { featureLevelProperty } from './fields';
import { subscriberOperation } from './subscriberRequest';

export const { description, sending, plan } = subscriberOperation(
	'addLifetimeComplimentarySubscription',
	[featureLevelProperty],
	(ctx, itemIndex) => ({
		method: 'POST',
		action: 'lifetime_complimentary_subscriptions',
		xml: {
			root: 'lifetime-complimentary-subscription',
			fields: { 'feature-level': requireXmlText(ctx, 'featureLevel', itemIndex, 'Feature Level') },
		},
	}),
);
