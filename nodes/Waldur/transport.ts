import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiRequest, Provider } from '../shared/http';
import { apiRequest, trimTrailingSlashes } from '../shared/http';

export const waldur: Provider = {
	name: 'Waldur',
	credentialType: 'waldurApi',
	secretFields: ['token'],
	headers: { 'Content-Type': 'application/json' },
	resolveBaseUrl(credentials: ICredentialDataDecryptedObject, ctx: IExecuteFunctions): string {
		const baseUrl = String(credentials.baseUrl ?? '').trim();
		if (!/^https?:\/\/[^/\s]+/i.test(baseUrl)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The Waldur credential's base URL "${baseUrl}" is not an http(s) address`,
				{
					description:
						'Open the Waldur credential and enter the address of your Waldur API, such as https://waldur.example.com.',
				},
			);
		}
		return trimTrailingSlashes(baseUrl);
	},
};

/** The credential's base URL without a trailing slash, for URLs the node builds itself. */
export async function waldurBaseUrl(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const credentials = await ctx.getCredentials(waldur.credentialType, itemIndex);
	return waldur.resolveBaseUrl(credentials, ctx);
}

export async function waldurRequest<T = unknown>(
	ctx: IExecuteFunctions,
	request: ApiRequest,
	itemIndex: number,
): Promise<T> {
	const response = await apiRequest<T>(ctx, waldur, request, itemIndex);
	return response.body;
}
