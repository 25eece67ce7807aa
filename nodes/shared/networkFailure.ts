import { isTransientNetworkCode } from './retry';

/** A request that got no HTTP answer at all. */
export interface NetworkFailure {
	code?: string;
	message: string;
	timedOut: boolean;
	cancelled: boolean;
}

type ErrorShape = { code?: string; message?: string; name?: string };

/** What a failed `httpRequestWithAuthentication` call says about the connection. */
export function networkFailureOf(error: unknown): NetworkFailure {
	const err = error as ErrorShape & { cause?: ErrorShape };
	const cause: ErrorShape = err.cause ?? err;
	const code = cause.code ?? err.code;
	const message = cause.message ?? err.message ?? 'Unknown network error';
	const timedOut =
		code === 'ECONNABORTED' && /timeout/i.test(message) ? true : code === 'ETIMEDOUT';
	const cancelled = cause.name === 'CanceledError' || code === 'ERR_CANCELED';
	return { code, message, timedOut, cancelled };
}

/** A timeout or a dropped connection: sending again may well work. */
export function isRetryableNetworkFailure(failure: NetworkFailure): boolean {
	return failure.timedOut || isTransientNetworkCode(failure.code);
}
