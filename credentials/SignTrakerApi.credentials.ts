import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { baseUrlProperty, secretProperty, testFailureMessages, testRequestBaseUrl } from './common';
import { headerAuthentication } from './authenticate';

export class SignTrakerApi implements ICredentialType {
	name = 'signTrakerApi';

	displayName = 'SignTraker API';

	icon: Icon = { light: 'file:../icons/signTraker.svg', dark: 'file:../icons/signTraker.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-credits/n8n-nodes-credits#credential-signtraker-api';

	properties: INodeProperties[] = [
		secretProperty(
			'API Key',
			'apiKey',
			'Your SignTraker API key, found in SignTraker under My Profile',
		),
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			placeholder: 'acme',
			description:
				'Your SignTraker tenant: "acme" for https://acme.signtraker.com. Not needed when a base URL is set.',
		},
		baseUrlProperty({
			required: false,
			placeholder: 'https://acme.signtraker.com',
			description:
				'Optional full address of the SignTraker API; when set it is used instead of the subdomain',
		}),
	];

	authenticate = headerAuthentication('Authorization', 'ST-API ', 'apiKey');

	test: ICredentialTestRequest = {
		request: {
			baseURL: testRequestBaseUrl(
				'"https://" + String($credentials.subdomain || "").trim() + ".signtraker.com"',
			),
			url: '/api/credits/awards',
			qs: { $top: 1 },
			headers: { Accept: 'application/json' },
		},
		rules: testFailureMessages({
			401: 'SignTraker says "Authorization has been denied for this request." (HTTP 401): the API key is not valid. Copy it again from SignTraker → My Profile.',
			403: 'SignTraker refused the API key (HTTP 403): its user may not read credit awards. Use the key of a user who may, from SignTraker → My Profile.',
			404: 'SignTraker has no API at this address (HTTP 404). Check the subdomain ("acme" for https://acme.signtraker.com), or the base URL, which is the tenant address without /api.',
		}),
	};
}
