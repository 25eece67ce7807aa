export interface RetrySettings {
	/** How many times a failed request may be sent again. */
	maxRetries: number;
	/** First backoff delay in milliseconds; doubles on every attempt. */
	baseDelayMs: number;
	/** Longest single wait, and the longest `Retry-After` the node is willing to honour. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * A write is only sent twice when the provider deduplicates it (e.g. an Idempotency-Key). `idempotent`
 * overrides the method's default either way: `false` keeps, say, a PUT that renames a record from repeating.
 */
export function isSafeToRepeat(method: string, idempotent: boolean | undefined): boolean {
	return idempotent ?? SAFE_METHODS.has(method.toUpperCase());
}

/**
 * 429, 502, 503 and 504 say "try again later". A 500 is retried only for a write the provider
 * deduplicates (`deduplicated`): there a repeat costs nothing and often succeeds.
 */
export function isRetryableStatus(status: number, deduplicated = false): boolean {
	return RETRYABLE_STATUSES.has(status) || (deduplicated && status >= 500 && status < 600);
}

export function isTransientNetworkCode(code: string | undefined): boolean {
	return code !== undefined && TRANSIENT_NETWORK_CODES.has(code);
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const header = Array.isArray(value) ? value[0] : value;
	if (typeof header !== 'string' && typeof header !== 'number') return undefined;
	const text = String(header).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half fixed, half random, capped. */
export function backoffDelay(
	attempt: number,
	settings: RetrySettings,
	random = Math.random,
): number {
	const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}
