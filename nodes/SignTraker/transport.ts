import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialProblem, httpBaseUrl } from '../shared/baseUrl';
import type { ApiContext } from '../shared/context';
import type { Provider } from '../shared/http';
import { bodyOnlyRequests } from '../shared/http';
import {
	describeSignTrakerError,
	signTrakerEmptyErrorMessage,
	signTrakerStatusHints,
} from './errors';

const address = {
	credentialName: 'SignTraker',
	hint: 'Open the SignTraker credential and enter your subdomain ("acme" for https://acme.signtraker.com) or the full base URL.',
};

export const signTraker: Provider = {
	name: 'SignTraker',
	credentialType: 'signTrakerApi',
	secretFields: ['apiKey'],
	// No request rate is documented, so none is paced (requestsPerSecond unset); a 429 still holds the run.
	headers: { 'Content-Type': 'application/json' },
	describeError: describeSignTrakerError,
	statusHints: signTrakerStatusHints,
	emptyErrorMessage: signTrakerEmptyErrorMessage,
	resolveBaseUrl(credentials: ICredentialDataDecryptedObject, ctx: ApiContext): string {
		if (String(credentials.baseUrl ?? '').trim())
			return httpBaseUrl(ctx, credentials.baseUrl, address);
		const subdomain = String(credentials.subdomain ?? '').trim();
		if (!subdomain)
			throw credentialProblem(
				ctx,
				address,
				'The SignTraker credential has neither a subdomain nor a base URL',
			);
		if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(subdomain)) {
			throw credentialProblem(
				ctx,
				address,
				`The SignTraker credential's subdomain "${subdomain}" is not a valid host name part`,
			);
		}
		return `https://${subdomain}.signtraker.com`;
	},
};

export const signTrakerRequest = bodyOnlyRequests(signTraker);
