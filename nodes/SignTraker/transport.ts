import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiContext } from '../shared/context';
import type { Provider } from '../shared/http';
import { bodyOnlyRequests, trimTrailingSlashes } from '../shared/http';
import {
	describeSignTrakerError,
	signTrakerEmptyErrorMessage,
	signTrakerStatusHints,
} from './errors';

function configError(ctx: ApiContext, message: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, {
		description:
			'Open the SignTraker credential and enter your subdomain ("acme" for https://acme.signtraker.com) or the full base URL.',
	});
}

export const signTraker: Provider = {
	name: 'SignTraker',
	credentialType: 'signTrakerApi',
	secretFields: ['apiKey'],
	headers: { 'Content-Type': 'application/json' },
	describeError: describeSignTrakerError,
	statusHints: signTrakerStatusHints,
	emptyErrorMessage: signTrakerEmptyErrorMessage,
	resolveBaseUrl(credentials: ICredentialDataDecryptedObject, ctx: ApiContext): string {
		const baseUrl = String(credentials.baseUrl ?? '').trim();
		if (baseUrl) {
			if (!/^https?:\/\/[^/\s]+/i.test(baseUrl)) {
				throw configError(
					ctx,
					`The SignTraker credential's base URL "${baseUrl}" is not an http(s) address`,
				);
			}
			return trimTrailingSlashes(baseUrl);
		}
		const subdomain = String(credentials.subdomain ?? '').trim();
		if (!subdomain)
			throw configError(ctx, 'The SignTraker credential has neither a subdomain nor a base URL');
		if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(subdomain)) {
			throw configError(
				ctx,
				`The SignTraker credential's subdomain "${subdomain}" is not a valid host name part`,
			);
		}
		return `https://${subdomain}.signtraker.com`;
	},
};

export const signTrakerRequest = bodyOnlyRequests(signTraker);
