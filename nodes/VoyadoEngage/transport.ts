import { fromBaseUrlField } from '../shared/baseUrl';
import type { ApiContext } from '../shared/context';
import type { ApiRequest, ApiResponse, Provider } from '../shared/http';
import { apiRequest, bodyOnlyRequests } from '../shared/http';
import type { RequestSettings } from '../shared/requestSettings';
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

/** The whole answer (status and headers too), for a batch whose 2xx says what it booked. */
export async function voyadoResponse<T = unknown>(
	ctx: ApiContext,
	request: ApiRequest,
	itemIndex: number,
	settings: RequestSettings,
): Promise<ApiResponse<T>> {
	return await apiRequest<T>(ctx, voyadoEngage, request, itemIndex, settings);
}
