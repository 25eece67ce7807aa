import type { INodeProperties } from 'n8n-workflow';

export const customerIdProperty: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '42',
	description: "Your application's ID for the subscriber (Spreedly's customer-id)",
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

export const planIdProperty: INodeProperties = {
	displayName: 'Plan ID',
	name: 'planId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '12345',
	description: 'The numeric ID of the subscription plan. Use Subscription Plan → Get Many to find it.',
};

export const featureLevelProperty: INodeProperties = {
	displayName: 'Feature Level',
	name: 'featureLevel',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'Pro',
	description: 'The feature level the subscriber gets, as defined by your plans',
};

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
	},
];

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
export const emailField: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "The subscriber's email address",
		},
	],
};
