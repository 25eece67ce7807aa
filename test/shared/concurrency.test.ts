import type { IDataObject } from 'n8n-workflow';
import * as workflow from 'n8n-workflow';

import { BASE as ST_BASE, runSignTraker } from '../signTraker/helpers';
import { HOST as SP_HOST, runSpreedly, subscriberParams } from '../spreedlySubscriptions/helpers';
import {
	addFromItems,
	BASE as VO_BASE,
	purchases,
	runVoyado,
	TRANSACTIONS,
} from '../voyadoEngage/helpers';
import { mockApi } from '../harness/mockApi';

/** Test-side timers only: the node itself never waits on a timer. */
const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** What the mocked server saw: arrivals and answers in order, and the most requests open at once. */
class Server {
	events: string[] = [];
	open = 0;
	maxOpen = 0;
	/** Holds a request for `delayMs`, recording when it came and went. */
	async handle(label: string, delayMs: number): Promise<void> {
		this.events.push(`start ${label}`);
		this.open++;
		this.maxOpen = Math.max(this.maxOpen, this.open);
		await pause(delayMs);
		this.open--;
		this.events.push(`end ${label}`);
	}
}

const getAgent = (extra: IDataObject = {}) => ({
	resource: 'agent',
	operation: 'get',
	agentId: '={{ $json.id }}',
	...extra,
});

/** Answers GET /api/agents/<id> for every id, the id's own delay late. */
function agents(server: Server, delayOf: (id: number) => number) {
	mockApi(ST_BASE)
		.get(/\/api\/agents\/\d+$/)
		.times('any')
		.reply(async ({ url: uri }) => {
			const id = Number(uri.split('/').pop());
			await server.handle(String(id), delayOf(id));
			return [200, { Id: id }];
		});
}

const ids = (count: number) => Array.from({ length: count }, (_, index) => ({ id: index + 1 }));

describe('concurrency of item-wise operations', () => {
	afterEach(() => jest.restoreAllMocks());

	it('outputs in input order, every item paired, though later items are answered first', async () => {
		// No timing: every request waits until all five are in flight, then they are answered last first.
		const answeredIds: number[] = [];
		const release = new Map<number, () => void>();
		mockApi(ST_BASE)
			.get(/\/api\/agents\/\d+$/)
			.times(5)
			.reply(async ({ url: uri }) => {
				const id = Number(uri.split('/').pop());
				await new Promise<void>((resolve) => {
					release.set(id, resolve);
					if (release.size === 5) release.get(5)?.();
				});
				answeredIds.push(id);
				// Answering one lets the next lower id go.
				setImmediate(() => release.get(id - 1)?.());
				return [200, { Id: id }];
			});
		const { items, rawOutputs } = await runSignTraker(getAgent({ options: { concurrency: 5 } }), {
			items: ids(5),
		});
		expect(answeredIds).toEqual([5, 4, 3, 2, 1]);
		expect(items.map((item) => item.json.Id)).toEqual([1, 2, 3, 4, 5]);
		expect(rawOutputs[0][0].map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
	});

	it('Concurrency 1 sends strictly one after another', async () => {
		const server = new Server();
		agents(server, () => 5);
		const { items } = await runSignTraker(getAgent({ options: { concurrency: 1 } }), {
			items: ids(4),
		});
		expect(items).toHaveLength(4);
		expect(server.maxOpen).toBe(1);
		expect(server.events).toEqual([1, 2, 3, 4].flatMap((id) => [`start ${id}`, `end ${id}`]));
	});

	it('by default a read has at most 10 requests in flight, and more than one', async () => {
		const server = new Server();
		agents(server, () => 20);
		const { items } = await runSignTraker(getAgent(), { items: ids(25) });
		expect(items).toHaveLength(25);
		expect(server.maxOpen).toBeLessThanOrEqual(10);
		expect(server.maxOpen).toBeGreaterThan(1);
	});

	it('by default a write has at most 4 requests in flight', async () => {
		const server = new Server();
		mockApi(SP_HOST)
			.post(/\/subscribers\/\d+\/credits\.xml$/)
			.times('any')
			.reply(async ({ url: uri }) => {
				await server.handle(uri, 20);
				return [201, ''];
			});
		const { items } = await runSpreedly(
			{
				resource: 'subscriber',
				operation: 'addStoreCredit',
				customerId: '={{ $json.id }}',
				amount: 1,
			},
			{ items: ids(12) },
		);
		expect(items).toHaveLength(12);
		expect(server.maxOpen).toBeLessThanOrEqual(4);
		expect(server.maxOpen).toBeGreaterThan(1);
	});

	it('two items on one subscriber keep input order while another subscriber goes in parallel', async () => {
		const server = new Server();
		const seen: string[] = [];
		mockApi(SP_HOST)
			.post(/\/subscribers\/\w+\/credits\.xml$/)
			.times('any')
			.reply(async ({ url: uri, body }) => {
				const amount = /<amount>([^<]*)<\/amount>/.exec(String(body))?.[1] ?? '';
				const customer = /subscribers\/(\w+)\//.exec(uri)?.[1] ?? '';
				seen.push(`${customer}:${amount}`);
				await server.handle(`${customer}:${amount}`, customer === 'a' ? 40 : 5);
				return [201, ''];
			});
		const credits = [
			{ id: 'a', amount: '1' },
			{ id: 'a', amount: '-1' },
			{ id: 'b', amount: '2' },
		];
		const { items } = await runSpreedly(
			subscriberParams('addStoreCredit', {
				customerId: '={{ $json.id }}',
				amount: '={{ $json.amount }}',
			}),
			{ items: credits },
		);
		expect(items).toHaveLength(3);
		const at = (event: string) => server.events.indexOf(event);
		// The second change of "a" starts only after the first one is answered…
		expect(at('start a:-1')).toBeGreaterThan(at('end a:1'));
		// …while "b" did not wait for "a".
		expect(at('start b:2')).toBeLessThan(at('end a:1'));
		expect(seen).toEqual(['a:1', 'b:2', 'a:-1']);
	});

	it('a 429 holds every request of the run until its Retry-After is over; the retry budget stays per request', async () => {
		let releaseGate: () => void = () => undefined;
		const waits: number[] = [];
		const sleep = jest.spyOn(workflow, 'sleep').mockImplementation(async (ms: number) => {
			waits.push(ms);
			await new Promise<void>((resolve) => {
				releaseGate = resolve;
			});
		});
		const server = new Server();
		let limited = false;
		mockApi(ST_BASE)
			.get(/\/api\/agents\/\d+$/)
			.times('any')
			.reply(async ({ url: uri }) => {
				const id = Number(uri.split('/').pop());
				if (id === 1 && !limited) {
					limited = true;
					server.events.push('429 1');
					return [429, { Message: 'Slow down' }, { 'Retry-After': '2' }];
				}
				await server.handle(String(id), id === 2 ? 30 : 1);
				return [200, { Id: id }];
			});
		const running = runSignTraker(getAgent({ options: { concurrency: 2 } }), { items: ids(4) });
		while (!server.events.includes('end 2')) await pause(5);
		await pause(40);
		// Item 2 was answered and its slot is free, yet nothing started during the wait.
		expect([...server.events].sort()).toEqual(['429 1', 'end 2', 'start 2']);
		expect(waits).toEqual([2000]);
		releaseGate();
		const { items } = await running;
		expect(items.map((item) => item.json.Id)).toEqual([1, 2, 3, 4]);
		expect(server.events.slice(3)).toEqual(expect.arrayContaining(['start 1', 'start 3']));
		expect(sleep).toHaveBeenCalledTimes(1);
	});

	it('without Continue On Fail the first failure stops new requests and says what was done and what was not sent', async () => {
		const server = new Server();
		mockApi(ST_BASE)
			.get(/\/api\/agents\/\d+$/)
			.times('any')
			.reply(async ({ url: uri }) => {
				const id = Number(uri.split('/').pop());
				if (id === 2) return [404, ''];
				await server.handle(String(id), 30);
				return [200, { Id: id }];
			});
		const { error } = await runSignTraker(getAgent({ options: { concurrency: 2 } }), {
			items: ids(6),
		});
		expect(error?.message).toBe('No SignTraker agent with ID 2 was found');
		expect(error?.description).toContain(
			'Item 0 was already done: what they wrote stays written, so do not send them again.',
		);
		expect(error?.description).toContain('Items 2–5 were not sent.');
		// Item 1 (ID 1) was in flight when item 2 failed: it finished; nothing else started.
		expect(server.events).toEqual(['start 1', 'end 1']);
	});

	it('Voyado Add sends its batches side by side, each with its own Idempotency-Key', async () => {
		const server = new Server();
		const keys: string[] = [];
		mockApi(VO_BASE)
			.post(TRANSACTIONS)
			.times('any')
			.reply(async (request) => {
				const { body } = request;
				keys.push(String(request.headers['idempotency-key']));
				await server.handle(String((body as IDataObject[])[0].description), 20);
				return [200, {}];
			});
		const rows = purchases(8, (index) => ({
			contactId: `5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a${String(index).padStart(2, '0')}`,
		}));
		const { items } = await runVoyado(
			{ ...addFromItems, options: { batchSize: 2 } },
			{ items: rows },
		);
		expect(items.map((item) => item.json.accepted)).toEqual(Array(8).fill(true));
		expect(new Set(keys).size).toBe(4);
		expect(server.maxOpen).toBeGreaterThan(1);
		expect(server.maxOpen).toBeLessThanOrEqual(4);
	});
});
