import { isTransientNetworkCode } from './retry';
import { textOf } from './text';

/** A request that got no HTTP answer at all. */
export interface NetworkFailure {
	code?: string;
	message: string;
	timedOut: boolean;
	/** The answer had begun when the connection broke (axios: "stream has been aborted"). */
	cutOff: boolean;
	cancelled: boolean;
}

interface ErrorShape {
	code?: unknown;
	message?: unknown;
	name?: unknown;
	cause?: ErrorShape;
	httpCode?: unknown;
	messages?: unknown;
}

/** A Node.js or axios error code (`ECONNRESET`, `ERR_CANCELED`), never an HTTP status. */
function networkCode(value: unknown): string | undefined {
	return typeof value === 'string' && /^E[A-Z0-9_]+$/.test(value) ? value : undefined;
}

/**
 * What a failed `httpRequestWithAuthentication` call says about the connection. Both n8n lines wrap
 * the request error in a NodeApiError, differently:
 * - n8n-core 2.x keeps it as the NodeApiError's `cause` (code and message intact);
 * - n8n-core 1.x loses the cause (n8n-workflow 1.x's ExecutionBaseError redeclares `cause`), leaves
 *   the code in `httpCode` (`ECONNRESET`), the request error's message first in `messages`
 *   (`timeout of 1500ms exceeded`) and replaces `message` with a generic text.
 */
export function networkFailureOf(error: unknown): NetworkFailure {
	const err = (error ?? {}) as ErrorShape;
	const cause = err.cause ?? {};
	const code = networkCode(cause.code) ?? networkCode(err.code) ?? networkCode(err.httpCode);
	const firstMessage = Array.isArray(err.messages) ? textOf(err.messages[0]) : '';
	const message =
		textOf(cause.message) || firstMessage || textOf(err.message) || 'Unknown network error';
	const timedOut = code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(message));
	const cutOff = code === 'ERR_BAD_RESPONSE' && /stream has been aborted/i.test(message);
	const cancelled = cause.name === 'CanceledError' || code === 'ERR_CANCELED';
	return { code, message, timedOut, cutOff, cancelled };
}

/** A timeout or a dropped connection: sending again may well work. */
export function isRetryableNetworkFailure(failure: NetworkFailure): boolean {
	return failure.timedOut || failure.cutOff || isTransientNetworkCode(failure.code);
}
