import { ExecuteContext } from 'n8n-core';

import { mockApi } from '../harness/mockApi';
import { BASE as ST_BASE, runSignTraker } from '../signTraker/helpers';
import {
	addFromItems,
	CONTACT,
	engage,
	OTHER_CONTACT,
	purchases,
	runVoyado,
	TRANSACTIONS,
} from '../voyadoEngage/helpers';

const award = (options = {}) => ({
	resource: 'creditAward',
	operation: 'create',
	name: '={{ $json.name }}',
	awardedTo: '42',
	totalAmount: 10,
	options,
});
const names = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ name: `A${index}` }));

describe('execution hints: notices above the output', () => {
	afterEach(() => jest.restoreAllMocks());

	it('a dry run says how many writes it planned and that nothing was sent', async () => {
		const result = await runSignTraker(award({ dryRun: true }), { items: names(6) });
		expect(result.error).toBeUndefined();
		expect(result.hints).toEqual([
			{ message: 'Dry run: 6 writes planned, nothing sent', type: 'info', location: 'outputPane' },
		]);
	});

	it('a real run of the same items has none', async () => {
		mockApi(ST_BASE).post('/api/credits/awards').times(2).reply(201, { Id: 1 });
		const result = await runSignTraker(award(), { items: names(2) });
		expect(result.error).toBeUndefined();
		expect(result.hints).toEqual([]);
	});

	it('Voyado Add: the rows Engage did not accept, and which field to filter on', async () => {
		const items = purchases(5, (index) => ({ contactId: index < 3 ? OTHER_CONTACT : CONTACT }));
		engage()
			.post(TRANSACTIONS)
			.reply(({ body }) => [
				200,
				{ notAccepted: (body as unknown[]).slice(0, 3), missingContactIds: [OTHER_CONTACT] },
			]);
		const result = await runVoyado(addFromItems, { items });
		expect(result.items.map((item) => item.json.accepted)).toEqual([
			false,
			false,
			false,
			true,
			true,
		]);
		expect(result.hints).toEqual([
			{
				message: 'Engage did not accept 3 rows: filter on `accepted`',
				type: 'info',
				location: 'outputPane',
			},
		]);
	});

	it('Voyado Add: none when Engage accepted every row', async () => {
		engage().post(TRANSACTIONS).reply(200, {});
		const result = await runVoyado(addFromItems, { items: purchases(2) });
		expect(result.hints).toEqual([]);
	});

	it('an n8n whose run has no addExecutionHints runs the node all the same', async () => {
		const prototype = ExecuteContext.prototype as unknown as Record<string, unknown>;
		const original = prototype.addExecutionHints;
		delete prototype.addExecutionHints;
		try {
			const result = await runSignTraker(award({ dryRun: true }), { items: names(1) });
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.dryRun).toBe(true);
			expect(result.hints).toEqual([]);
		} finally {
			prototype.addExecutionHints = original;
		}
	});
});
