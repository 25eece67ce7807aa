import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiContext } from '../shared/context';
import type { Provider } from '../shared/http';
import { bodyOnlyRequests, trimTrailingSlashes } from '../shared/http';
import { VOYADO_HEADERS } from './headers';

export const voyadoEngage: Provider = {
	name: 'Voyado Engage',
	credentialType: 'voyadoEngageApi',
	secretFields: ['apiKey'],
	headers: VOYADO_HEADERS,
	resolveBaseUrl(credentials: ICredentialDataDecryptedObject, ctx: ApiContext): string {
		const baseUrl = String(credentials.baseUrl ?? '').trim();
		if (!/^https?:\/\/[^/\s]+/i.test(baseUrl)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The Voyado Engage credential's base URL "${baseUrl}" is not an http(s) address`,
				{
					description:
						'Open the Voyado Engage credential and enter your Engage address, e.g. https://acme.voyado.com or https://acme.staging.voyado.com.',
				},
			);
		}
		return trimTrailingSlashes(baseUrl);
	},
};

export const voyadoRequest = bodyOnlyRequests(voyadoEngage);
