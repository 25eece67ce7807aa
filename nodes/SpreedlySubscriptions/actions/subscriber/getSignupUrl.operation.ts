import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, forOperation } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { READS } from '../../../shared/pipeline/operation';
import { invalidParameter } from '../../../shared/checks';
import { optionalXmlText } from '../../checks';
import { CREDENTIAL_TYPE, siteAddressOf } from '../../transport';
import { customerIdField, customerIdProperty, planIdField, textProperty } from '../../fields';

const properties: INodeProperties[] = [
	customerIdProperty,
	planIdField.property,
	textProperty(
		'Screen Name',
		'screenName',
		'The name Spreedly shows for the subscriber. Required unless a token is given: the token link takes the name from the saved subscriber.',
		'jane',
	),
	additionalFieldsCollection([
		textProperty('Email', 'email', 'Prefills the email on the signup page', 'name@email.com'),
		textProperty('First Name', 'firstName', 'Prefills the first name on the signup page'),
		textProperty('Last Name', 'lastName', 'Prefills the last name on the signup page'),
		textProperty(
			'Return URL',
			'returnUrl',
			'Where Spreedly sends the subscriber after signing up',
			'https://example.com/thanks',
		),
		{
			...textProperty(
				'Token',
				'token',
				"The subscriber's token (from Get): links to the signup page with the saved name, email and card prefilled",
			),
			typeOptions: { password: true },
		},
	]),
];

/** Sends nothing: a read as far as the pipeline is concerned. */
export const sending = READS;

export const description = forOperation('subscriber', 'getSignupUrl', properties);

const QUERY_FIELDS: Array<[field: string, query: string, label: string]> = [
	['returnUrl', 'return_url', 'Return URL'],
	['email', 'email', 'Email'],
	['firstName', 'first_name', 'First Name'],
	['lastName', 'last_name', 'Last Name'],
];

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
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const token = optionalXmlText(this, additional.token, itemIndex, 'Token');
	const screenName = optionalXmlText(
		this,
		this.getNodeParameter('screenName', itemIndex, ''),
		itemIndex,
		'Screen Name',
	);
	if (!token && !screenName)
		throw invalidParameter(this, itemIndex, 'Screen Name', 'is required when no token is given');

	const query: string[] = [];
	for (const [field, name, label] of QUERY_FIELDS) {
		const value = optionalXmlText(this, additional[field], itemIndex, label);
		if (field === 'returnUrl' && value !== undefined && !/^https?:\/\/\S+$/i.test(value)) {
			throw invalidParameter(this, itemIndex, label, `must be an http(s) address, got "${value}"`);
		}
		if (value !== undefined) query.push(`${name}=${encodeURIComponent(value)}`);
	}
	const { host, siteSegment } = siteAddressOf(await settings.credentials.of(CREDENTIAL_TYPE), this);
	const subscriber = `${host}/${siteSegment}/subscribers/${customerId}`;
	const page = token
		? `${subscriber}/${encodeURIComponent(token)}/subscribe/${planId}`
		: `${subscriber}/subscribe/${planId}/${encodeURIComponent(screenName as string)}`;
	const url = query.length > 0 ? `${page}?${query.join('&')}` : page;
	return { send: async () => ({ url }) };
}
