import type { IDataObject } from 'n8n-workflow';

import type { WireRequest } from '../harness/mockApi';
import { mockApi, requests } from '../harness/mockApi';
import { BASE, runSignTraker } from './helpers';

const AWARDS = '/api/credits/awards';

const create = (options: IDataObject, name = '={{ $json.name }}') => ({
	resource: 'creditAward',
	operation: 'create',
	name,
	awardedTo: '={{ $json.agent }}',
	totalAmount: 10,
	options,
});

/**
 * SignTraker's awards as the API keeps them between runs: GET /api/credits/awards answers with the
 * awards of `awardedTo` whose Name equals the quoted literal of an OData `Name eq '…'` filter (quotes
 * doubled, as OData escapes them), POST adds one.
 */
function awardsApi(awards: IDataObject[] = [], { lookups = true, creates = true } = {}) {
	const api = mockApi(BASE, { anyQuery: true });
	if (lookups)
		api
			.get(AWARDS)
			.times('any')
			.reply(({ query }) => {
				const match = /^Name eq '((?:[^']|'')*)'$/.exec(String(query.$filter));
				if (!match) return [400, { Message: 'The query specified in the URI is not valid.' }];
				const name = match[1].replace(/''/g, "'");
				const found = awards.filter(
					(award) =>
						award.Name === name && String((award.AwardedTo as IDataObject).Id) === query.awardedTo,
				);
				return [200, found.slice(0, Number(query.$top))];
			});
	if (creates)
		api
			.post(AWARDS)
			.times('any')
			.reply(({ body }) => {
				const award = { Id: awards.length + 1, ...(body as IDataObject) };
				awards.push(award);
				return [201, award];
			});
	return awards;
}

const lookups = () => requests().filter((request: WireRequest) => request.method === 'GET');
const posts = () => requests().filter((request: WireRequest) => request.method === 'POST');

describe('SignTraker Credit Award → Create, Options → Skip Existing', () => {
	it('across two runs: the second finds the award by agent and Name (quotes doubled) and sends nothing', async () => {
		const awards = awardsApi();
		const items = [{ agent: 42, name: "O'Brien's bonus" }];
		const first = await runSignTraker(create({ skipExisting: true }), { items });
		expect(first.error).toBeUndefined();
		expect(first.items[0].json).toEqual({
			Id: 1,
			Name: "O'Brien's bonus",
			AwardedTo: { Id: 42 },
			TotalAmount: 10,
		});
		expect(lookups().map((request) => request.query)).toEqual([
			{ awardedTo: '42', $filter: "Name eq 'O''Brien''s bonus'", $top: '1' },
		]);
		expect(first.hints).toEqual([]);

		const second = await runSignTraker(create({ skipExisting: true }), { items });
		expect(second.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(awards).toHaveLength(1);
		expect(second.rawOutputs[0][0]).toEqual([
			{ json: { ...awards[0], skipped: true }, pairedItem: { item: 0 } },
		]);
		expect(second.hints).toEqual([
			{ message: '1 award already existed and was skipped', type: 'info', location: 'outputPane' },
		]);
	});

	it('an award of the same Name to another agent, or another Name, is not the same award', async () => {
		awardsApi([{ Id: 1, Name: 'Spring', AwardedTo: { Id: 7 }, TotalAmount: 5 }]);
		const result = await runSignTraker(create({ skipExisting: true }), {
			items: [
				{ agent: 42, name: 'Spring' },
				{ agent: 7, name: 'spring' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(2);
		expect(result.items.map((item) => item.json.skipped)).toEqual([undefined, undefined]);
	});

	it('within one run: one lookup per agent and Name, the first item creates, a repeat is that award, skipped', async () => {
		const awards = awardsApi([{ Id: 1, Name: 'Winter', AwardedTo: { Id: 42 }, TotalAmount: 5 }]);
		const result = await runSignTraker(create({ skipExisting: true }), {
			items: [
				{ agent: 42, name: 'Spring' },
				{ agent: 42, name: 'Winter' },
				{ agent: 42, name: 'Spring' },
				{ agent: 43, name: 'Spring' },
				{ agent: 42, name: 'Winter' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(lookups()).toHaveLength(3);
		expect(posts().map((post) => post.body)).toEqual([
			{ Name: 'Spring', AwardedTo: { Id: 42 }, TotalAmount: 10 },
			{ Name: 'Spring', AwardedTo: { Id: 43 }, TotalAmount: 10 },
		]);
		expect(result.rawOutputs[0][0].map((item) => [item.pairedItem, item.json])).toEqual([
			[{ item: 0 }, awards[1]],
			[{ item: 1 }, { ...awards[0], skipped: true }],
			[{ item: 2 }, { ...awards[1], skipped: true, duplicateOfItem: 0 }],
			[{ item: 3 }, awards[2]],
			[{ item: 4 }, { ...awards[0], skipped: true }],
		]);
		expect(result.hints.map((hint) => hint.message)).toEqual([
			'2 awards already existed and were skipped',
			'1 item repeated an award of an earlier item and was skipped',
		]);
	});

	it('with Dry Run the lookups are still sent; what exists is skipped, the rest shows its request', async () => {
		awardsApi([{ Id: 1, Name: 'Winter', AwardedTo: { Id: 42 }, TotalAmount: 5 }], {
			creates: false,
		});
		const result = await runSignTraker(create({ skipExisting: true, dryRun: true }), {
			items: [
				{ agent: 42, name: 'Winter' },
				{ agent: 42, name: 'Spring' },
				{ agent: 42, name: 'Spring' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(lookups()).toHaveLength(2);
		expect(posts()).toHaveLength(0);
		expect(result.items.map((item) => item.json)).toEqual([
			{ Id: 1, Name: 'Winter', AwardedTo: { Id: 42 }, TotalAmount: 5, skipped: true, dryRun: true },
			{
				dryRun: true,
				request: {
					method: 'POST',
					path: AWARDS,
					query: {},
					body: { Name: 'Spring', AwardedTo: { Id: 42 }, TotalAmount: 10 },
				},
			},
			{ skipped: true, duplicateOfItem: 1, dryRun: true },
		]);
		expect(result.hints.map((hint) => hint.message)).toEqual([
			'Dry run: 1 write planned, nothing sent',
			'1 award already existed and was skipped',
			'1 item repeated an award of an earlier item and was skipped',
		]);
	});

	it('a failed lookup stops the node before any award is sent', async () => {
		mockApi(BASE, { anyQuery: true })
			.get(AWARDS)
			.times('any')
			.reply(500, { Message: 'Database down' });
		const result = await runSignTraker(create({ skipExisting: true, maxRetries: 0 }), {
			items: [
				{ agent: 42, name: 'Spring' },
				{ agent: 43, name: 'Autumn' },
			],
		});
		expect(posts()).toHaveLength(0);
		expect(result.error?.message).toBe('Database down');
	});

	it('with Continue On Fail, a failed lookup is the error item of its items; the others are sent', async () => {
		const api = mockApi(BASE, { anyQuery: true });
		api
			.get(AWARDS)
			.times(2)
			.reply(({ query }) =>
				query.awardedTo === '42' ? [500, { Message: 'Database down' }] : [200, []],
			);
		api.post(AWARDS).reply(201, { Id: 9 });
		const result = await runSignTraker(create({ skipExisting: true, maxRetries: 0 }), {
			items: [
				{ agent: 42, name: 'Spring' },
				{ agent: 43, name: 'Spring' },
			],
			continueOnFail: true,
		});
		expect(posts().map((post) => (post.body as IDataObject).AwardedTo)).toEqual([{ Id: 43 }]);
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ error: 'Database down', httpCode: '500' }),
			{ Id: 9 },
		]);
	});

	it('is off by default: no lookup, every item is sent', async () => {
		awardsApi([{ Id: 1, Name: 'Spring', AwardedTo: { Id: 42 }, TotalAmount: 5 }], {
			lookups: false,
		});
		const result = await runSignTraker(create({}), { items: [{ agent: 42, name: 'Spring' }] });
		expect(result.error).toBeUndefined();
		expect(lookups()).toHaveLength(0);
		expect(posts()).toHaveLength(1);
	});

	it('the stop error of a run without it points to Skip Existing and Dry Run', async () => {
		const api = mockApi(BASE);
		api.post(AWARDS).reply(201, { Id: 1 });
		api.post(AWARDS).reply(400, { Message: 'Invalid award' });
		const result = await runSignTraker(create({ concurrency: 1 }), {
			items: [
				{ agent: 42, name: 'Spring' },
				{ agent: 42, name: 'Summer' },
				{ agent: 42, name: 'Autumn' },
			],
		});
		expect(result.error?.description).toContain(
			'Item 0 was already done: what they wrote stays written, so do not send them again. To send the same items again without awarding twice, turn on Options → Skip Existing. Options → Dry Run shows what a run would send, without sending it.',
		);
		expect(result.error?.description).toContain('Item 2 was not sent.');
	});
});
