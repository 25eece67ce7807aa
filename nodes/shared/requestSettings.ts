import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiContext } from './context';
import { RateLimitGate } from './gate';
import type { RetrySettings } from './retry';
import { DEFAULT_RETRY } from './retry';
import { RunCredentials } from './runCredentials';
import { invalidParameter } from './checks';

/**
 * What every request of one run shares. A run is a node execution, a poll, a picker page or a
 * webhook registration call; its state is made once, at its start (newRunState), never kept in a module.
 */
export interface RunState {
	/** The run's rate-limit gate: every attempt waits for it, a 429 or Retry-After closes it for all. */
	gate: RateLimitGate;
	/** The run's credentials, each read once and handed to every request. */
	credentials: RunCredentials;
	/** The run's Options → Dry Run: the transport sends no write (see PlannedWrite). */
	dryRun: boolean;
}

/** How one request is sent: the item's Timeout / Max Retries and the state its run shares. */
export interface RequestSettings extends RunState {
	timeoutMs: number;
	retry: RetrySettings;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function newRunState(ctx: ApiContext, dryRun = false): RunState {
	return { gate: new RateLimitGate(), credentials: new RunCredentials(ctx), dryRun };
}

/** For a run without an Options collection (list pickers, polls, webhook registration): the defaults. */
export function defaultRequestSettings(ctx: ApiContext): RequestSettings {
	return { timeoutMs: DEFAULT_TIMEOUT_MS, retry: DEFAULT_RETRY, ...newRunState(ctx) };
}

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

/** An item's Options → Timeout / Max Retries, with the state of its run. */
export function readRequestSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: RunState,
): RequestSettings {
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
	return { timeoutMs, retry: { ...DEFAULT_RETRY, maxRetries }, ...run };
}
