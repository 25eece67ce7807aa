import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { VOYADO_HEADERS } from '../nodes/VoyadoEngage/headers';
import { baseUrlProperty, secretProperty, testFailureMessages, testRequestBaseUrl } from './common';
import { headerAuthentication } from './authenticate';

export class VoyadoEngageApi implements ICredentialType {
	name = 'voyadoEngageApi';

	displayName = 'Voyado Engage API';

	icon: Icon = {
		light: 'file:../icons/voyadoEngage.svg',
		dark: 'file:../icons/voyadoEngage.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-credits/n8n-nodes-credits#credential-voyado-engage-api';

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

	authenticate = headerAuthentication('apikey', '', 'apiKey');

	test: ICredentialTestRequest = {
		request: {
			baseURL: testRequestBaseUrl(),
			url: '/api/v2/point-accounts/definitions',
			qs: { offset: 0, count: 1 },
			headers: { ...VOYADO_HEADERS },
		},
		rules: testFailureMessages({
			401: 'Voyado Engage did not accept the API key (HTTP 401). Check the key in Engage Config Hub → API connections.',
			403: "Voyado Engage refused the request (HTTP 403). Check that the API connection's IP allowlist (Engage Config Hub → API connections) includes the address n8n calls from, and that the key may read point accounts.",
			404: 'Voyado Engage has no API at this address (HTTP 404). The base URL is your Engage address, such as https://acme.voyado.com or https://acme.staging.voyado.com, without /api.',
		}),
	};
}
