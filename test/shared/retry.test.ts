import {
	backoffDelay,
	DEFAULT_RETRY,
	isRetryableStatus,
	isSafeToRepeat,
	parseRetryAfter,
} from '../../nodes/shared/retry';

describe('retry policy', () => {
	it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'get'])('repeats %s', (method) => {
		expect(isSafeToRepeat(method, undefined)).toBe(true);
	});

	it.each(['POST', 'PATCH'])('never repeats %s unless the provider deduplicates it', (method) => {
		expect(isSafeToRepeat(method, undefined)).toBe(false);
		expect(isSafeToRepeat(method, true)).toBe(true);
	});

	it('retries 429, 502, 503 and 504 only', () => {
		expect(
			[400, 401, 404, 409, 429, 500, 501, 502, 503, 504].filter((status) =>
				isRetryableStatus(status),
			),
		).toEqual([429, 502, 503, 504]);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-22T10:00:00Z');
		expect(parseRetryAfter('3', now)).toBe(3000);
		expect(parseRetryAfter('0.5', now)).toBe(500);
		expect(parseRetryAfter(['7'], now)).toBe(7000);
		expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:10 GMT', now)).toBe(10_000);
		expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with jitter, capped', () => {
		expect(backoffDelay(0, DEFAULT_RETRY, () => 0)).toBe(250);
		expect(backoffDelay(0, DEFAULT_RETRY, () => 1)).toBe(500);
		expect(backoffDelay(3, DEFAULT_RETRY, () => 1)).toBe(4000);
		expect(backoffDelay(20, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs);
	});
});

describe('idempotent overrides', () => {
	it('keeps a PUT or DELETE from repeating when the request says it is not idempotent', () => {
		expect(isSafeToRepeat('PUT', false)).toBe(false);
		expect(isSafeToRepeat('DELETE', false)).toBe(false);
	});
});

describe('500 on a deduplicated write', () => {
	it('is retried only when the provider deduplicates the request', () => {
		expect(isRetryableStatus(500)).toBe(false);
		expect(isRetryableStatus(500, true)).toBe(true);
		expect(isRetryableStatus(501, true)).toBe(true);
		expect(isRetryableStatus(400, true)).toBe(false);
	});
});
