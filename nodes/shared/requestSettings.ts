import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RateLimitGate } from './gate';
import type { RetrySettings } from './retry';
import { DEFAULT_RETRY } from './retry';
import { invalidParameter } from './validate';

/** How one request is sent: a plain object, so a run can add what all its requests share. */
export interface RequestSettings {
	timeoutMs: number;
	retry: RetrySettings;
	/** The run's rate-limit gate: every attempt waits for it, a 429 or Retry-After closes it for all. */
	gate?: RateLimitGate;
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
		throw invalidParameter(ctx, itemIndex, 'Timeout', 'must be a positive number of milliseconds');
	}
	if (!Number.isInteger(maxRetries) || maxRetries < 0) {
		throw invalidParameter(ctx, itemIndex, 'Max Retries', 'must be a whole number of 0 or more');
	}
	return { timeoutMs, retry: { ...DEFAULT_RETRY, maxRetries } };
}
