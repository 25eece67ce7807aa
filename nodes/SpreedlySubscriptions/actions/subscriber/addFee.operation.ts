import type { INodeProperties } from 'n8n-workflow';

import { required } from '../../../shared/checks';
import { field } from '../../../shared/fields';
import { optionalXmlText, toXmlText } from '../../checks';
import { amountField, textProperty } from '../../fields';
import { subscriberOperation } from './subscriberRequest';

const name = field(
	{
		...textProperty(
			'Name',
			'name',
			'The name of the fee, shown on the invoice',
			'Excess Bandwidth Charge',
		),
		required: true,
	},
	required(toXmlText),
);

const feeDescription = field(
	textProperty('Description', 'description', 'What the fee is for'),
	optionalXmlText,
);

const group = field(
	textProperty(
		'Group',
		'group',
		'A group that collects fees of the same kind on the invoice',
		'Bandwidth',
	),
	optionalXmlText,
);

const amount = amountField('The amount of the fee, in the currency of the subscriber’s plan');

const properties: INodeProperties[] = [
	name.property,
	feeDescription.property,
	group.property,
	amount.property,
];

/** Spreedly adds fees to active, recurring subscribers only: 422 otherwise, as for an invalid fee. */
export const FEE_REFUSED_HINT =
	'Spreedly adds fees only to subscribers that are active and have a recurring subscription (see active and recurring in Subscriber → Get); otherwise the message names the fee field it could not accept.';

export const { description, sending, plan } = subscriberOperation(
	'addFee',
	properties,
	(ctx, itemIndex) => ({
		method: 'POST',
		action: 'fees',
		statusHints: { 422: FEE_REFUSED_HINT },
		xml: {
			root: 'fee',
			fields: {
				name: name.read(ctx, itemIndex),
				[feeDescription.wire]: feeDescription.read(ctx, itemIndex),
				[group.wire]: group.read(ctx, itemIndex),
				amount: amount.read(ctx, itemIndex),
			},
		},
	}),
);
