import type { IAuthenticateRuleResponseCode, INodeProperties } from 'n8n-workflow';

/** A secret credential field: masked in the editor and redacted from every error. */
export function secretProperty(
	displayName: string,
	name: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description,
	};
}

/** The API's address; a trailing slash is tolerated everywhere it is used. */
export function baseUrlProperty(options: {
	placeholder: string;
	description: string;
	required?: boolean;
	defaultUrl?: string;
	hint?: string;
}): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		required: options.required ?? true,
		default: options.defaultUrl ?? '',
		placeholder: options.placeholder,
		description: options.description,
		...(options.hint ? { hint: options.hint } : {}),
	};
}

/**
 * `baseURL` of a credential's test request, read as the nodes read it (nodes/shared/baseUrl.ts): the
 * Base URL field trimmed and without trailing slashes; when it is empty, `fallback` (an expression).
 */
export function testRequestBaseUrl(fallback = '""'): string {
	return `={{ (String($credentials.baseUrl || "").trim() || ${fallback}).replace(/\\/+$/, "") }}`;
}

/**
 * What n8n's credential test shows for these statuses instead of the bare status text ("Unauthorized"):
 * n8n returns the message of the first `responseCode` rule whose value is the status.
 */
export function testFailureMessages(
	messages: Record<number, string>,
): IAuthenticateRuleResponseCode[] {
	return Object.entries(messages).map(([status, message]) => ({
		type: 'responseCode',
		properties: { value: Number(status), message },
	}));
}
