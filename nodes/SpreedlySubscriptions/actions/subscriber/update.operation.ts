import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	forOperation,
	optionsCollection,
	updateFieldsCollection,
} from '../../../shared/descriptions';
import { WRITES } from '../../../shared/pipeline/operation';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { Check } from '../../../shared/checks';
import { invalidParameter, optional, toJsonObject } from '../../../shared/checks';
import type { Field } from '../../../shared/fields';
import { field, propertiesOf, readCollection } from '../../../shared/fields';
import { toXmlText } from '../../checks';
import { subscriberField, textProperty } from '../../fields';
import type { XmlFields } from '../../xmlRequest';
import { dasherize } from '../../xmlRequest';
import { IDENTITY_KEY, READ_ONLY_KEYS, WRITABLE_KEYS } from './subscriberKeys';
import { callForSubscriber } from './subscriberRequest';

const SUBSCRIBER_JSON = 'Subscriber (JSON)';

/** Spreedly answers 403 to an update whose new customer ID is already in use. */
export const CUSTOMER_ID_TAKEN_HINT =
	"Spreedly answers 403 when the New Customer ID is already another subscriber's: choose one that is not in use.";

/** A value to set: text, or null (from a subscriber object) to clear it. */
const toWritableValue: Check<string | null> = (ctx, value, itemIndex, label) => {
	if (value === null) return null;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be text or null, got ${JSON.stringify(value)}`,
		);
	}
	return toXmlText(ctx, value, itemIndex, label);
};

function updateField(property: INodeProperties): Field<string | null> {
	return field(property, toWritableValue, { in: 'updateFields' });
}

const newCustomerIdField = updateField(
	textProperty(
		'New Customer ID',
		'newCustomerId',
		"Changes the subscriber's customer ID to this one",
	),
);

/** The fields Update Fields may set one by one, each named as a subscriber object's key. */
const UPDATE_FIELDS = [
	updateField(
		textProperty('Billing First Name', 'billingFirstName', 'The first name on the billing details'),
	),
	updateField(
		textProperty('Billing Last Name', 'billingLastName', 'The last name on the billing details'),
	),
	updateField(textProperty('Email', 'email', "The subscriber's email address", 'name@email.com')),
	newCustomerIdField,
	updateField(
		textProperty('Screen Name', 'screenName', 'The name Spreedly shows for the subscriber'),
	),
];
const updateFieldByName = new Map(
	UPDATE_FIELDS.map((declared) => [declared.property.name, declared]),
);

const subscriberJsonField = field(
	{
		displayName: SUBSCRIBER_JSON,
		name: 'subscriber',
		type: 'json',
		default: '{}',
		description:
			'A subscriber as Get outputs it (e.g. the whole item of a Get, by expression), with the values you changed. Its screenName, email, newCustomerId, billingFirstName and billingLastName are sent (null clears a value); customerId must match Customer ID; the read-only keys are handled as the Read-Only Keys option says; any other key is an error.',
	},
	// Left empty (or null from an expression) it sets nothing.
	optional(toJsonObject),
	{ in: 'updateFields' },
);

const properties: INodeProperties[] = [
	subscriberField.property,
	updateFieldsCollection([...propertiesOf(UPDATE_FIELDS), subscriberJsonField.property]),
	optionsCollection([
		{
			displayName: 'Read-Only Keys',
			name: 'readOnlyKeys',
			type: 'options',
			options: [
				{
					name: 'Skip and List Them',
					value: 'skip',
					description:
						'Keys Spreedly does not let you change (active, token, invoices, …) are not sent and are listed in the output under readOnlyKeysNotSent',
				},
				{
					name: 'Fail',
					value: 'fail',
					description: 'A subscriber object with read-only keys is an error',
				},
			],
			default: 'skip',
			description: 'What to do with the read-only keys of a subscriber object (Subscriber (JSON))',
		},
	]),
];

export const sending = WRITES;

export const description = forOperation('subscriber', 'update', properties);

interface SubscriberChanges {
	fields: Record<string, string | null>;
	readOnlyKeys: string[];
}

/** Splits a subscriber object (from Get) into the values to send and the read-only keys; refuses anything else. */
function changesFromObject(
	ctx: IExecuteFunctions,
	subscriber: IDataObject,
	customerId: string,
	itemIndex: number,
): SubscriberChanges {
	const changes: SubscriberChanges = { fields: {}, readOnlyKeys: [] };
	const unknown: string[] = [];
	for (const [key, value] of Object.entries(subscriber)) {
		if (WRITABLE_KEYS.includes(key))
			changes.fields[key] = toWritableValue(ctx, value, itemIndex, `${SUBSCRIBER_JSON} → ${key}`);
		else if (READ_ONLY_KEYS.includes(key)) changes.readOnlyKeys.push(key);
		else if (key === IDENTITY_KEY) {
			if (String(value).trim() !== customerId) {
				throw invalidParameter(
					ctx,
					itemIndex,
					SUBSCRIBER_JSON,
					`has customerId "${String(value)}", which is not the Customer ID "${customerId}"`,
					'To give the subscriber another customer ID, set newCustomerId.',
				);
			}
		} else unknown.push(key);
	}
	if (unknown.length > 0) {
		throw invalidParameter(
			ctx,
			itemIndex,
			SUBSCRIBER_JSON,
			`has keys a Spreedly subscriber does not have: ${unknown.join(', ')}`,
			`The keys that can be changed are ${WRITABLE_KEYS.join(', ')}.`,
		);
	}
	return changes;
}

function readChanges(
	ctx: IExecuteFunctions,
	customerId: string,
	itemIndex: number,
): SubscriberChanges {
	const updateFields = readCollection(ctx, 'updateFields', itemIndex);
	const fromObject = changesFromObject(
		ctx,
		subscriberJsonField.from(updateFields, ctx, itemIndex) ?? {},
		customerId,
		itemIndex,
	);
	const fields = { ...fromObject.fields };
	for (const [key, value] of Object.entries(updateFields)) {
		if (key === subscriberJsonField.property.name) continue;
		const declared = updateFieldByName.get(key);
		const text = declared
			? declared.check(ctx, value, itemIndex)
			: toWritableValue(ctx, value, itemIndex, key);
		if (key in fields && fields[key] !== text) {
			throw invalidParameter(
				ctx,
				itemIndex,
				SUBSCRIBER_JSON,
				`sets ${key} to ${JSON.stringify(fields[key])}, but the ${key} field says ${JSON.stringify(text)}`,
				'Set the value in one place only.',
			);
		}
		fields[key] = text;
	}
	// A subscriber always has a customer ID: renaming it to nothing (or to null) is refused here.
	if (fields.newCustomerId === '' || fields.newCustomerId === null)
		throw invalidParameter(ctx, itemIndex, newCustomerIdField.property.displayName, 'is empty');
	if (Object.keys(fields).length === 0) {
		throw invalidParameter(
			ctx,
			itemIndex,
			'Update Fields',
			'has nothing to change',
			`Add a field, or a subscriber object with at least one of ${WRITABLE_KEYS.join(', ')}.`,
		);
	}
	return { fields, readOnlyKeys: fromObject.readOnlyKeys };
}

/** PUT /subscribers/<id>.xml; the API answers 200 with no body. */
export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const customerId = subscriberField.read(this, itemIndex);
	const { fields, readOnlyKeys } = readChanges(this, customerId, itemIndex);
	const onReadOnly = this.getNodeParameter('options.readOnlyKeys', itemIndex, 'skip') as string;
	if (readOnlyKeys.length > 0 && onReadOnly === 'fail') {
		throw invalidParameter(
			this,
			itemIndex,
			SUBSCRIBER_JSON,
			`has read-only keys Spreedly does not let you change: ${readOnlyKeys.join(', ')}`,
			'Remove them, or set Options → Read-Only Keys to "Skip and List Them".',
		);
	}
	const xmlFields: XmlFields = {};
	for (const [key, value] of Object.entries(fields)) xmlFields[dasherize(key)] = value;
	const call = {
		method: 'PUT' as const,
		statusHints: { 403: CUSTOMER_ID_TAKEN_HINT },
		xml: { root: 'subscriber', fields: xmlFields },
		// After a rename the old customer ID is gone: a repeat would only answer 404.
		idempotent: fields.newCustomerId ? false : undefined,
	};
	const send = async () => {
		const result = await callForSubscriber(this, itemIndex, customerId, call, settings);
		if (result.success === true && fields.newCustomerId)
			result.newCustomerId = fields.newCustomerId;
		if (readOnlyKeys.length > 0) result.readOnlyKeysNotSent = readOnlyKeys;
		return result;
	};
	return { recordKey: customerId, send };
}
