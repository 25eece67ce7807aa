import * as workflow from 'n8n-workflow';

/** A Unix time in milliseconds, far from 0 so that no "no time yet" check can be fooled. */
export const CLOCK_START = 1_800_000_000_000;

export interface VirtualClock {
	/** The clock as the node reads it (`Date.now()`). */
	now(): number;
	/** Every wait the node asked for, in milliseconds, in order. */
	sleeps: number[];
}

/**
 * A clock that moves only when the node waits, for every test of the calling `describe`: `Date.now()`
 * reads it, and n8n-workflow's `sleep` (the only way the node waits) returns at once, moving the clock
 * to the sleeper's wake time. A test sees when each request would start, without waiting for it.
 */
export function virtualClock(): VirtualClock {
	let time = CLOCK_START;
	const sleeps: number[] = [];
	beforeEach(() => {
		time = CLOCK_START;
		sleeps.length = 0;
		jest.spyOn(Date, 'now').mockImplementation(() => time);
		jest.spyOn(workflow, 'sleep').mockImplementation(async (ms: number) => {
			sleeps.push(ms);
			const wake = time + ms;
			await Promise.resolve();
			time = Math.max(time, wake);
		});
	});
	afterEach(() => jest.restoreAllMocks());
	return { now: () => time, sleeps };
}
