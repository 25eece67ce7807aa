import { fromBaseUrlField } from '../shared/baseUrl';
import type { Provider } from '../shared/http';
import { bodyOnlyRequests } from '../shared/http';
import { VOYADO_HEADERS } from './headers';

export const voyadoEngage: Provider = {
	name: 'Voyado Engage',
	credentialType: 'voyadoEngageApi',
	secretFields: ['apiKey'],
	headers: VOYADO_HEADERS,
	// "API rate limit": above 200 requests/s per API key Engage answers 429.
	requestsPerSecond: 200,
	resolveBaseUrl: fromBaseUrlField({
		credentialName: 'Voyado Engage',
		hint: 'Open the Voyado Engage credential and enter your Engage address, e.g. https://acme.voyado.com or https://acme.staging.voyado.com.',
	}),
};

export const voyadoRequest = bodyOnlyRequests(voyadoEngage);
