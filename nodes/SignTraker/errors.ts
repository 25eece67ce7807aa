import type { IDataObject } from 'n8n-workflow';

import { describeErrorBody } from '../shared/errors';
import type { ApiRequest } from '../shared/http';

/** ASP.NET Web API error fields that carry the details `Message` leaves out (e.g. which award field is invalid). */
const WEB_API_DETAILS = ['MessageDetail', 'ExceptionMessage', 'ModelState'];

const API_KEY_HINT =
	'Check the API key in the SignTraker credential (SignTraker → My Profile), and that its user may do this.';

const ADDRESS_HINT =
	'Check the subdomain or base URL in the SignTraker credential: the base URL is the tenant address, such as https://acme.signtraker.com, without /api.';

/**
 * SignTraker answers like ASP.NET Web API: `{"Message": ...}`, for an invalid body with a
 * `ModelState` map of field errors. Both parts become the message, so the user sees which field.
 */
export function describeSignTrakerError(body: unknown): string | undefined {
	const main = describeErrorBody(body);
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return main;
	const parts = main ? [main] : [];
	for (const key of WEB_API_DETAILS) {
		const detail = describeErrorBody((body as IDataObject)[key]);
		if (detail && !parts.some((part) => part.includes(detail))) parts.push(detail);
	}
	return parts.length ? parts.join(' ') : undefined;
}

/** SignTraker maps 401 and 403 to an authentication error; a 404 without a named record means a wrong address. */
export const signTrakerStatusHints: Partial<Record<number, string>> = {
	401: API_KEY_HINT,
	403: API_KEY_HINT,
	404: ADDRESS_HINT,
};

export function signTrakerEmptyErrorMessage(
	status: number,
	request: ApiRequest,
): string | undefined {
	if (status === 401 || status === 403)
		return `SignTraker did not accept the API key (HTTP ${status})`;
	if (status === 404)
		return `SignTraker has no ${request.path} at the address in the credential (HTTP 404)`;
	return undefined;
}
