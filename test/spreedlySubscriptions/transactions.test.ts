import type { IDataObject } from 'n8n-workflow';

import { API, BASIC_AUTH, fixture, runSpreedly, spreedlyApi, XML } from './helpers';

const built = fixture('transactions_built.xml');
const empty = fixture('rspreedly_no_transactions.xml');

/** A batch of `count` transactions with IDs from `from`, in the documented XML shape. */
function batch(from: number, count: number): string {
	const transactions = Array.from(
		{ length: count },
		(_, index) =>
			`<transaction><id type="integer">${from + index}</id><amount type="decimal">1.0</amount><subscriber-customer-id>42</subscriber-customer-id></transaction>`,
	);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<transactions type="array">${transactions.join('')}</transactions>`;
}

function getAll(params: IDataObject = {}) {
	return runSpreedly({ resource: 'transaction', operation: 'getAll', ...params });
}

describe('Spreedly transactions: Get Many', () => {
	it('converts the documented transaction fields and outputs them oldest first', async () => {
		const api = spreedlyApi();
		api.get(`${API}/transactions.xml`).query({ since_id: '0' }).reply(200, built, XML);
		const { items, error } = await getAll({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([19, 20]);
		expect(items[1].json).toEqual({
			amount: 24,
			createdAt: '2026-11-02T10:15:00.000Z',
			currencyCode: 'USD',
			description: 'Subscription',
			detailType: 'Subscription',
			expiresAt: '2026-12-02T10:15:00.000Z',
			id: 20,
			invoiceId: 301,
			startTime: '2026-11-02T10:15:00.000Z',
			terms: '1 month',
			updatedAt: '2026-11-02T10:15:00.000Z',
			price: '$24.00',
			subscriberCustomerId: '42',
			detail: { paymentMethod: 'visa', recurring: true, featureLevel: 'pro' },
		});
		expect(items[0].json).toMatchObject({ id: 19, detailType: 'StopAutoRenew', invoiceId: null });
		expect(api.requests()[0]).toMatchObject({
			method: 'GET',
			path: `${API}/transactions.xml`,
			query: { since_id: '0' },
		});
		expect(api.requests()[0].headers.authorization).toBe(BASIC_AUTH);
	});

	it('starts after Since ID and follows since_id in batches of 50 until a short batch', async () => {
		const api = spreedlyApi();
		api.get(`${API}/transactions.xml`).query({ since_id: '100' }).reply(200, batch(101, 50), XML);
		api.get(`${API}/transactions.xml`).query({ since_id: '150' }).reply(200, batch(151, 50), XML);
		api.get(`${API}/transactions.xml`).query({ since_id: '200' }).reply(200, batch(201, 3), XML);
		const { items } = await getAll({ sinceId: '100', returnAll: true });
		expect(items).toHaveLength(103);
		expect(items[0].json.id).toBe(101);
		expect(items[102].json.id).toBe(203);
		expect(
			api.requests().map((request) => `${request.path}?since_id=${request.query.since_id}`),
		).toEqual([
			`${API}/transactions.xml?since_id=100`,
			`${API}/transactions.xml?since_id=150`,
			`${API}/transactions.xml?since_id=200`,
		]);
	});

	it('stops at Limit without asking for a batch too many', async () => {
		const api = spreedlyApi();
		api.get(`${API}/transactions.xml`).query({ since_id: '0' }).reply(200, batch(1, 50), XML);
		api.get(`${API}/transactions.xml`).query({ since_id: '50' }).reply(200, batch(51, 50), XML);
		const { items } = await getAll({ limit: 60 });
		expect(items.map((item) => item.json.id)).toEqual(
			Array.from({ length: 60 }, (_, index) => index + 1),
		);
		expect(api.requests()).toHaveLength(2);
	});

	it('stops after a full batch that is followed by an empty one', async () => {
		const api = spreedlyApi();
		api.get(`${API}/transactions.xml`).query({ since_id: '0' }).reply(200, batch(1, 50), XML);
		api.get(`${API}/transactions.xml`).query({ since_id: '50' }).reply(200, empty, XML);
		const { items } = await getAll({ returnAll: true });
		expect(items).toHaveLength(50);
	});

	it('outputs nothing when there is no transaction since Since ID', async () => {
		const api = spreedlyApi();
		api.get(`${API}/transactions.xml`).query({ since_id: '7' }).reply(200, empty, XML);
		const { items, error } = await getAll({ sinceId: 7, returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it.each([['abc'], ['-1'], ['1.5']])('refuses Since ID %p before any request', async (sinceId) => {
		const { error } = await getAll({ sinceId, returnAll: true });
		expect(error?.message).toBe(
			`The parameter "Since ID" must be a transaction ID (a whole number), got "${sinceId}" (item 0)`,
		);
	});

	it('refuses a reply that is not a list', async () => {
		const api = spreedlyApi();
		api
			.get(`${API}/transactions.xml`)
			.query({ since_id: '0' })
			.reply(200, fixture('rspreedly_subscriber.xml'), XML);
		const { error } = await getAll({ returnAll: true });
		expect(error?.message).toBe('Spreedly sent a transaction list that is not an XML array');
	});
});
