import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { containsMarkup, pageHeadline } from './markup';

const MESSAGE_KEYS = ['message', 'Message', 'error', 'Error', 'detail', 'Detail', 'title', 'Title'];
const MAX_DEPTH = 6;

/**
 * Turns a provider's error body into one readable line. Understands
 * `{"Message": ...}`, `{"detail": ...}`, DRF field maps (`{"end_date": ["msg"]}` → `end_date: msg`),
 * `{"non_field_errors": [...]}`, bare lists and plain text. Text with markup (an HTML error page, a
 * framework's `<h1>Server Error (500)</h1>`) gives its title or first heading, never the markup itself.
 */
export function describeErrorBody(body: unknown, depth = 0): string | undefined {
	if (depth > MAX_DEPTH || body === null || body === undefined) return undefined;
	if (typeof body === 'string') {
		const text = body.trim();
		return containsMarkup(text) ? pageHeadline(text) : text || undefined;
	}
	if (typeof body === 'number' || typeof body === 'boolean') return String(body);
	if (Array.isArray(body)) {
		const parts = body.map((entry) => describeErrorBody(entry, depth + 1)).filter(Boolean);
		return parts.length ? parts.join('; ') : undefined;
	}
	if (typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	for (const key of MESSAGE_KEYS) {
		const found = describeErrorBody(record[key], depth + 1);
		if (found) return found;
	}
	const parts: string[] = [];
	for (const [field, value] of Object.entries(record)) {
		const text = describeErrorBody(value, depth + 1);
		if (!text) continue;
		parts.push(field === 'non_field_errors' ? text : `${field}: ${text}`);
	}
	return parts.length ? parts.join('; ') : undefined;
}

/** Replaces every occurrence of a secret with a placeholder, so no key can leak into an error. */
export function redactSecrets(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length >= 4) result = result.split(secret).join('[redacted]');
	}
	return result;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'The service rejected the request. Check the parameters named in the message.',
	401: 'Authentication failed. Check the API key or token in the credential.',
	403: 'The service refused the request. Check that the credential is allowed to do this, or read the message for the reason.',
	404: 'Nothing was found. Check the ID or identifier you gave.',
	409: 'The record is in a state that does not allow this change.',
	422: 'The service could not accept the values sent. Check the parameters named in the message.',
	429: 'The service is rate limiting this credential. Slow the workflow down or try again later.',
};

export function hintForStatus(status: number): string {
	if (STATUS_HINTS[status]) return STATUS_HINTS[status];
	if (status >= 500) return 'The service had an internal problem. Try again later.';
	return 'The service could not process the request.';
}

export interface ApiFailure {
	message: string;
	description: string;
	httpCode?: number;
	itemIndex?: number;
	/** Values to remove from the message and description; none where they cannot contain request data. */
	secrets?: string[];
}

/** Builds a NodeApiError from our own plain data only, so no request config (and no auth header) travels with it. */
export function buildApiError(node: INode, failure: ApiFailure): NodeApiError {
	const message = redactSecrets(failure.message, failure.secrets ?? []);
	const description = redactSecrets(failure.description, failure.secrets ?? []);
	const plain: JsonObject = { message, description };
	if (failure.httpCode !== undefined) plain.httpCode = String(failure.httpCode);
	const error = new NodeApiError(node, plain, {
		message,
		description,
		httpCode: failure.httpCode === undefined ? undefined : String(failure.httpCode),
		itemIndex: failure.itemIndex,
	});
	// NodeApiError swaps messages that mention a network code (ECONNREFUSED, …) for a generic text; keep ours.
	error.message = message;
	return error;
}

/** A success reply that is readable but not the shape the API promises (e.g. an object where a list belongs). */
export function unexpectedResponseError(
	node: INode,
	message: string,
	description: string,
	itemIndex: number,
): NodeApiError {
	return buildApiError(node, { message, description, itemIndex });
}
