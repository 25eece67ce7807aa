import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { resolveCredentialExpression } from './harness';

function resolved(value: unknown, data: ICredentialDataDecryptedObject): unknown {
	return typeof value === 'string' && value.startsWith('=')
		? resolveCredentialExpression(value, data)
		: value;
}

/**
 * The request n8n's "Test" button sends for a credential: the type's `test.request` with its
 * expressions resolved against the credential's values (defaults filled in) and `authenticate` applied.
 */
export async function credentialTestRequest(
	type: ICredentialType,
	values: ICredentialDataDecryptedObject,
): Promise<IHttpRequestOptions> {
	const data = NodeHelpers.getNodeParameters(
		type.properties,
		values as never,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	const request = type.test!.request;
	const headers = Object.fromEntries(
		Object.entries(request.headers ?? {}).map(([name, value]) => [name, resolved(value, data)]),
	) as IDataObject;
	const options: IHttpRequestOptions = {
		method: request.method ?? 'GET',
		url: `${resolved(request.baseURL, data) as string}${resolved(request.url, data) as string}`,
		qs: request.qs,
		headers,
	};
	const helper = new TestCredentialsHelper({ [type.name]: type }, { [type.name]: data });
	return await helper.authenticate(data, type.name, options);
}

/** Sends the credential's test request (the test's mockApi() answers it) and returns the status. */
export async function sendCredentialTest(
	type: ICredentialType,
	values: ICredentialDataDecryptedObject,
): Promise<number> {
	const options = await credentialTestRequest(type, values);
	const url = new URL(options.url);
	for (const [key, value] of Object.entries(options.qs ?? {}))
		url.searchParams.set(key, String(value));
	const headers: Record<string, string> = Object.fromEntries(
		Object.entries(options.headers ?? {}).map(([name, value]) => [name, String(value)]),
	);
	// n8n hands `auth` to axios, which sends it as HTTP Basic.
	if (options.auth)
		headers.Authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
	const response = await fetch(url, { method: options.method, headers });
	return response.status;
}
