import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlProperty, secretProperty, testRequestBaseUrl } from './common';

export class WaldurApi implements ICredentialType {
	name = 'waldurApi';

	displayName = 'Waldur API';

	icon: Icon = { light: 'file:../icons/waldur.svg', dark: 'file:../icons/waldur.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-credits/n8n-nodes-credits#waldur';

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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Token {{$credentials.token}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: testRequestBaseUrl(),
			url: '/api/project-credits/',
			qs: { page_size: 1 },
			headers: { Accept: 'application/json' },
		},
	};
}
