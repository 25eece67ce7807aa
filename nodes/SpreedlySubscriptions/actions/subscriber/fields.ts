import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, forOperation } from '../../../shared/descriptions';
import { requirePositiveInteger } from '../../../shared/fields';
import { requireDurationUnits } from '../../inputs';
import type { XmlFields } from '../../xmlRequest';

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

export {
	featureLevelLocator as featureLevelProperty,
	planLocator as planIdProperty,
} from '../../pickers';

export const durationProperties: INodeProperties[] = [
	{
		displayName: 'Duration Quantity',
		name: 'durationQuantity',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'How many days or months',
	},
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

export function amountProperty(description: string): INodeProperties {
	return {
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description,
	};
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
	return {
		root: 'subscription-plan',
		fields: { id: requirePositiveInteger(ctx, 'planId', itemIndex, 'Plan ID') },
	};
}

/** `<duration-quantity>` and `<duration-units>` of the complimentary subscription and time extension. */
export function durationFields(ctx: IExecuteFunctions, itemIndex: number): XmlFields {
	return {
		'duration-quantity': requirePositiveInteger(
			ctx,
			'durationQuantity',
			itemIndex,
			'Duration Quantity',
		),
		'duration-units': requireDurationUnits(ctx, itemIndex),
	};
}
