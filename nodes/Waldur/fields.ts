import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { extractLocatorValue } from '../shared/fields';
import type { DecimalRule } from '../shared/checks';
import { invalidParameter, toDecimalString } from '../shared/checks';
import { ownerLocator } from './pickers';
import type { CreditKind } from './credits';
import {
	MONEY,
	PERCENTAGE,
	toBoolean,
	toFirstOfMonth,
	toObjectUrl,
	toOneOf,
	toUrlList,
} from './values';

/** What converting a parameter value needs to know. */
export interface BodyContext {
	ctx: IExecuteFunctions;
	itemIndex: number;
	baseUrl: string;
	kind: CreditKind;
}

/** One writable credit field: its n8n parameter, its name on the wire, and its check and conversion. */
interface CreditField {
	property: INodeProperties;
	wire: string;
	toWire: (value: unknown, context: BodyContext) => unknown;
	/** Set when only one kind of credit has the field. */
	only?: CreditKind['resource'];
}

type Conversion = (
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
) => unknown;

function field(
	property: INodeProperties,
	wire: string,
	convert?: Conversion,
	only?: CreditKind['resource'],
): CreditField {
	const toWire = (raw: unknown, { ctx, itemIndex }: BodyContext) =>
		convert ? convert(ctx, raw, itemIndex, property.displayName) : raw;
	return { property, wire, toWire, only };
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
	const convert: Conversion = (ctx, raw, itemIndex, label) =>
		toDecimalString(ctx, raw, itemIndex, label, format);
	return field(
		{
			displayName,
			name,
			type: 'string',
			default: '',
			placeholder,
			description: `${description}. Sent exactly as written.`,
		},
		wire,
		convert,
	);
}

function booleanField(
	name: string,
	displayName: string,
	wire: string,
	description: string,
	only?: CreditKind['resource'],
): CreditField {
	return field(
		{ displayName, name, type: 'boolean', default: false, description },
		wire,
		toBoolean,
		only,
	);
}

/** The project or customer the credit belongs to (a picker); a UUID becomes the URL Waldur links objects by. */
function ownerField(kind: CreditKind): CreditField {
	const { name, label, collection } = kind.owner;
	return {
		property: ownerLocator(
			kind,
			`The ${name} the credit belongs to: pick one (search by name), or give its UUID or URL`,
		),
		wire: name,
		toWire: (raw, { ctx, itemIndex, baseUrl }) =>
			toObjectUrl(ctx, raw, itemIndex, label, baseUrl, collection),
	};
}

const value = decimalField(
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
	field(
		{
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
		'end_date',
		toFirstOfMonth,
	),
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
	field(
		{
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
		'minimal_consumption_logic',
		(ctx, raw, itemIndex, label) => toOneOf(ctx, raw, itemIndex, label, MINIMAL_CONSUMPTION_LOGICS),
	),
	field(
		{
			displayName: 'Offering URLs',
			name: 'offerings',
			type: 'string',
			default: '',
			placeholder: 'https://waldur.example.com/api/marketplace-provider-offerings/<uuid>/',
			description: 'Limit the credit to these offerings: their full URLs, separated by commas',
		},
		'offerings',
		toUrlList,
		'customerCredit',
	),
];

function fieldsOf(kind: CreditKind, fields: CreditField[]): CreditField[] {
	return fields.filter(
		(candidate) => candidate.only === undefined || candidate.only === kind.resource,
	);
}

function allFields(kind: CreditKind): CreditField[] {
	return fieldsOf(kind, [ownerField(kind), value, ...optionalFields]);
}

/** The required owner and value parameters of create and replace. */
export function requiredProperties(kind: CreditKind): INodeProperties[] {
	return [ownerField(kind), value].map((required) => ({ ...required.property, required: true }));
}

/** The optional fields of create and replace ("Additional Fields"). */
export function additionalFieldProperties(kind: CreditKind): INodeProperties[] {
	return fieldsOf(kind, optionalFields).map((optional) => optional.property);
}

/** Every writable field, for "Update Fields". */
export function updateFieldProperties(kind: CreditKind): INodeProperties[] {
	return allFields(kind)
		.map((writable) => writable.property)
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * Turns parameter values (keyed by parameter name) into a Waldur request body. Only the fields the
 * user gave go into it; every value is checked before any request is sent. A field that was added
 * but left empty is refused rather than dropped: for a PUT or PATCH, "empty" could mean "clear it".
 */
export function creditBody(values: IDataObject, context: BodyContext): IDataObject {
	const body: IDataObject = {};
	for (const writable of allFields(context.kind)) {
		const { name, displayName } = writable.property;
		if (!(name in values)) continue;
		// A picker (resource locator) holds the ID in `value`; an empty picker is an empty field.
		const raw = extractLocatorValue(values[name]);
		if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
			throw invalidParameter(
				context.ctx,
				context.itemIndex,
				displayName,
				'is empty: give it a value or remove it',
			);
		}
		body[writable.wire] = writable.toWire(raw, context) as IDataObject[string];
	}
	return body;
}
