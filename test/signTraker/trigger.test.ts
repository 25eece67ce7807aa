import type { IDataObject } from 'n8n-workflow';

import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { SignTrakerTrigger } from '../../nodes/SignTraker/SignTrakerTrigger.node';
import { pickersOf, runListSearch } from '../harness/listSearch';
import { TriggerHarness } from '../harness/triggers';
import { API_KEY, BASE } from './helpers';
import { mockApi } from '../harness/mockApi';

const AUTH = `ST-API ${API_KEY}`;
const award = (id: number): IDataObject => ({
	Id: id,
	Name: `Award ${id}`,
	TotalAmount: 10,
	AwardedDate: '2026-12-01T10:00:00Z',
	AwardedTo: { Id: 42, Name: 'Jane' },
});
const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, index) => award(from + index));

function poller(filters: IDataObject = {}, staticData?: IDataObject) {
	return new TriggerHarness({
		node: new SignTrakerTrigger(),
		parameters: { event: 'newCreditAward', filters },
		credentials: { signTrakerApi: { apiKey: API_KEY, subdomain: 'acme' } },
		credentialTypes: [new SignTrakerApi()],
		staticData,
	});
}

const withCursor = (cursor: IDataObject) => ({ 'node:Trigger': cursor });
const api = () => mockApi(BASE, { headers: { authorization: AUTH } });
const ids = (items: { json: IDataObject }[] | null) => items?.map((item) => item.json.Id);

describe('SignTraker Trigger: new credit awards', () => {
	it('stores the newest award Id on the first poll and emits nothing', async () => {
		const node = poller();
		api()
			.get('/api/credits/awards')
			.query({ $orderby: 'Id desc', $top: '1' })
			.reply(200, [award(17)]);
		expect(await node.poll()).toBeNull();
		expect(node.nodeStaticData()).toEqual({ lastAwardId: 17 });
	});

	it('starts from 0 when there is no award yet, so the first award is reported', async () => {
		const node = poller();
		api().get('/api/credits/awards').query({ $orderby: 'Id desc', $top: '1' }).reply(200, []);
		expect(await node.poll()).toBeNull();
		expect(node.nodeStaticData()).toEqual({ lastAwardId: 0 });
		api()
			.get('/api/credits/awards')
			.query({ $filter: 'Id gt 0', $orderby: 'Id asc', $top: '100' })
			.reply(200, [award(1)]);
		expect(ids(await node.poll())).toEqual([1]);
	});

	it('emits the awards created since the last poll, oldest first, and moves the cursor across polls', async () => {
		const node = poller({}, withCursor({ lastAwardId: 17 }));
		api()
			.get('/api/credits/awards')
			.query({ $filter: 'Id gt 17', $orderby: 'Id asc', $top: '100' })
			.reply(200, [award(18), award(20), award(19)]);
		const first = await node.poll();
		expect(ids(first)).toEqual([18, 19, 20]);
		expect(first?.[0].json).toEqual(award(18));
		expect(node.nodeStaticData()).toEqual({ lastAwardId: 20 });

		api()
			.get('/api/credits/awards')
			.query({ $filter: 'Id gt 20', $orderby: 'Id asc', $top: '100' })
			.reply(200, []);
		expect(await node.poll()).toBeNull();
		expect(node.nodeStaticData()).toEqual({ lastAwardId: 20 });

		api()
			.get('/api/credits/awards')
			.query({ $filter: 'Id gt 20', $orderby: 'Id asc', $top: '100' })
			.reply(200, [award(21)]);
		expect(ids(await node.poll())).toEqual([21]);
		expect(node.nodeStaticData()).toEqual({ lastAwardId: 21 });
	});

	it('pages through more new awards than one page holds', async () => {
		const node = poller({}, withCursor({ lastAwardId: 0 }));
		api()
			.get('/api/credits/awards')
			.query({ $filter: 'Id gt 0', $orderby: 'Id asc', $top: '100' })
			.reply(200, range(1, 100));
		api()
			.get('/api/credits/awards')
			.query({ $filter: 'Id gt 0', $orderby: 'Id asc', $top: '100', $skip: '100' })
			.reply(200, range(101, 130));
		const items = await node.poll();
		expect(items).toHaveLength(130);
		expect(ids(items)?.slice(-2)).toEqual([129, 130]);
		expect(node.nodeStaticData()).toEqual({ lastAwardId: 130 });
	});

	it('sends the agent filter as awardedTo on every request', async () => {
		const node = poller({ awardedTo: '42' });
		api()
			.get('/api/credits/awards')
			.query({ awardedTo: '42', $orderby: 'Id desc', $top: '1' })
			.reply(200, [award(5)]);
		await node.poll();
		api()
			.get('/api/credits/awards')
			.query({ awardedTo: '42', $filter: 'Id gt 5', $orderby: 'Id asc', $top: '100' })
			.reply(200, [award(9)]);
		expect(ids(await node.poll())).toEqual([9]);
	});

	it('takes the agent picked from the list, as saved by the picker', async () => {
		const picked = { __rl: true, mode: 'list', value: '42', cachedResultName: 'Jane Doe' };
		const node = poller({ awardedTo: picked }, withCursor({ lastAwardId: 5 }));
		api()
			.get('/api/credits/awards')
			.query({ awardedTo: '42', $filter: 'Id gt 5', $orderby: 'Id asc', $top: '100' })
			.reply(200, [award(6)]);
		expect(ids(await node.poll())).toEqual([6]);
	});

	it("refuses a picker left empty instead of reporting every agent's awards", async () => {
		const empty = { __rl: true, mode: 'list', value: '' };
		await expect(poller({ awardedTo: empty }).poll()).rejects.toThrow(
			'The parameter "Awarded To (Agent ID)" is empty',
		);
	});

	it('offers the same agent picker as the action node', () => {
		expect(pickersOf(new SignTrakerTrigger())).toEqual([
			{ name: 'awardedTo', method: 'searchAgents' },
		]);
	});

	it('lists agents for its picker through its own listSearch method', async () => {
		api()
			.get('/api/agents')
			.query({ $orderby: 'LastName,FirstName', $top: '50' })
			.reply(200, [{ Id: 42, FirstName: 'Jane', LastName: 'Doe', Email: 'jane@example.com' }]);
		const result = await runListSearch({
			node: new SignTrakerTrigger(),
			credentialTypes: [new SignTrakerApi()],
			credentials: { signTrakerApi: { apiKey: API_KEY, subdomain: 'acme' } },
			method: 'searchAgents',
			parameterPath: 'filters.awardedTo',
			parameters: { event: 'newCreditAward', filters: {} },
		});
		expect(result.results).toEqual([{ name: 'Jane Doe (jane@example.com)', value: '42' }]);
	});

	it('refuses an empty Awarded To as the action node does, before any request', async () => {
		await expect(poller({ awardedTo: '' }).poll()).rejects.toThrow(
			'The parameter "Awarded To (Agent ID)" is empty',
		);
	});

	it.each([['abc'], ['0'], ['99999999999999999999']])(
		'refuses Awarded To %p before any request',
		async (awardedTo) => {
			await expect(poller({ awardedTo }).poll()).rejects.toThrow(
				'The parameter "Awarded To (Agent ID)" must be a whole number of 1 or more',
			);
		},
	);

	it('returns the newest award in a manual run', async () => {
		const node = poller({}, withCursor({ lastAwardId: 3 }));
		api()
			.get('/api/credits/awards')
			.query({ $orderby: 'Id desc', $top: '1' })
			.reply(200, [award(9)]);
		expect(await node.poll('manual')).toEqual([{ json: award(9) }]);
	});

	it('returns nothing in a manual run when there is no award', async () => {
		api().get('/api/credits/awards').query({ $orderby: 'Id desc', $top: '1' }).reply(200, []);
		expect(await poller().poll('manual')).toBeNull();
	});

	it('falls back to newest-first paging when SignTraker refuses $filter on Id, and remembers that', async () => {
		const node = poller({}, withCursor({ lastAwardId: 150 }));
		api()
			.get('/api/credits/awards')
			.query({ $filter: 'Id gt 150', $orderby: 'Id asc', $top: '100' })
			.reply(400, {
				Message:
					"The query specified in the URI is not valid. Could not find a property named 'Id'.",
			});
		api()
			.get('/api/credits/awards')
			.query({ $orderby: 'Id desc', $top: '100' })
			.reply(200, range(161, 260).reverse());
		api()
			.get('/api/credits/awards')
			.query({ $orderby: 'Id desc', $top: '100', $skip: '100' })
			.reply(200, range(120, 160).reverse());
		const items = await node.poll();
		expect(ids(items)).toEqual(range(151, 260).map((entry) => entry.Id));
		expect(node.nodeStaticData()).toEqual({ lastAwardId: 260, idFilterRefused: true });

		// The next poll goes straight to newest first; one page that reaches the cursor is enough.
		api()
			.get('/api/credits/awards')
			.query({ $orderby: 'Id desc', $top: '100' })
			.reply(200, range(255, 262).reverse());
		expect(ids(await node.poll())).toEqual([261, 262]);
		expect(node.nodeStaticData()).toEqual({ lastAwardId: 262, idFilterRefused: true });
	});

	it('reports each award once when newest-first pages overlap (an award created between pages)', async () => {
		const node = poller({}, withCursor({ lastAwardId: 0, idFilterRefused: true }));
		api()
			.get('/api/credits/awards')
			.query({ $orderby: 'Id desc', $top: '100' })
			.reply(200, range(11, 110).reverse());
		api()
			.get('/api/credits/awards')
			.query({ $orderby: 'Id desc', $top: '100', $skip: '100' })
			.reply(200, range(1, 11).reverse());
		expect(ids(await node.poll())).toEqual(range(1, 110).map((entry) => entry.Id));
	});

	it('throws a readable API error when a poll fails, and keeps the cursor', async () => {
		const node = poller({}, withCursor({ lastAwardId: 7 }));
		api()
			.get('/api/credits/awards')
			.query({ $filter: 'Id gt 7', $orderby: 'Id asc', $top: '100' })
			.reply(401, { Message: 'Authorization has been denied for this request.' });
		const error = await node.poll().catch((failure: unknown) => failure as IDataObject);
		expect(error).toMatchObject({
			message: 'Authorization has been denied for this request.',
			httpCode: '401',
		});
		expect(JSON.stringify(error)).not.toContain(API_KEY);
		expect(node.nodeStaticData()).toEqual({ lastAwardId: 7 });
	});

	it('refuses a list reply that is not a JSON array', async () => {
		const node = poller({}, withCursor({ lastAwardId: 7 }));
		api()
			.get('/api/credits/awards')
			.query({ $filter: 'Id gt 7', $orderby: 'Id asc', $top: '100' })
			.reply(200, { value: [] });
		await expect(node.poll()).rejects.toThrow(
			'SignTraker sent a list response that is not a JSON array',
		);
		expect(node.nodeStaticData()).toEqual({ lastAwardId: 7 });
	});

	it('does not take a 400 of the fallback itself for a refused filter', async () => {
		const node = poller({}, withCursor({ lastAwardId: 7, idFilterRefused: true }));
		api()
			.get('/api/credits/awards')
			.query({ $orderby: 'Id desc', $top: '100' })
			.reply(400, { Message: 'Bad request' });
		await expect(node.poll()).rejects.toMatchObject({ httpCode: '400' });
	});
});
