import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, dateTimeProperty } from '../../../shared/descriptions';
import { toDecimalString, toIsoDateTime } from '../../../shared/checks';
import { durationFields, durationProperties, featureLevelField } from '../../fields';
import { subscriberOperation } from './subscriberRequest';

const properties: INodeProperties[] = [
	...durationProperties,
	featureLevelField.property,
	additionalFieldsCollection([
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
			description: 'What the complimentary time is worth, for prorating a later paid subscription',
		},
		dateTimeProperty(
			'Start Time',
			'startTime',
			'When the complimentary time starts, for prorating (with Amount)',
		),
	]),
];

/** Spreedly gives complimentary subscriptions to inactive subscribers only (403 otherwise). */
export const SUBSCRIBER_ACTIVE_HINT =
	'Spreedly gives a complimentary subscription only to an inactive subscriber, and answers 403 for an active one: use Add Complimentary Time Extension to lengthen an active subscription.';

export const { description, sending, plan } = subscriberOperation(
	'addComplimentarySubscription',
	properties,
	(ctx, itemIndex) => {
		const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		return {
			method: 'POST',
			action: 'complimentary_subscriptions',
			statusHints: { 403: SUBSCRIBER_ACTIVE_HINT },
			xml: {
				root: 'complimentary-subscription',
				fields: {
					...durationFields(ctx, itemIndex),
					[featureLevelField.wire]: featureLevelField.read(ctx, itemIndex),
					'start-time': additional.startTime
						? toIsoDateTime(ctx, additional.startTime, itemIndex, 'Start Time')
						: undefined,
					amount:
						additional.amount === undefined
							? undefined
							: toDecimalString(ctx, additional.amount, itemIndex, 'Amount'),
				},
			},
		};
	},
);
