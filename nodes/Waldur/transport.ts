import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { fromBaseUrlField } from '../shared/baseUrl';
import type { ApiContext } from '../shared/context';
import { unexpectedResponseError } from '../shared/errors';
import type { ApiRequest, Provider } from '../shared/http';
import { bodyOnlyRequests } from '../shared/http';
import type { RequestSettings } from '../shared/requestSettings';

export const waldur: Provider = {
	name: 'Waldur',
	credentialType: 'waldurApi',
	secretFields: ['token'],
	// No general request rate (only Waldur's OAuth login is throttled), so none is paced; a 429 still holds the run.
	headers: { 'Content-Type': 'application/json' },
	resolveBaseUrl: fromBaseUrlField({
		credentialName: 'Waldur',
		hint: 'Open the Waldur credential and enter the address of your Waldur API, such as https://waldur.example.com.',
	}),
};

/** The credential's base URL without a trailing slash, for URLs the node builds itself. */
export async function waldurBaseUrl(ctx: ApiContext, settings: RequestSettings): Promise<string> {
	const credentials = await settings.credentials.of(waldur.credentialType);
	return waldur.resolveBaseUrl(credentials, ctx);
}

export const waldurRequest = bodyOnlyRequests(waldur);

/** A reply that is valid JSON but not the shape Waldur's schema promises (e.g. empty, or not a list). */
export function unexpectedReply(
	ctx: ApiContext,
	expected: string,
	path: string,
	itemIndex: number,
): NodeApiError {
	return unexpectedResponseError(
		ctx.getNode(),
		`Waldur sent a response that is not ${expected}`,
		`Expected ${expected} from ${path}`,
		itemIndex,
	);
}

/** A request whose reply is one record (get, create, replace, update): anything else is an error, never an empty item. */
export async function waldurRecord(
	ctx: ApiContext,
	request: ApiRequest,
	itemIndex: number,
	settings: RequestSettings,
): Promise<IDataObject> {
	const body = await waldurRequest<unknown>(ctx, request, itemIndex, settings);
	if (body === null || typeof body !== 'object' || Array.isArray(body))
		throw unexpectedReply(ctx, 'a JSON object', request.path, itemIndex);
	return body as IDataObject;
}
