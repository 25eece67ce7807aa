import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { baseUrlProperty, secretProperty, testFailureMessages, testRequestBaseUrl } from './common';
import { headerAuthentication } from './authenticate';

export class WaldurApi implements ICredentialType {
	name = 'waldurApi';

	displayName = 'Waldur API';

	icon: Icon = { light: 'file:../icons/waldur.svg', dark: 'file:../icons/waldur.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-credits/n8n-nodes-credits#credential-waldur-api';

	properties: INodeProperties[] = [
		baseUrlProperty({
			placeholder: 'https://waldur.example.com',
			description: 'The address of your Waldur API, without /api/ (a trailing slash is fine)',
		}),
		secretProperty(
			'Token',
			'token',
			'Your Waldur API token, shown in Waldur under your user profile → Credentials → API token',
		),
	];

	authenticate = headerAuthentication('Authorization', 'Token ', 'token');

	test: ICredentialTestRequest = {
		request: {
			baseURL: testRequestBaseUrl(),
			url: '/api/project-credits/',
			qs: { page_size: 1 },
			headers: { Accept: 'application/json' },
		},
		rules: testFailureMessages({
			401: 'Waldur says "Invalid token." or "Token has expired." (HTTP 401). Copy a current token from Waldur: your user profile → Credentials → API token.',
			403: 'Waldur refused the token (HTTP 403): its user may not list project credits. Use the token of a user who may, such as an organisation owner or staff.',
			404: 'Waldur has no API at this address (HTTP 404). The base URL is the address of your Waldur API without /api/, such as https://waldur.example.com.',
		}),
	};
}
