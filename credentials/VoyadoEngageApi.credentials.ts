import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { VOYADO_HEADERS } from '../nodes/VoyadoEngage/headers';
import { baseUrlProperty, secretProperty, testRequestBaseUrl } from './common';

export class VoyadoEngageApi implements ICredentialType {
	name = 'voyadoEngageApi';

	displayName = 'Voyado Engage API';

	icon: Icon = {
		light: 'file:../icons/voyadoEngage.svg',
		dark: 'file:../icons/voyadoEngage.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-credits/n8n-nodes-credits#voyado-engage';

	properties: INodeProperties[] = [
		baseUrlProperty({
			placeholder: 'https://acme.voyado.com',
			description:
				'Your Engage address: https://&lt;client&gt;.voyado.com for production, https://&lt;client&gt;.staging.voyado.com for staging',
		}),
		secretProperty(
			'API Key',
			'apiKey',
			'An API key from Engage Config Hub → API connections (mind its IP allowlist)',
		),
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { apikey: '={{$credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: testRequestBaseUrl(),
			url: '/api/v2/point-accounts/definitions',
			qs: { offset: 0, count: 1 },
			headers: { ...VOYADO_HEADERS },
		},
	};
}
