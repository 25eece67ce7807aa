import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, forOperation } from '../shared/descriptions';
import { required, toDecimalString, toPositiveInteger } from '../shared/checks';
import type { Field } from '../shared/fields';
import { field } from '../shared/fields';
import { toDurationUnits, toXmlText } from './checks';
import { existingSubscriberLocator, featureLevelLocator, planLocator } from './pickers';
import type { XmlFields } from './xmlRequest';

/** An optional text parameter. */
export function textProperty(
	displayName: string,
	name: string,
	description: string,
	placeholder?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		description,
		...(placeholder ? { placeholder } : {}),
	};
}

export const customerIdProperty: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '42',
	description: "Your application's own ID for the subscriber, which Spreedly calls the customer ID",
};

export const screenNameProperty: INodeProperties = {
	displayName: 'Screen Name',
	name: 'screenName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'jane',
	description: 'The name Spreedly shows for the subscriber',
};

/** The subscriber an operation acts on (a picker); a new subscriber's Customer ID is `customerIdField`. */
export const subscriberField = field(existingSubscriberLocator, required(toXmlText));

export const customerIdField = field(customerIdProperty, required(toXmlText));

export const screenNameField = field(screenNameProperty, required(toXmlText));

export const planIdField = field(planLocator, toPositiveInteger);

export const featureLevelField = field(featureLevelLocator, required(toXmlText), {
	wire: 'feature-level',
});

const durationQuantity = field(
	{
		displayName: 'Duration Quantity',
		name: 'durationQuantity',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'How many days or months',
	},
	toPositiveInteger,
	{ wire: 'duration-quantity' },
);

const durationUnits = field(
	{
		displayName: 'Duration Units',
		name: 'durationUnits',
		type: 'options',
		required: true,
		options: [
			{ name: 'Days', value: 'days' },
			{ name: 'Months', value: 'months' },
		],
		default: 'months',
		description: 'Whether Duration Quantity counts days or months',
	},
	required(toDurationUnits),
	{ wire: 'duration-units' },
);

export const durationProperties: INodeProperties[] = [
	durationQuantity.property,
	durationUnits.property,
];

/** A notice above an operation's fields that Spreedly allows on test sites only. */
/** Spreedly answers 403 to a delete on a production site. */
export const TEST_SITES_ONLY_HINT =
	'Spreedly deletes subscribers only on test sites and answers 403 on a production site: check that the Site Name in the credential is the test site (its name usually ends in -test).';

export function testSitesOnlyNotice(operation: string, text: string): INodeProperties[] {
	return forOperation('subscriber', operation, [
		{ displayName: text, name: 'testSitesOnlyNotice', type: 'notice', default: '' },
	]);
}

/** Amount: a decimal sent exactly as written. */
export function amountField(description: string): Field<string> {
	const property: INodeProperties = {
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description,
	};
	return field(property, toDecimalString);
}

/** The optional fields of Create and Get or Create. */
export const emailField: INodeProperties = additionalFieldsCollection([
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: "The subscriber's email address",
	},
]);

/** `<subscription-plan><id>…</id></subscription-plan>`, the document of Subscribe to Free Trial and Change Plan. */
export function planDocument(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { root: string; fields: XmlFields } {
	return { root: 'subscription-plan', fields: { id: planIdField.read(ctx, itemIndex) } };
}

/** `<duration-quantity>` and `<duration-units>` of the complimentary subscription and time extension. */
export function durationFields(ctx: IExecuteFunctions, itemIndex: number): XmlFields {
	return {
		[durationQuantity.wire]: durationQuantity.read(ctx, itemIndex),
		[durationUnits.wire]: durationUnits.read(ctx, itemIndex),
	};
}
