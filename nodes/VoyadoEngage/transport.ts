import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { httpBaseUrl } from '../shared/baseUrl';
import type { ApiContext } from '../shared/context';
import type { Provider } from '../shared/http';
import { bodyOnlyRequests } from '../shared/http';
import { VOYADO_HEADERS } from './headers';

const address = {
	credentialName: 'Voyado Engage',
	hint: 'Open the Voyado Engage credential and enter your Engage address, e.g. https://acme.voyado.com or https://acme.staging.voyado.com.',
};

export const voyadoEngage: Provider = {
	name: 'Voyado Engage',
	credentialType: 'voyadoEngageApi',
	secretFields: ['apiKey'],
	headers: VOYADO_HEADERS,
	// "API rate limit": above 200 requests/s per API key Engage answers 429.
	requestsPerSecond: 200,
	resolveBaseUrl(credentials: ICredentialDataDecryptedObject, ctx: ApiContext): string {
		return httpBaseUrl(ctx, credentials.baseUrl, address);
	},
};

export const voyadoRequest = bodyOnlyRequests(voyadoEngage);
