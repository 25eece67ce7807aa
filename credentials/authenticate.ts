import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

/*
 * The credentials' `authenticate` is a function, not n8n's generic `{{$credentials.…}}` form: n8n
 * evaluates a generic form as an expression on every request (about 1 ms each on n8n 2.x's vm engine,
 * as much as the rest of a request's own work), where a function costs nothing.
 */

type Authenticate = (
	credentials: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/** A credential field as text, the way n8n's generic form renders it (missing: empty). */
const text = (credentials: ICredentialDataDecryptedObject, field: string): string =>
	String(credentials[field] ?? '');

/** Sends the header `header: <prefix><credential field>` with every request. */
export function headerAuthentication(header: string, prefix: string, field: string): Authenticate {
	return async (credentials, request) => ({
		...request,
		headers: { ...request.headers, [header]: `${prefix}${text(credentials, field)}` },
	});
}

/** HTTP Basic authentication: the credential field as the user name, and a fixed password. */
export function basicAuthentication(usernameField: string, password: string): Authenticate {
	return async (credentials, request) => ({
		...request,
		auth: { username: text(credentials, usernameField), password },
	});
}
