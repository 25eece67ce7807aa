import type { IDataObject } from 'n8n-workflow';

import { CLOCK_START, virtualClock } from '../harness/clock';
import { addFromItems, CONTACT, engage, purchases, runVoyado, TRANSACTIONS } from './helpers';

/** Engage's documented limit: above 200 requests/s per API key it answers 429. */
const RATE = 200;
const ACCOUNTS = '/api/v2/point-accounts';

const clock = virtualClock();

/** The most requests that started within one second of each other. */
function busiestSecond(starts: number[]): number {
	return Math.max(
		...starts.map((from) => starts.filter((at) => at >= from && at < from + 1000).length),
	);
}

/**
 * How many requests came within the first second. A request is recorded when nock answers it, which
 * may be just after the clock moved on, so a run of concurrent requests may show fewer than it sent.
 */
function startedInFirstSecond(starts: number[]): number {
	return starts.filter((at) => at < CLOCK_START + 1000).length;
}

/** Answers GET /api/v2/point-accounts/<id> with `{ id }` and records when each request came. */
function accounts(starts: number[], answer?: (id: number) => [number, IDataObject] | undefined) {
	return engage()
		.get(new RegExp(`^${ACCOUNTS}/\\d+$`))
		.times('any')
		.reply(({ url: uri }) => {
			const id = Number(uri.split('/').pop());
			starts.push(clock.now());
			return answer?.(id) ?? [200, { id }];
		});
}

/** Accepts every Add batch and records when each came. */
function acceptBatches(starts: number[]) {
	engage()
		.post(TRANSACTIONS)
		.times('any')
		.reply(() => {
			starts.push(clock.now());
			return [200, { notAccepted: [] }];
		});
}

/** A contact of its own for every row, so that no batch waits for another on the same account. */
const ownContact = (index: number) => ({
	contactId: CONTACT.replace(/.{4}$/, String(index).padStart(4, '0')),
});

const getAccounts = { resource: 'pointAccount', operation: 'get', accountId: '={{ $json.id }}' };
const ids = (count: number) => Array.from({ length: count }, (_, index) => ({ id: index + 1 }));

describe('Voyado Engage: at most 200 requests per second per run', () => {
	it('item-wise Gets: the 201st request waits until the first second is over', async () => {
		const starts: number[] = [];
		accounts(starts);
		const { items } = await runVoyado(getAccounts, { items: ids(250) });
		expect(items.map((item) => item.json.id)).toEqual(ids(250).map(({ id }) => id));
		expect(starts).toHaveLength(250);
		expect(startedInFirstSecond(starts)).toBeLessThanOrEqual(RATE);
		expect(busiestSecond(starts)).toBeLessThanOrEqual(RATE);
		expect(clock.sleeps.length).toBeGreaterThan(0);
	});

	it('a run that stays under the rate is not slowed: 200 Gets, no wait at all', async () => {
		const starts: number[] = [];
		accounts(starts);
		const { items } = await runVoyado(getAccounts, { items: ids(RATE) });
		expect(items).toHaveLength(RATE);
		expect(clock.sleeps).toEqual([]);
		expect(new Set(starts)).toEqual(new Set([CLOCK_START]));
	});

	it('retries count: the retry that would be the 201st request of the second waits', async () => {
		const starts: number[] = [];
		let refused = false;
		const retried: number[] = [];
		accounts(starts, (id) => {
			if (id !== RATE) return undefined;
			if (refused) {
				retried.push(clock.now());
				return undefined;
			}
			refused = true;
			return [503, { message: 'Busy' }];
		});
		const { items } = await runVoyado(getAccounts, { items: ids(RATE) });
		expect(items.map((item) => item.json.id)).toContain(RATE);
		expect(starts).toHaveLength(RATE + 1);
		// The backoff alone (at most 500 ms) would have sent it within the first second.
		expect(retried).toHaveLength(1);
		expect(retried[0]).toBeGreaterThanOrEqual(CLOCK_START + 1000);
		expect(busiestSecond(starts)).toBeLessThanOrEqual(RATE);
	});

	it('Return All: a list of 210 pages reads the last 10 pages in the next second', async () => {
		const starts: number[] = [];
		const total = 210;
		engage()
			.get(TRANSACTIONS)
			.times('any')
			.query(true)
			.reply(({ url: uri }) => {
				const offset = Number(new URL(uri, 'https://acme.voyado.com').searchParams.get('offset'));
				starts.push(clock.now());
				// Engage caps the page (here at one record); Return All goes on until totalCount.
				return [200, { items: [{ id: offset + 1 }], totalCount: total, offset, count: 1 }];
			});
		const { items } = await runVoyado({
			resource: 'pointTransaction',
			operation: 'getAll',
			lookupBy: 'account',
			accountId: 7,
			returnAll: true,
		});
		expect(items.map((item) => item.json.id)).toEqual(ids(total).map(({ id }) => id));
		expect(startedInFirstSecond(starts)).toBe(RATE);
		expect(busiestSecond(starts)).toBeLessThanOrEqual(RATE);
	});

	it('Add: batches count like any request (201 batches of one row)', async () => {
		const starts: number[] = [];
		acceptBatches(starts);
		const rows = purchases(RATE + 1, ownContact);
		const { items } = await runVoyado(
			{ ...addFromItems, options: { batchSize: 1 } },
			{ items: rows },
		);
		expect(items.map((item) => item.json.accepted)).toEqual(Array(RATE + 1).fill(true));
		expect(starts).toHaveLength(RATE + 1);
		expect(startedInFirstSecond(starts)).toBeLessThanOrEqual(RATE);
	});

	it('Add with a few batches side by side asks for no wait', async () => {
		const starts: number[] = [];
		acceptBatches(starts);
		const rows = purchases(12, ownContact);
		const { items } = await runVoyado(
			{ ...addFromItems, options: { batchSize: 3 } },
			{ items: rows },
		);
		expect(items).toHaveLength(12);
		expect(starts).toHaveLength(4);
		expect(clock.sleeps).toEqual([]);
	});
});
