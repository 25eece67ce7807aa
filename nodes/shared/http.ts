import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiContext } from './context';
import { buildApiError, describeErrorBody, hintForStatus } from './errors';
import { firstWords, isHtmlPage, pageHeadline } from './markup';
import type { NetworkFailure } from './networkFailure';
import { isWrite, PlannedWrite } from './pipeline/dryRun';
import { isRetryableNetworkFailure, networkFailureOf } from './networkFailure';
import type { RequestSettings } from './requestSettings';
import { backoffDelay, isRetryableStatus, isSafeToRepeat, parseRetryAfter } from './retry';
import { USER_AGENT } from './userAgent';

/** What the shared transport needs to know about one provider. */
export interface Provider {
	/** Shown in messages, e.g. "SignTraker". */
	name: string;
	credentialType: string;
	/** Credential fields whose values must never appear in an error or output. */
	secretFields: string[];
	/** Returns the API base URL without a trailing slash (see `httpBaseUrl`), or throws a NodeOperationError. */
	resolveBaseUrl(credentials: ICredentialDataDecryptedObject, ctx: ApiContext): string;
	headers?: Record<string, string>;
	/** The format every success body is in, for messages; "JSON" by default. */
	formatName?: string;
	/** Parses a response body and throws when it is not the provider's format; the default expects JSON. */
	parseBody?(text: string, contentType: string): unknown;
	/** Turns a parsed error body into a message; the default understands JSON and plain text. */
	describeError?(body: unknown): string | undefined;
	/** Hints that replace the generic ones for some statuses (e.g. where to find the API key on 401). */
	statusHints?: Partial<Record<number, string>>;
	/** The message for an error whose body says nothing; the default is "<name> answered with HTTP <status>". */
	emptyErrorMessage?(status: number, request: ApiRequest): string | undefined;
	/**
	 * The request rate the provider documents per credential: a node run starts no more than this many
	 * requests (retries included) in any second. Unset where the provider documents none.
	 */
	requestsPerSecond?: number;
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
	/**
	 * Hints for what a status means for this call in particular (e.g. Spreedly's 422 to a fee for an
	 * inactive subscriber: a state, not a value); they replace the provider's and the generic ones.
	 */
	statusHints?: Partial<Record<number, string>>;
	/** What a 2xx without a body means for this request (see EmptySuccess); unset: the body is `undefined`. */
	emptySuccess?: EmptySuccess;
	/**
	 * Error statuses that are answers to this request, not failures (a lookup's 404 "no such contact"):
	 * their body is read and returned like a success's, for the caller to tell the cases apart.
	 */
	answeredStatuses?: number[];
}

/**
 * The one policy for a 2xx without a body. A read that must return a record names it (`record`):
 * an empty answer is an error that says what was asked for, never an empty item. A write says what
 * it acts on (`done`): an empty answer means it was done, and the body becomes `{ success: true, ...done }`.
 * Lists, trigger registrations and the like leave it unset and read `undefined` as "nothing".
 */
export type EmptySuccess = { record: string } | { done: IDataObject };

export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: IDataObject;
	body: T;
}

/** One HTTP answer as it came: status, headers and the body as text. */
interface RawResponse {
	statusCode: number;
	headers: IDataObject;
	text: string;
	contentType: string;
}

/** The last answer of a request and how it got there. */
interface Exchange {
	response: RawResponse;
	attempts: number;
	/** An earlier attempt got no answer: the service may have done the work all the same. */
	outcomeUnknown: boolean;
}

/** Everything a failure message is built from. */
interface Call {
	ctx: ApiContext;
	node: INode;
	provider: Provider;
	request: ApiRequest;
	itemIndex: number;
	settings: RequestSettings;
	/** The run's credential, handed to n8n so that it does not read it again for every request. */
	credentials: ICredentialsDecrypted;
	secrets: string[];
	/** Whether a failed attempt may be sent again (reads, and writes the provider deduplicates). */
	repeatable: boolean;
}

/**
 * Sends one API request with the credential's authentication, retries transient failures where a
 * repeat is safe, and turns every failure into a NodeApiError that carries the provider's message.
 */
export async function apiRequest<T = unknown>(
	ctx: ApiContext,
	provider: Provider,
	request: ApiRequest,
	itemIndex: number,
	// An operation's item: its Options and its run's state; other runs: defaultRequestSettings(ctx).
	settings: RequestSettings,
): Promise<ApiResponse<T>> {
	const credentials = await settings.credentials.decrypted(provider.credentialType);
	const data = credentials.data ?? {};
	const call: Call = {
		ctx,
		node: ctx.getNode(),
		provider,
		request,
		itemIndex,
		settings,
		credentials,
		secrets: secretsOf(provider, data),
		repeatable: isSafeToRepeat(request.method, request.idempotent),
	};
	const options = buildRequest(call, data);
	if (settings.dryRun && isWrite(request.method)) throw plannedWrite(call);
	const exchange = await sendWithRetries(call, options);
	const { response } = exchange;
	const isSuccess = response.statusCode >= 200 && response.statusCode < 300;
	if (isSuccess || request.answeredStatuses?.includes(response.statusCode)) {
		return {
			statusCode: response.statusCode,
			headers: response.headers,
			body: readBody(call, response) as T,
		};
	}
	throw explainFailure(call, exchange);
}

/** In a dry run, the write as it would have gone out (the credential's authentication is never part of it). */
function plannedWrite({ node, request }: Call): PlannedWrite {
	const { method, path, qs, body } = request;
	return new PlannedWrite(node, {
		method,
		path,
		query: qs ?? {},
		...(body === undefined ? {} : { body }),
	});
}

/** A provider's request function for callers that need only the parsed body. */
export function bodyOnlyRequests(provider: Provider) {
	return async function <T = unknown>(
		ctx: ApiContext,
		request: ApiRequest,
		itemIndex: number,
		settings: RequestSettings,
	): Promise<T> {
		const response = await apiRequest<T>(ctx, provider, request, itemIndex, settings);
		return response.body;
	};
}

function secretsOf(provider: Provider, credentials: ICredentialDataDecryptedObject): string[] {
	return provider.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string');
}

/** Step 1: the request n8n sends; statuses and bodies come back as they are, for the steps below to read. */
function buildRequest(
	call: Call,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	const { provider, request } = call;
	const isAbsolute = /^https?:\/\//i.test(request.path);
	return {
		method: request.method,
		url: isAbsolute
			? request.path
			: `${provider.resolveBaseUrl(credentials, call.ctx)}${request.path}`,
		qs: request.qs,
		headers: {
			Accept: 'application/json',
			'User-Agent': USER_AGENT,
			...provider.headers,
			...request.headers,
		},
		body: request.body,
		timeout: call.settings.timeoutMs,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
	};
}

/** Step 2: sends until an answer is final, repeating timeouts, dropped connections and retryable statuses where safe. */
async function sendWithRetries(call: Call, options: IHttpRequestOptions): Promise<Exchange> {
	const { retry } = call.settings;
	let outcomeUnknown = false;
	for (let attempt = 0; ; attempt++) {
		const canRetry = call.repeatable && attempt < retry.maxRetries;
		await call.settings.gate.open(call.provider.requestsPerSecond);
		const sent = await sendOnce(call, options);
		if ('failure' in sent) {
			if (sent.failure.cancelled)
				throw new NodeOperationError(call.node, 'The execution was cancelled', {
					itemIndex: call.itemIndex,
				});
			if (!canRetry || !isRetryableNetworkFailure(sent.failure))
				throw explainNetworkFailure(call, sent.failure, attempt + 1);
			outcomeUnknown = true;
			await sleep(backoffDelay(attempt, retry));
			continue;
		}
		const wait = canRetry ? retryWait(call, sent.response, attempt) : undefined;
		if (wait === undefined)
			return { response: sent.response, attempts: attempt + 1, outcomeUnknown };
		// Rate limited: no request of this run starts until the wait is over (the loop waits at the gate).
		if (isRateLimit(sent.response)) call.settings.gate.hold(wait);
		else await sleep(wait);
	}
}

async function sendOnce(
	call: Call,
	options: IHttpRequestOptions,
): Promise<{ response: RawResponse } | { failure: NetworkFailure }> {
	let answer: { statusCode: number; headers: IDataObject; body: unknown };
	try {
		answer = await call.ctx.helpers.httpRequestWithAuthentication.call(
			call.ctx,
			call.provider.credentialType,
			{ ...options },
			{ credentialsDecrypted: call.credentials },
		);
	} catch (error) {
		return { failure: networkFailureOf(error) };
	}
	const { statusCode, headers, body } = answer;
	const text =
		typeof body === 'string' ? body : body === undefined || body === null ? '' : String(body);
	const contentType = headers['content-type'] ?? headers['Content-Type'];
	return {
		response: {
			statusCode,
			headers,
			text,
			contentType: typeof contentType === 'string' ? contentType : '',
		},
	};
}

function isRateLimit(response: RawResponse): boolean {
	return response.statusCode === 429 || response.headers['retry-after'] !== undefined;
}

/** How long to wait before sending again, or undefined when this answer is final. */
function retryWait(call: Call, response: RawResponse, attempt: number): number | undefined {
	if (!isRetryableStatus(response.statusCode, call.request.idempotent)) return undefined;
	const retryAfter = parseRetryAfter(response.headers['retry-after']);
	if (retryAfter === undefined) return backoffDelay(attempt, call.settings.retry);
	return retryAfter <= call.settings.retry.maxDelayMs ? retryAfter : undefined;
}

/**
 * Step 3: a success body in the provider's format, parsed; an empty one by its EmptySuccess. Anything else (a
 * proxy's login page, text where JSON belongs) is an error that says what came back.
 */
function readBody(call: Call, response: RawResponse): unknown {
	const { provider } = call;
	if (response.text.trim() === '') return emptyBody(call, response);
	const isPage = isHtmlPage(response.text, response.contentType);
	if (!isPage) {
		try {
			return (provider.parseBody ?? parseJson)(response.text, response.contentType);
		} catch {
			// Not the provider's format: reported below.
		}
	}
	const format = provider.formatName ?? 'JSON';
	const mediaType = response.contentType.split(';')[0].trim();
	const what = isPage
		? `an HTML page instead of ${format}`
		: mediaType.toUpperCase().includes(format)
			? `malformed ${format}`
			: `${mediaType || 'a body without a content type'} instead of ${format}`;
	const words = firstWords(response.text);
	throw apiError(call, {
		message: `${provider.name} answered with ${what}${words ? `: "${words}"` : ''}`,
		description: `HTTP ${response.statusCode} from ${call.request.method} ${call.request.path} (Content-Type: ${response.contentType || 'none'}). A login page, a proxy or a wrong base URL in the credential usually causes this: check the base URL.`,
		httpCode: response.statusCode,
	});
}

/** Step 3a: a 2xx without a body, by the request's EmptySuccess. */
function emptyBody(call: Call, response: RawResponse): unknown {
	const expected = call.request.emptySuccess;
	if (expected === undefined) return undefined;
	if ('done' in expected) return { success: true, ...expected.done };
	const { method, path } = call.request;
	throw apiError(call, {
		message: `${call.provider.name} answered with an empty body instead of the ${expected.record}`,
		description: `HTTP ${response.statusCode} from ${method} ${path} had no body, so there is no record to output. A proxy or a wrong base URL in the credential can cause this: check the base URL.`,
		httpCode: response.statusCode,
	});
}

function parseJson(text: string): unknown {
	return JSON.parse(text);
}

/** Step 4: an error answer as one readable message and a hint, never markup. */
function explainFailure(call: Call, exchange: Exchange) {
	const { provider, request } = call;
	const { statusCode, headers, text, contentType } = exchange.response;
	const fromBody = isHtmlPage(text, contentType)
		? pageHeadline(text)
		: (provider.describeError ?? describeErrorBody)(parsedErrorBody(provider, text, contentType));
	const details = [hintFor(provider, request, statusCode)];
	if (exchange.outcomeUnknown && statusCode === 404 && request.method !== 'GET') {
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
			call.repeatable
				? `Gave up after ${exchange.attempts} attempt${exchange.attempts === 1 ? '' : 's'}.`
				: 'This write was not repeated automatically, so nothing was done twice.',
		);
	}
	return apiError(call, {
		message: fromBody ?? emptyErrorMessage(provider, request, statusCode),
		description: details.join(' '),
		httpCode: statusCode,
	});
}

function parsedErrorBody(provider: Provider, text: string, contentType: string): unknown {
	try {
		return (provider.parseBody ?? parseJson)(text, contentType);
	} catch {
		return text;
	}
}

function explainNetworkFailure(call: Call, failure: NetworkFailure, tries: number) {
	const { provider } = call;
	const afterTries = tries === 1 ? '' : ` after ${tries} tries`;
	const what = failure.timedOut
		? `${provider.name} did not answer within ${call.settings.timeoutMs} ms${afterTries}`
		: `Could not reach ${provider.name}: ${failure.message}`;
	const sent = tries === 1 ? 'The request was sent once' : `The request was sent ${tries} times`;
	const notRepeated = call.repeatable
		? ''
		: ' (a write is not repeated automatically, so nothing is done twice)';
	return apiError(call, {
		message: what,
		description: `${sent}${notRepeated}. Check the base URL in the credential and that the service is reachable, or raise Options → Timeout.`,
	});
}

function emptyErrorMessage(provider: Provider, request: ApiRequest, status: number): string {
	if (status === 404 && request.notFoundMessage) return request.notFoundMessage;
	return (
		provider.emptyErrorMessage?.(status, request) ?? `${provider.name} answered with HTTP ${status}`
	);
}

/** The call's own hint first; a 404 for a named record means a wrong ID; the provider's hints cover the rest (e.g. a wrong address). */
function hintFor(provider: Provider, request: ApiRequest, status: number): string {
	const own = request.statusHints?.[status];
	if (own) return own;
	if (status === 404 && request.notFoundMessage) return hintForStatus(status);
	return provider.statusHints?.[status] ?? hintForStatus(status);
}

function apiError(
	call: Call,
	failure: { message: string; description: string; httpCode?: number },
) {
	return buildApiError(call.node, { ...failure, itemIndex: call.itemIndex, secrets: call.secrets });
}
