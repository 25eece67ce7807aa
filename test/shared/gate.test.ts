import * as workflow from 'n8n-workflow';

import { RateLimitGate } from '../../nodes/shared/gate';

/**
 * The gate on its own, for the one order the engine cannot be made to show reliably: a 429 that
 * arrives while a request is waiting for its slot of the second. (Pacing through the engine:
 * test/voyadoEngage/rate.test.ts.)
 */
describe('RateLimitGate', () => {
	let time = 0;
	const pending: Array<{ wake: number; release: () => void }> = [];

	beforeEach(() => {
		time = 1_800_000_000_000;
		pending.length = 0;
		jest.spyOn(Date, 'now').mockImplementation(() => time);
		jest
			.spyOn(workflow, 'sleep')
			.mockImplementation(
				async (ms: number) =>
					await new Promise<void>((resolve) => pending.push({ wake: time + ms, release: resolve })),
			);
	});
	afterEach(() => jest.restoreAllMocks());

	/** Lets the sleep that was asked for `position`-th end, with the clock at its wake time. */
	async function wake(position: number) {
		time = Math.max(time, pending[position].wake);
		pending[position].release();
		for (let turn = 0; turn < 5; turn++) await Promise.resolve();
	}

	it('a request that waited for its slot still waits for a 429 that came meanwhile', async () => {
		const gate = new RateLimitGate();
		await gate.open(1);
		let started = false;
		const second = gate.open(1).then(() => {
			started = true;
		});
		await Promise.resolve();
		expect(pending.map(({ wake: at }) => at - time)).toEqual([1000]);
		gate.hold(5000);
		await wake(0);
		expect(started).toBe(false);
		await wake(1);
		await second;
		expect(started).toBe(true);
	});

	it('without a rate, only a hold makes a request wait', async () => {
		const gate = new RateLimitGate();
		await Promise.all([gate.open(), gate.open(), gate.open()]);
		expect(pending).toEqual([]);
	});
});
