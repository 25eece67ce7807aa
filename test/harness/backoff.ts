import * as workflow from 'n8n-workflow';

/**
 * The one way tests skip retry backoff: n8n-workflow's `sleep` (which the core waits with) returns at
 * once for every test of the calling `describe`. The returned mock records each wait in milliseconds.
 */
export function skipBackoffSleeps(): jest.Mock {
	const sleep = jest.fn().mockResolvedValue(undefined);
	let spy: jest.SpyInstance | undefined;
	beforeEach(() => {
		sleep.mockClear();
		spy = jest.spyOn(workflow, 'sleep').mockImplementation(sleep);
	});
	afterEach(() => spy?.mockRestore());
	return sleep;
}
