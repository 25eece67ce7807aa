import type { INodeProperties } from 'n8n-workflow';

import type { Check } from '../../shared/checks';
import { toFiniteNumber, toIsoDateTime, toRequiredString } from '../../shared/checks';
import { dateTimeProperty } from '../../shared/descriptions';
import type { Field } from '../../shared/fields';
import { field } from '../../shared/fields';
import { contactIdField, definitionField } from '../fields';

/**
 * The fields of a `PointTransactionToAccount` row, each declared once: its parameter (Map Each Field
 * Below, whose errors name the display name) and its name in the row, which is also the input
 * field Map Automatically reads (whose errors name that field).
 */

/** Shows a contact parameter only for the kind Identify Contact By names. */
const forIdentifier = (property: INodeProperties): INodeProperties => ({
	...property,
	displayOptions: { show: { identifyBy: [property.name] } },
});

function identifierField(property: INodeProperties): Field<string> {
	return field(forIdentifier(property), toRequiredString);
}

const contactId = contactIdField('The GUID of the contact who receives (or loses) the points');

/** How a row names its contact: Engage's contact ID, or an identifier Engage's contact lookup takes. */
export const CONTACT_FIELDS = {
	contactId: { ...contactId, property: forIdentifier(contactId.property) },
	email: identifierField({
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jane@example.com',
		description: 'The email of the contact who receives (or loses) the points',
	}),
	mobilePhone: identifierField({
		displayName: 'Mobile Phone',
		name: 'mobilePhone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +46701234567',
		description:
			'The mobile phone number of the contact, as Engage holds it (international format)',
	}),
	customKey: identifierField({
		displayName: 'Member Number',
		name: 'customKey',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100234',
		description:
			"The contact's custom key in Engage: the member number or external ID, depending on the tenant",
	}),
} as const;
export type IdentifyBy = keyof typeof CONTACT_FIELDS;

/** The other fields every row needs, in the order Map Automatically lists them. */
export const VALUE_FIELDS = {
	definitionId: definitionField(
		"The point definition: which of the contact's point accounts is changed. Pick one, or give its numeric ID.",
	),
	amount: field(
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			required: true,
			default: 0,
			description: 'The number of points; negative to deduct',
		},
		toFiniteNumber,
	),
	source: field(
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Purchase',
			description: 'Where the points come from. Required: Engage skips rows without it.',
		},
		toRequiredString,
	),
	description: field(
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Order 1001',
			description: 'Why the points were given. Required: Engage skips rows without it.',
		},
		toRequiredString,
	),
} as const;

/** A date is checked only when given: empty means Engage's default. */
const optionalDateTime: Check<string | undefined> = (ctx, value, itemIndex, label) =>
	value === undefined || value === null || value === ''
		? undefined
		: toIsoDateTime(ctx, value, itemIndex, label);

function dateField(displayName: string, name: string, description: string) {
	return field(dateTimeProperty(displayName, name, description), optionalDateTime, {
		in: 'additionalFields',
	});
}

/** The optional dates of a row (Additional Fields when mapped one by one). */
export const DATE_FIELDS = {
	timeStamp: dateField(
		'Timestamp',
		'timeStamp',
		'When the transaction happened; Engage uses "now" when empty',
	),
	validFrom: dateField(
		'Valid From',
		'validFrom',
		'When the points become usable (pending until then); Engage uses "now" when empty',
	),
	validTo: dateField('Valid To', 'validTo', 'When the points expire'),
} as const;

export type RowFieldName = IdentifyBy | keyof typeof VALUE_FIELDS | keyof typeof DATE_FIELDS;
