import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Check, DecimalRule } from '../shared/checks';
import { notEmpty, required, toDecimalString } from '../shared/checks';
import type { ApiContext } from '../shared/context';
import { additionalFieldsCollection } from '../shared/descriptions';
import type { Field } from '../shared/fields';
import { field, propertiesOf, readCollection } from '../shared/fields';
import {
	MONEY,
	objectUrl,
	oneOf,
	PERCENTAGE,
	recordUuid,
	toBoolean,
	toFirstOfMonth,
	toUrlList,
} from './checks';
import type { CreditKind } from './credits';
import { collectionOf, creditLocator, ownerLocator } from './pickers';

/** What a credit field gives: its value on the wire, or (a linked object) the URL made from the base URL. */
export type CreditValue = IDataObject[string] | ((baseUrl: string) => string);

/** One writable credit field before it is declared: its parameter, check, wire name and, when only one kind has it, that kind. */
interface CreditField {
	property: INodeProperties;
	check: Check<CreditValue>;
	wire: string;
	only?: CreditKind['resource'];
}

/** A decimal taken as text, so it reaches the wire exactly as written. */
function decimalField(
	name: string,
	displayName: string,
	wire: string,
	format: DecimalRule,
	placeholder: string,
	description: string,
): CreditField {
	return {
		property: {
			displayName,
			name,
			type: 'string',
			default: '',
			placeholder,
			description: `${description}. Sent exactly as written.`,
		},
		check: (ctx, value, itemIndex, label) => toDecimalString(ctx, value, itemIndex, label, format),
		wire,
	};
}

function booleanField(
	name: string,
	displayName: string,
	wire: string,
	description: string,
	only?: CreditKind['resource'],
): CreditField {
	return {
		property: { displayName, name, type: 'boolean', default: false, description },
		check: toBoolean,
		wire,
		only,
	};
}

/** The project or customer the credit belongs to (a picker); a UUID becomes the URL Waldur links objects by. */
function ownerField(kind: CreditKind): CreditField {
	const { name, collection } = kind.owner;
	return {
		property: ownerLocator(
			kind,
			`The ${name} the credit belongs to: pick one (search by name), or give its UUID or URL`,
		),
		check: objectUrl(collection),
		wire: name,
	};
}

const valueField = decimalField(
	'value',
	'Value',
	'value',
	MONEY,
	'1500.00',
	'The amount of credit, a decimal written with a dot (up to 11 digits before it and 5 after)',
);

const MINIMAL_CONSUMPTION_LOGICS = ['fixed', 'linear'];

const optionalFields: CreditField[] = [
	booleanField(
		'applyAsMinimalConsumption',
		'Apply as Minimal Consumption',
		'apply_as_minimal_consumption',
		'Whether a month with less usage than the minimal consumption still takes the minimal consumption from the credit (Waldur assumes yes when the field is not sent)',
	),
	{
		property: {
			displayName: 'End Date',
			name: 'endDate',
			// A month, not a date picker: Waldur accepts only the first of a month, which a month names exactly.
			type: 'string',
			default: '',
			placeholder: 'e.g. 2026-07',
			hint: 'A month (2026-07) or its first day (2026-07-01)',
			description:
				'The month the credit ends with, from its first day on. Waldur refuses any other day than the 1st; a time after the date is ignored.',
		},
		check: toFirstOfMonth,
		wire: 'end_date',
	},
	decimalField(
		'expectedConsumption',
		'Expected Consumption',
		'expected_consumption',
		MONEY,
		'100.00',
		'The expected spend per month, a decimal written with a dot',
	),
	decimalField(
		'graceCoefficient',
		'Grace Coefficient (%)',
		'grace_coefficient',
		PERCENTAGE,
		'10',
		'How many percent below the expected consumption a month may stay before the shortfall is taken from the credit, a whole number',
	),
	booleanField(
		'markUnusedCreditAsSpentOnProjectTermination',
		'Mark Unused Credit as Spent on Project Termination',
		'mark_unused_credit_as_spent_on_project_termination',
		'Whether the credit left over when the project ends counts as spent',
		'projectCredit',
	),
	{
		property: {
			displayName: 'Minimal Consumption Logic',
			name: 'minimalConsumptionLogic',
			type: 'options',
			options: [
				{ name: 'Fixed', value: 'fixed', description: 'The expected consumption stays as set' },
				{
					name: 'Linear',
					value: 'linear',
					description:
						'The expected consumption is recalculated monthly so the credit is used up by the end date',
				},
			],
			default: 'fixed',
			description: 'How the expected consumption evolves over time',
		},
		check: oneOf(MINIMAL_CONSUMPTION_LOGICS),
		wire: 'minimal_consumption_logic',
	},
	{
		property: {
			displayName: 'Offering URLs',
			name: 'offerings',
			type: 'string',
			default: '',
			placeholder: 'https://waldur.example.com/api/marketplace-provider-offerings/<uuid>/',
			description: 'Limit the credit to these offerings: their full URLs, separated by commas',
		},
		check: toUrlList,
		wire: 'offerings',
		only: 'customerCredit',
	},
];

/** The parameters of one kind of credit, declared once per kind. */
export interface CreditFields {
	/** The credit an operation acts on: a picker, or its UUID or record URL; a UUID on the wire. */
	credit: Field<string>;
	/** Owner and value, which create and replace require. */
	required: Array<Field<CreditValue>>;
	/** The optional fields of create and replace ("Additional Fields"): once added, not empty. */
	additional: Array<Field<CreditValue>>;
	/** Every writable field, for "Update Fields": once added, not empty (for a PATCH, empty could mean "clear it"). */
	writable: Array<Field<CreditValue>>;
}

function ofKind(kind: CreditKind, fields: CreditField[]): CreditField[] {
	return fields.filter(({ only }) => only === undefined || only === kind.resource);
}

function declared({ property, check, wire }: CreditField): Field<CreditValue> {
	return field(property, notEmpty(check), { wire });
}

export function creditFields(kind: CreditKind): CreditFields {
	const owner = ownerField(kind);
	const additional = ofKind(kind, optionalFields);
	return {
		credit: field(creditLocator(kind), required(recordUuid(collectionOf(kind.path)))),
		required: [owner, valueField].map(({ property, check, wire }) =>
			field({ ...property, required: true }, required(check), { wire }),
		),
		additional: additional.map(declared),
		writable: [owner, valueField, ...additional].map(declared),
	};
}

/** Fields read for an item, each with its checked value (undefined: not given). */
export type GivenFields = Array<[Field<CreditValue>, CreditValue | undefined]>;

/**
 * The request body of the fields given (`[field, value]`, read and checked before any request): each
 * under its wire name, a linked object as its URL on the credential's base URL.
 */
export function creditBody(given: GivenFields, baseUrl: string): IDataObject {
	const body: IDataObject = {};
	for (const [declaredField, value] of given) {
		if (value === undefined) continue;
		body[declaredField.wire] = typeof value === 'function' ? value(baseUrl) : value;
	}
	return body;
}

/** Owner, value and the Additional Fields given: what create and replace send, each read once and checked. */
export function readFullCredit(
	ctx: ApiContext,
	fields: CreditFields,
	itemIndex: number,
): GivenFields {
	const additional = readCollection(ctx, 'additionalFields', itemIndex);
	return [
		...fields.required.map((declared): GivenFields[number] => [
			declared,
			declared.read(ctx, itemIndex),
		]),
		...fields.additional.map((declared): GivenFields[number] => [
			declared,
			declared.from(additional, ctx, itemIndex),
		]),
	];
}

/** The properties of create and replace: owner, value and "Additional Fields". */
export function fullCreditProperties(fields: CreditFields): INodeProperties[] {
	return [
		...propertiesOf(fields.required),
		additionalFieldsCollection(propertiesOf(fields.additional)),
	];
}
