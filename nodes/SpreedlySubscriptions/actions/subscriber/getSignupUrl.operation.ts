import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, forOperation } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { READS } from '../../../shared/pipeline/operation';
import type { Check } from '../../../shared/checks';
import { invalidParameter } from '../../../shared/checks';
import { field, propertiesOf, readCollection } from '../../../shared/fields';
import { optionalXmlText } from '../../checks';
import { CREDENTIAL_TYPE, siteAddressOf } from '../../transport';
import { customerIdField, customerIdProperty, planIdField, textProperty } from '../../fields';

const screenNameField = field(
	textProperty(
		'Screen Name',
		'screenName',
		'The name Spreedly shows for the subscriber. Required unless a token is given: the token link takes the name from the saved subscriber.',
		'jane',
	),
	optionalXmlText,
);

/** An http(s) address, or undefined when empty. */
const optionalWebAddress: Check<string | undefined> = (ctx, value, itemIndex, label) => {
	const text = optionalXmlText(ctx, value, itemIndex, label);
	if (text !== undefined && !/^https?:\/\/\S+$/i.test(text))
		throw invalidParameter(ctx, itemIndex, label, `must be an http(s) address, got "${text}"`);
	return text;
};

const inAdditional = (wire: string) => ({ wire, in: 'additionalFields' });

const returnUrlField = field(
	textProperty(
		'Return URL',
		'returnUrl',
		'Where Spreedly sends the subscriber after signing up',
		'https://example.com/thanks',
	),
	optionalWebAddress,
	inAdditional('return_url'),
);

const emailField = field(
	textProperty('Email', 'email', 'Prefills the email on the signup page', 'name@email.com'),
	optionalXmlText,
	inAdditional('email'),
);

const firstNameField = field(
	textProperty('First Name', 'firstName', 'Prefills the first name on the signup page'),
	optionalXmlText,
	inAdditional('first_name'),
);

const lastNameField = field(
	textProperty('Last Name', 'lastName', 'Prefills the last name on the signup page'),
	optionalXmlText,
	inAdditional('last_name'),
);

/** What the signup page is prefilled with, in the order they go into the query. */
const QUERY_FIELDS = [returnUrlField, emailField, firstNameField, lastNameField];

const tokenField = field(
	{
		...textProperty(
			'Token',
			'token',
			"The subscriber's token (from Get): links to the signup page with the saved name, email and card prefilled",
		),
		typeOptions: { password: true },
	},
	optionalXmlText,
	{ in: 'additionalFields' },
);

const properties: INodeProperties[] = [
	customerIdProperty,
	planIdField.property,
	screenNameField.property,
	additionalFieldsCollection(
		propertiesOf([emailField, firstNameField, lastNameField, returnUrlField, tokenField]),
	),
];

/** Sends nothing: a read as far as the pipeline is concerned. */
export const sending = READS;

export const description = forOperation('subscriber', 'getSignupUrl', properties);

/**
 * Builds the subscriber's signup page address without a request: `<baseUrl>/<site>/subscribers/<id>/subscribe/<plan>/<screen name>`,
 * or with a token `<baseUrl>/<site>/subscribers/<id>/<token>/subscribe/<plan>`. Never under /api/v4.
 */
export async function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<ItemPlan> {
	const customerId = encodeURIComponent(customerIdField.read(this, itemIndex));
	const planId = planIdField.read(this, itemIndex);
	const additional = readCollection(this, 'additionalFields', itemIndex);
	const token = tokenField.from(additional, this, itemIndex);
	const screenName = screenNameField.read(this, itemIndex);
	if (!token && !screenName)
		throw invalidParameter(
			this,
			itemIndex,
			screenNameField.property.displayName,
			'is required when no token is given',
		);

	const query: string[] = [];
	for (const queryField of QUERY_FIELDS) {
		const value = queryField.from(additional, this, itemIndex);
		if (value !== undefined) query.push(`${queryField.wire}=${encodeURIComponent(value)}`);
	}
	const { host, siteSegment } = siteAddressOf(await settings.credentials.of(CREDENTIAL_TYPE), this);
	const subscriber = `${host}/${siteSegment}/subscribers/${customerId}`;
	const page = token
		? `${subscriber}/${encodeURIComponent(token)}/subscribe/${planId}`
		: `${subscriber}/subscribe/${planId}/${encodeURIComponent(screenName as string)}`;
	const url = query.length > 0 ? `${page}?${query.join('&')}` : page;
	return { send: async () => ({ url }) };
}
