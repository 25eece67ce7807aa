import { readFileSync } from 'fs';
import { join } from 'path';

import { useSandbox } from './sandboxProcess';

const sandbox = useSandbox();

/** The README's table of the sandbox's keys: credential → the `values` of its row. */
function readmeKeyTable(): Map<string, string[]> {
	const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
	const rows = new Map<string, string[]>();
	for (const match of readme.matchAll(/^\| (\w[\w ]* API|OpenAI) \| (.*`.*) \|$/gm)) {
		rows.set(
			match[1],
			[...match[2].matchAll(/`([^`]+)`/g)].map((value) => value[1]),
		);
	}
	return rows;
}

describe('the sandbox keys', () => {
	it('are listed in the README for the six credentials', () => {
		expect([...readmeKeyTable().keys()].sort()).toEqual([
			'OpenAI',
			'SignTraker API',
			'Spreedly Subscriptions API',
			'Voyado Engage API',
			'Voyado Engage Webhook API',
			'Waldur API',
		]);
	});

	it('are printed by `npm run sandbox` as the README lists them', async () => {
		// The keys come after the address line, which is all the start waited for.
		for (let tries = 0; tries < 100 && !sandbox().printed().includes('Spreedly'); tries++)
			await new Promise((resolve) => setTimeout(resolve, 50));
		const printed = sandbox().printed();
		const port = new URL(sandbox().url).port;
		for (const values of readmeKeyTable().values()) {
			for (const value of values) expect(printed).toContain(value.replace(':5680/', `:${port}/`));
		}
	});
});
