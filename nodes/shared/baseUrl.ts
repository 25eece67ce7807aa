import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiContext } from './context';

/** How a credential's address is named and fixed in messages. */
export interface CredentialAddress {
	/** "Waldur", as in "The Waldur credential's base URL …". */
	credentialName: string;
	/** What to enter, shown as the error's description. */
	hint: string;
}

/** A credential that cannot work (no address, no site name): raised before any request. */
export function credentialProblem(
	ctx: ApiContext,
	address: CredentialAddress,
	message: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { description: address.hint });
}

/** The credential's base URL, trimmed and without trailing slashes; anything but an http(s) address is refused. */
export function httpBaseUrl(ctx: ApiContext, value: unknown, address: CredentialAddress): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!/^https?:\/\/[^/\s]+/i.test(text)) {
		throw credentialProblem(
			ctx,
			address,
			`The ${address.credentialName} credential's base URL "${text}" is not an http(s) address`,
		);
	}
	return text.replace(/\/+$/, '');
}

/** A provider's `resolveBaseUrl` for a credential whose address is its Base URL field. */
export function fromBaseUrlField(
	address: CredentialAddress,
): (credentials: ICredentialDataDecryptedObject, ctx: ApiContext) => string {
	return (credentials, ctx) => httpBaseUrl(ctx, credentials.baseUrl, address);
}
