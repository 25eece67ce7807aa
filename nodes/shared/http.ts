import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiContext } from './context';
import { isExecuteContext } from './context';
import { buildApiError, describeErrorBody, hintForStatus } from './errors';
import type { RetrySettings } from './retry';
import { USER_AGENT } from './userAgent';
import {
	backoffDelay,
	DEFAULT_RETRY,
	isRetryableStatus,
	isSafeToRepeat,
	isTransientNetworkCode,
	parseRetryAfter,
} from './retry';

/** What the shared transport needs to know about one provider. */
export interface Provider {
	/** Shown in messages, e.g. "SignTraker". */
	name: string;
	credentialType: string;
	/** Credential fields whose values must never appear in an error or output. */
	secretFields: string[];
	/** Returns the API base URL without a trailing slash, or throws a NodeOperationError. */
	resolveBaseUrl(credentials: ICredentialDataDecryptedObject, ctx: ApiContext): string;
	headers?: Record<string, string>;
	/** Parses a response body; the default expects JSON. */
	parseBody?(text: string, contentType: string): unknown;
	/** Turns a parsed error body into a message; the default understands JSON and plain text. */
	describeError?(body: unknown): string | undefined;
	/** Hints that replace the generic ones for some statuses (e.g. where to find the API key on 401). */
	statusHints?: Partial<Record<number, string>>;
	/** The message for an error whose body says nothing; the default is "<name> answered with HTTP <status>". */
	emptyErrorMessage?(status: number, request: ApiRequest): string | undefined;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** A path under the base URL (`/api/agents`) or an absolute URL the API handed out (a `next` link). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | string;
	headers?: Record<string, string>;
	/**
	 * True when the provider deduplicates this write, so a failed attempt may be sent again; false when
	 * a repeat of this PUT/DELETE would not find what the first attempt left (e.g. a rename).
	 */
	idempotent?: boolean;
	/** The message for a 404 whose body says nothing, e.g. `No agent with ID 5`. */
	notFoundMessage?: string;
}

export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: IDataObject;
	body: T;
}

export interface RequestSettings {
	timeoutMs: number;
	retry: RetrySettings;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** For contexts without an Options collection (list pickers, polls, webhooks). */
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	timeoutMs: DEFAULT_TIMEOUT_MS,
	retry: DEFAULT_RETRY,
};

/** The behaviour options every operation offers, appended to its `options` collection. */
export const requestOptionProperties: INodeProperties[] = [
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMEOUT_MS,
		description:
			'How long to wait for each response, in milliseconds, before giving up (and retrying where that is safe)',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 3,
		description:
			'How often a request that hit a rate limit (429), a 502/503/504 or a network error is sent again. Writes are only repeated when the service deduplicates them.',
	},
];

export function readRequestSettings(ctx: IExecuteFunctions, itemIndex: number): RequestSettings {
	const timeoutMs = ctx.getNodeParameter(
		'options.timeout',
		itemIndex,
		DEFAULT_TIMEOUT_MS,
	) as number;
	const maxRetries = ctx.getNodeParameter(
		'options.maxRetries',
		itemIndex,
		DEFAULT_RETRY.maxRetries,
	) as number;
	if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"Timeout" must be a positive number of milliseconds in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	if (!Number.isInteger(maxRetries) || maxRetries < 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"Max Retries" must be a whole number of 0 or more in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	return { timeoutMs, retry: { ...DEFAULT_RETRY, maxRetries } };
}

export function trimTrailingSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

function secretsOf(provider: Provider, credentials: ICredentialDataDecryptedObject): string[] {
	return provider.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string');
}

function parseJsonBody(text: string): unknown {
	return JSON.parse(text);
}

function headerValue(headers: IDataObject, name: string): string {
	const value = headers[name.toLowerCase()] ?? headers[name];
	return typeof value === 'string' ? value : '';
}

function emptyErrorMessage(provider: Provider, request: ApiRequest, status: number): string {
	if (status === 404 && request.notFoundMessage) return request.notFoundMessage;
	return (
		provider.emptyErrorMessage?.(status, request) ?? `${provider.name} answered with HTTP ${status}`
	);
}

/** A 404 for a named record means a wrong ID; the provider's own 404 hint covers the rest (e.g. a wrong address). */
function hintFor(provider: Provider, request: ApiRequest, status: number): string {
	if (status === 404 && request.notFoundMessage) return hintForStatus(status);
	return provider.statusHints?.[status] ?? hintForStatus(status);
}

interface NetworkFailure {
	code?: string;
	message: string;
	timedOut: boolean;
	cancelled: boolean;
}

function networkFailureOf(error: unknown): NetworkFailure {
	type ErrorShape = { code?: string; message?: string; name?: string };
	const err = error as ErrorShape & { cause?: ErrorShape };
	const cause: ErrorShape = err.cause ?? err;
	const code = cause.code ?? err.code;
	const message = cause.message ?? err.message ?? 'Unknown network error';
	const timedOut =
		code === 'ECONNABORTED' && /timeout/i.test(message) ? true : code === 'ETIMEDOUT';
	const cancelled = cause.name === 'CanceledError' || code === 'ERR_CANCELED';
	return { code, message, timedOut, cancelled };
}

/**
 * Sends one API request with the credential's authentication, retries transient failures where a
 * repeat is safe, and turns every failure into a NodeApiError that carries the provider's message.
 */
export async function apiRequest<T = unknown>(
	ctx: ApiContext,
	provider: Provider,
	request: ApiRequest,
	itemIndex = 0,
	settings: RequestSettings = isExecuteContext(ctx)
		? readRequestSettings(ctx, itemIndex)
		: DEFAULT_REQUEST_SETTINGS,
): Promise<ApiResponse<T>> {
	const credentials = await ctx.getCredentials(provider.credentialType, itemIndex);
	const secrets = secretsOf(provider, credentials);
	const isAbsolute = /^https?:\/\//i.test(request.path);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: isAbsolute ? request.path : `${provider.resolveBaseUrl(credentials, ctx)}${request.path}`,
		qs: request.qs,
		headers: {
			Accept: 'application/json',
			'User-Agent': USER_AGENT,
			...provider.headers,
			...request.headers,
		},
		body: request.body,
		timeout: settings.timeoutMs,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
	};
	const repeatable = isSafeToRepeat(request.method, request.idempotent);
	const fail = (message: string, description: string, httpCode?: number) =>
		buildApiError(ctx.getNode(), {
			message,
			description,
			httpCode,
			itemIndex,
			secrets,
		});

	// Set once an attempt got no answer: the service may have done the work all the same.
	let outcomeUnknown = false;
	for (let attempt = 0; ; attempt++) {
		const canRetry = repeatable && attempt < settings.retry.maxRetries;
		let response: { statusCode: number; headers: IDataObject; body: unknown };
		try {
			response = await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				provider.credentialType,
				{ ...options },
			);
		} catch (error) {
			const failure = networkFailureOf(error);
			if (failure.cancelled)
				throw new NodeOperationError(ctx.getNode(), 'The execution was cancelled', { itemIndex });
			if (canRetry && (failure.timedOut || isTransientNetworkCode(failure.code))) {
				outcomeUnknown = true;
				await sleep(backoffDelay(attempt, settings.retry));
				continue;
			}
			const tries = attempt + 1;
			const what = failure.timedOut
				? `${provider.name} did not answer within ${settings.timeoutMs} ms`
				: `Could not reach ${provider.name}: ${failure.message}`;
			throw fail(
				what,
				`${tries === 1 ? 'The request was sent once' : `The request was sent ${tries} times`}${repeatable ? '' : ' (a write is not repeated automatically, so nothing is done twice)'}. Check the base URL in the credential and that the service is reachable, or raise Options → Timeout.`,
			);
		}

		const { statusCode, headers } = response;
		const text =
			typeof response.body === 'string'
				? response.body
				: response.body === undefined || response.body === null
					? ''
					: String(response.body);
		const contentType = headerValue(headers, 'content-type');

		if (statusCode >= 200 && statusCode < 300) {
			if (text.trim() === '') return { statusCode, headers, body: undefined as T };
			try {
				const body = (provider.parseBody ?? parseJsonBody)(text, contentType);
				return { statusCode, headers, body: body as T };
			} catch {
				throw fail(
					`${provider.name} sent a response that could not be read`,
					`Expected ${provider.parseBody ? 'XML' : 'JSON'} but got: ${text.slice(0, 200)}`,
					statusCode,
				);
			}
		}

		if (isRetryableStatus(statusCode, request.idempotent) && canRetry) {
			const retryAfter = parseRetryAfter(headers['retry-after']);
			if (retryAfter === undefined || retryAfter <= settings.retry.maxDelayMs) {
				await sleep(retryAfter ?? backoffDelay(attempt, settings.retry));
				continue;
			}
		}

		let parsed: unknown = text;
		try {
			parsed = (provider.parseBody ?? parseJsonBody)(text, contentType);
		} catch {
			parsed = text;
		}
		const fromBody = (provider.describeError ?? describeErrorBody)(parsed);
		const message = fromBody ?? emptyErrorMessage(provider, request, statusCode);
		const details = [hintFor(provider, request, statusCode)];
		if (outcomeUnknown && statusCode === 404 && request.method !== 'GET') {
			details.unshift(
				'An earlier attempt got no answer and may already have done this: check before trying again.',
			);
		}
		if (isRetryableStatus(statusCode, request.idempotent)) {
			const retryAfter = parseRetryAfter(headers['retry-after']);
			if (retryAfter !== undefined)
				details.push(
					`The service asked to wait ${Math.ceil(retryAfter / 1000)} s before trying again.`,
				);
			details.push(
				repeatable
					? `Gave up after ${attempt + 1} attempt${attempt === 0 ? '' : 's'}.`
					: 'This write was not repeated automatically, so nothing was done twice.',
			);
		}
		throw fail(message, details.join(' '), statusCode);
	}
}

/** A provider's request function for callers that need only the parsed body. */
export function bodyOnlyRequests(provider: Provider) {
	return async function <T = unknown>(
		ctx: ApiContext,
		request: ApiRequest,
		itemIndex?: number,
		settings?: RequestSettings,
	): Promise<T> {
		const response = await apiRequest<T>(ctx, provider, request, itemIndex, settings);
		return response.body;
	};
}
