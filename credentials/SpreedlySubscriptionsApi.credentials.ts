import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { baseUrlProperty, secretProperty, testFailureMessages, testRequestBaseUrl } from './common';
import { basicAuthentication } from './authenticate';

export class SpreedlySubscriptionsApi implements ICredentialType {
	name = 'spreedlySubscriptionsApi';

	displayName = 'Spreedly Subscriptions API';

	icon: Icon = {
		light: 'file:../icons/spreedlySubscriptions.svg',
		dark: 'file:../icons/spreedlySubscriptions.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-credits/n8n-nodes-credits#credential-spreedly-subscriptions-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Site Name',
			name: 'siteName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'mysite-test',
			description:
				"The site's short name, as in https://spreedly.com/&lt;site name&gt;/… (test sites usually end in -test)",
		},
		secretProperty(
			'API Token',
			'apiToken',
			"The site's API authentication token, found in the site's configuration",
		),
		baseUrlProperty({
			required: false,
			defaultUrl: 'https://spreedly.com',
			placeholder: 'https://subs.pinpayments.com',
			hint: 'Use https://subs.pinpayments.com for sites on Pin Payments Subscriptions, the later name of the service',
			description: 'The address of the service, without /api/v4',
		}),
	];

	// Spreedly ignores the password; many HTTP clients insist on one, so the API's own docs send "X".
	authenticate = basicAuthentication('apiToken', 'X');

	test: ICredentialTestRequest = {
		request: {
			baseURL: testRequestBaseUrl('"https://spreedly.com"'),
			url: '={{ "/api/v4/" + encodeURIComponent($credentials.siteName.trim()) + "/subscription_plans.xml" }}',
			headers: { Accept: 'application/xml' },
		},
		rules: testFailureMessages({
			401: 'Spreedly says "HTTP Basic: Access denied." (HTTP 401): the API token does not open this site. Copy the API authentication token from the site\'s configuration, and check the site name.',
			404: 'Spreedly has no site of this name at this address (HTTP 404). Check the site name (as in https://spreedly.com/<site name>/; test sites usually end in -test) and the base URL (https://subs.pinpayments.com for sites on Pin Payments Subscriptions).',
		}),
	};
}
