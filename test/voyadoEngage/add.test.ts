import {
	addFromItems,
	API_KEY,
	CONTACT,
	engage,
	OTHER_CONTACT,
	purchases,
	recordPosts,
	runVoyado,
	TRANSACTIONS,
} from './helpers';
import { skipBackoffSleeps } from '../harness/backoff';
import type { WireRequest } from '../harness/mockApi';
import { expectNoRequests } from '../harness/mockApi';

const sleep = skipBackoffSleeps();

/** A row exactly as it should go on the wire. */
const returnRow = {
	contactId: CONTACT,
	amount: -12.5,
	definitionId: 2,
	source: 'Return',
	description: 'Order 1001 returned',
	timeStamp: '2026-03-01T10:00:00Z',
	validFrom: '2026-03-02',
	validTo: '2027-03-01T00:00:00.000+01:00',
};

describe('Voyado Engage pointTransaction.add on the wire', () => {
	it('POSTs the rows as a JSON array with apikey, User-Agent, Content-Type and an Idempotency-Key', async () => {
		engage()
			.post(TRANSACTIONS, [returnRow])
			.matchHeader('idempotency-key', /^n8n-[0-9a-f]{32}-1$/)
			.reply(200, {
				notAccepted: [],
				errorMessages: [],
				missingDefinitionIds: [],
				missingContactIds: [],
			});
		const { items, rawOutputs, error } = await runVoyado({
			resource: 'pointTransaction',
			operation: 'add',
			contactId: CONTACT,
			definitionId: '2',
			amount: -12.5,
			source: 'Return',
			description: 'Order 1001 returned',
			additionalFields: {
				timeStamp: '2026-03-01T10:00:00Z',
				validFrom: '2026-03-02',
				validTo: "={{ DateTime.fromISO('2027-03-01T00:00:00', { zone: 'UTC+1' }) }}",
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ ...returnRow, accepted: true }]);
		expect(rawOutputs[0][0][0].pairedItem).toEqual({ item: 0 });
	});

	it('reads numbers given as text (from expressions) and trims text fields', async () => {
		const { posts } = recordPosts(1);
		await runVoyado(addFromItems, {
			items: [
				{
					contactId: ` ${CONTACT} `,
					definitionId: '3',
					amount: '7.25',
					source: ' Purchase ',
					description: 'Order 1',
				},
			],
		});
		expect(posts[0].body).toEqual([
			{
				contactId: CONTACT,
				amount: 7.25,
				definitionId: 3,
				source: 'Purchase',
				description: 'Order 1',
			},
		]);
	});

	it('accepts an empty 2xx answer as "all rows accepted"', async () => {
		engage().post(TRANSACTIONS).reply(202, '');
		const { items } = await runVoyado(addFromItems, { items: purchases(2) });
		expect(items.map((item) => item.json.accepted)).toEqual([true, true]);
	});
});

describe('Voyado Engage pointTransaction.add batching', () => {
	it.each([
		[1, [1]],
		[999, [999]],
		[1000, [1000]],
		[1001, [1000, 1]],
		[2500, [1000, 1000, 500]],
	])('sends %i items as rows of %j', async (count, sizes) => {
		const { posts } = recordPosts(sizes.length);
		const { items, rawOutputs, error } = await runVoyado(addFromItems, { items: purchases(count) });
		expect(error).toBeUndefined();
		expect(posts.map((post) => post.body.length)).toEqual(sizes);
		// Every row is sent once, in input order, and comes out paired with its own item.
		expect(posts.flatMap((post) => post.body.map((row) => row.description))).toEqual(
			purchases(count).map((row) => row.description),
		);
		expect(items).toHaveLength(count);
		rawOutputs[0][0].forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({ description: `Order ${1000 + index}`, accepted: true });
		});
	});

	it('honours batchSize 7', async () => {
		const { posts } = recordPosts(3);
		const { items } = await runVoyado(
			{ ...addFromItems, options: { batchSize: 7 } },
			{ items: purchases(20) },
		);
		expect(posts.map((post) => post.body.length)).toEqual([7, 7, 6]);
		expect(items).toHaveLength(20);
	});

	it.each([0, 1001, 2.5])('refuses batchSize %p before any request', async (batchSize) => {
		const { error } = await runVoyado(
			{ ...addFromItems, options: { batchSize } },
			{ items: purchases(2) },
		);
		expect(error?.message).toMatch(
			/^The parameter "Batch Size" must be a whole number from 1 to 1000/,
		);
		expectNoRequests();
	});

	it('sends the batches one after another (never two at once, so the rate limit is respected)', async () => {
		let inFlight = 0;
		let most = 0;
		engage()
			.post(TRANSACTIONS)
			.times(3)
			.delay(20)
			.reply(() => {
				inFlight++;
				most = Math.max(most, inFlight);
				setImmediate(() => inFlight--);
				return [200, {}];
			});
		await runVoyado({ ...addFromItems, options: { batchSize: 2 } }, { items: purchases(6) });
		expect(most).toBe(1);
	});
});

describe('Voyado Engage pointTransaction.add Idempotency-Key', () => {
	it('differs per batch and shares one base within the execution', async () => {
		const { posts } = recordPosts(3);
		await runVoyado({ ...addFromItems, options: { batchSize: 2 } }, { items: purchases(5) });
		const keys = posts.map((post) => post.key as string);
		expect(new Set(keys).size).toBe(3);
		const base = keys[0].replace(/-1$/, '');
		expect(keys).toEqual([`${base}-1`, `${base}-2`, `${base}-3`]);
	});

	it('stays the same when a 503 is retried, and the POST is retried because of it', async () => {
		const keys: string[] = [];
		engage()
			.post(TRANSACTIONS)
			.reply((request) => {
				keys.push(String(request.headers['idempotency-key']));
				return [503, 'Service Unavailable'];
			})
			.post(TRANSACTIONS)
			.reply((request) => {
				keys.push(String(request.headers['idempotency-key']));
				return [200, {}];
			});
		const { items, error } = await runVoyado(addFromItems, { items: purchases(3) });
		expect(error).toBeUndefined();
		expect(keys).toHaveLength(2);
		expect(keys[1]).toBe(keys[0]);
		expect(sleep).toHaveBeenCalledTimes(1);
		expect(items.map((item) => item.json.accepted)).toEqual([true, true, true]);
	});

	it('is retried with the same key after a timeout (the first POST may have arrived)', async () => {
		const keys: string[] = [];
		const record = (request: WireRequest) => {
			keys.push(String(request.headers['idempotency-key']));
			return [200, {}];
		};
		engage().post(TRANSACTIONS).delay(2000).reply(record).post(TRANSACTIONS).reply(record);
		const { error } = await runVoyado(
			{ ...addFromItems, options: { timeout: 500 } },
			{ items: purchases(1) },
		);
		expect(error).toBeUndefined();
		expect(keys).toHaveLength(2);
		expect(keys[1]).toMatch(/^n8n-[0-9a-f]{32}-1$/);
		expect(new Set(keys).size).toBe(1);
		expect(sleep).toHaveBeenCalledTimes(1);
	});

	it('stays the same when a 429 is retried after the wait Retry-After asks for', async () => {
		const { posts } = recordPosts(2, () =>
			posts.length === 1 ? [429, 'Too Many Requests', { 'Retry-After': '2' }] : [200, {}],
		);
		const { items, error } = await runVoyado(addFromItems, { items: purchases(2) });
		expect(error).toBeUndefined();
		expect(sleep).toHaveBeenCalledWith(2000);
		expect(posts.map((post) => post.key)).toEqual([posts[0].key, posts[0].key]);
		expect(posts[1].body).toEqual(posts[0].body);
		expect(items.map((item) => item.json.accepted)).toEqual([true, true]);
	});

	it('stays the same when a dropped connection is retried', async () => {
		let droppedKey = '';
		engage()
			.post(TRANSACTIONS)
			.reply((request) => {
				droppedKey = String(request.headers['idempotency-key']);
				return { networkError: 'ECONNRESET' };
			});
		const { posts } = recordPosts(1);
		const { items, error } = await runVoyado(addFromItems, { items: purchases(1) });
		expect(error).toBeUndefined();
		expect(droppedKey).toMatch(/^n8n-[0-9a-f]{32}-1$/);
		expect(posts.map((post) => post.key)).toEqual([droppedKey]);
		expect(sleep).toHaveBeenCalledTimes(1);
		expect(items[0].json.accepted).toBe(true);
	});

	it("stays the same for every batch when n8n's Retry On Fail runs the node again in the same execution", async () => {
		const sent: Array<[string, number]> = [];
		let failSecondBatchOnce = true;
		engage()
			.post(TRANSACTIONS)
			.times(4)
			.reply(({ body, headers }) => {
				const key = String(headers['idempotency-key']);
				sent.push([key, (body as unknown[]).length]);
				if (key.endsWith('-2') && failSecondBatchOnce) {
					failSecondBatchOnce = false;
					return [400, { message: 'The request is invalid.' }];
				}
				return [200, {}];
			});
		const { items, error } = await runVoyado(
			{ ...addFromItems, options: { batchSize: 2 } },
			{ items: purchases(4), retryOnFail: { maxTries: 2, waitBetweenTries: 0 } },
		);
		expect(error).toBeUndefined();
		const [first, second, again, secondAgain] = sent.map(([key]) => key);
		expect(first).not.toBe(second);
		expect(again).toBe(first);
		expect(secondAgain).toBe(second);
		expect(items).toHaveLength(4);
	});

	it('differs between executions', async () => {
		const first = recordPosts(1);
		await runVoyado(addFromItems, { items: purchases(1), executionId: '101' });
		const second = recordPosts(1);
		await runVoyado(addFromItems, { items: purchases(1), executionId: '102' });
		expect(first.posts[0].key).toMatch(/^n8n-[0-9a-f]{32}-1$/);
		expect(second.posts[0].key).toMatch(/^n8n-[0-9a-f]{32}-1$/);
		expect(second.posts[0].key).not.toBe(first.posts[0].key);
	});

	it('uses the user key as the base, the same in every execution', async () => {
		const first = recordPosts(2);
		await runVoyado(
			{ ...addFromItems, options: { idempotencyKey: 'order-1001', batchSize: 2 } },
			{ items: purchases(3), executionId: '201' },
		);
		const second = recordPosts(1);
		await runVoyado(
			{ ...addFromItems, options: { idempotencyKey: 'order-1001' } },
			{ items: purchases(1), executionId: '202' },
		);
		expect(first.posts.map((post) => post.key)).toEqual(['order-1001-1', 'order-1001-2']);
		expect(second.posts.map((post) => post.key)).toEqual(['order-1001-1']);
	});

	it('never puts items with different user keys into one batch', async () => {
		const { posts } = recordPosts(3);
		const items = purchases(5, (index) => ({
			order: index < 3 ? 'A' : 'B',
			contactId: index === 4 ? OTHER_CONTACT : CONTACT,
		}));
		items[1].order = '';
		const { rawOutputs } = await runVoyado(
			{ ...addFromItems, options: { idempotencyKey: '={{ $json.order }}' } },
			{ items },
		);
		expect(
			posts.map((post) => [
				post.key?.replace(/^n8n-[0-9a-f]{32}/, 'auto'),
				post.body.map((row) => row.description),
			]),
		).toEqual([
			['A-1', ['Order 1000', 'Order 1002']],
			['auto-1', ['Order 1001']],
			['B-1', ['Order 1003', 'Order 1004']],
		]);
		expect(rawOutputs[0][0].map((item) => [item.json.description, item.pairedItem])).toEqual(
			[0, 1, 2, 3, 4].map((index) => [`Order ${1000 + index}`, { item: index }]),
		);
	});

	it.each(['ordre-é', 'x'.repeat(201)])(
		'refuses the user key %j before any request',
		async (idempotencyKey) => {
			const { error } = await runVoyado(
				{ ...addFromItems, options: { idempotencyKey } },
				{ items: purchases(1) },
			);
			expect(error?.message).toMatch(
				/^The parameter "Idempotency Key" must be printable ASCII text of at most 200 characters/,
			);
			expectNoRequests();
		},
	);
});

describe('Voyado Engage pointTransaction.add failures of a whole batch', () => {
	it.each([
		[400, 'The request is invalid.'],
		[409, 'Conflict.'],
	])(
		'without Continue On Fail, stops on a %i without repeating the POST',
		async (status, message) => {
			engage().post(TRANSACTIONS).reply(status, { message });
			const { error } = await runVoyado(addFromItems, { items: purchases(3) });
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toBe(message);
			expect(error?.httpCode).toBe(String(status));
			expect(sleep).not.toHaveBeenCalled();
		},
	);

	it('repeats a POST that failed with 500 under the same key (Engage deduplicates it), then goes on', async () => {
		const keys: string[] = [];
		engage()
			.post(TRANSACTIONS)
			.times(2)
			.reply((request) => {
				keys.push(String(request.headers['idempotency-key']));
				return keys.length === 1 ? [500, { message: 'An error has occurred.' }] : [200, {}];
			});
		const { items, error } = await runVoyado(addFromItems, { items: purchases(2) });
		expect(error).toBeUndefined();
		expect(keys[1]).toBe(keys[0]);
		expect(sleep).toHaveBeenCalledTimes(1);
		expect(items.map((item) => item.json.accepted)).toEqual([true, true]);
	});

	it('with Continue On Fail, gives every item of the failed batch an error item and sends the next batch', async () => {
		engage()
			.post(TRANSACTIONS)
			.reply(400, { message: 'The request is invalid.' })
			.post(TRANSACTIONS)
			.reply(200, {});
		const { rawOutputs } = await runVoyado(
			{ ...addFromItems, options: { batchSize: 2, concurrency: 1 } },
			{ items: purchases(3), continueOnFail: true },
		);
		const invalidBatch = {
			error: 'The request is invalid.',
			httpCode: '400',
			description:
				'The service rejected the request. Check the parameters named in the message. Batch 1 of 2 (items 0–1) failed.',
		};
		expect(rawOutputs[0][0]).toEqual([
			{ json: invalidBatch, pairedItem: { item: 0 } },
			{ json: invalidBatch, pairedItem: { item: 1 } },
			{
				json: expect.objectContaining({ description: 'Order 1002', accepted: true }),
				pairedItem: { item: 2 },
			},
		]);
	});

	it('without Continue On Fail, a failed later batch says which items were already done and which were not sent', async () => {
		engage()
			.post(TRANSACTIONS)
			.reply(200, {})
			.post(TRANSACTIONS)
			.reply(400, { message: 'The request is invalid.' });
		const { error } = await runVoyado(
			{ ...addFromItems, options: { batchSize: 2 } },
			{ items: purchases(6) },
		);
		expect(error?.message).toBe('The request is invalid.');
		expect(error?.description).toContain('Batch 2 of 3 (items 2–3) failed.');
		expect(error?.description).toContain(
			'Items 0–1 were already done: what they wrote stays written, so do not send them again. Engage booked their points unless it listed them in notAccepted.',
		);
		expect(error?.description).toContain('Items 4–5 were not sent.');
		expect(error?.description).not.toContain('Items 2–3 failed');
		expect(error?.description).toContain('Retry On Fail');
		expect(error?.description).toContain('Options → Dry Run');
	});

	it('with Continue On Fail, keeps the answered batches as they are and does not send them again', async () => {
		const { posts } = recordPosts(3, (rows) =>
			rows[0].description === 'Order 1002' ? [503, 'Service Unavailable'] : [200, {}],
		);
		const { rawOutputs, error } = await runVoyado(
			{ ...addFromItems, options: { batchSize: 2, maxRetries: 0 } },
			{ items: purchases(6), continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(posts.map((post) => post.body.map((row) => row.description))).toEqual([
			['Order 1000', 'Order 1001'],
			['Order 1002', 'Order 1003'],
			['Order 1004', 'Order 1005'],
		]);
		expect(rawOutputs[0][0].map((item) => [item.json.accepted, item.json.error])).toEqual([
			[true, undefined],
			[true, undefined],
			[undefined, 'Service Unavailable'],
			[undefined, 'Service Unavailable'],
			[true, undefined],
			[true, undefined],
		]);
	});

	it('says that a 2xx with an unreadable body may have booked points', async () => {
		engage().post(TRANSACTIONS).reply(200, '<html>OK</html>', { 'Content-Type': 'text/html' });
		const { error } = await runVoyado(addFromItems, { items: purchases(2) });
		expect(error?.message).toBe(
			'Voyado Engage accepted the batch (HTTP 200) but its answer could not be read: check the contacts’ points before sending these rows again',
		);
		expect(error?.description).toContain('which rows it skipped is unknown');
		expect(error?.description).toContain(
			'Voyado Engage answered with an HTML page instead of JSON: "OK"',
		);
		expect(error?.description).not.toMatch(/<html>/);
	});

	it.each([
		['[]', 'a JSON array'],
		['null', 'null'],
		['"OK"', 'a JSON string'],
	])('says that a 2xx with %s instead of a result may have booked points', async (body, kind) => {
		engage().post(TRANSACTIONS).reply(200, body, { 'Content-Type': 'application/json' });
		const { error, items } = await runVoyado(addFromItems, { items: purchases(2) });
		expect(error?.message).toBe(
			'Voyado Engage accepted the batch (HTTP 200) but its answer could not be read: check the contacts’ points before sending these rows again',
		);
		expect(error?.description).toContain(
			`Voyado Engage answered with ${kind} instead of a JSON object.`,
		);
		expect(items).toEqual([]);
	});

	it('with Continue On Fail, the error items of a 2xx with an unreadable body say the batch was accepted', async () => {
		engage().post(TRANSACTIONS).reply(200, '<html>OK</html>', { 'Content-Type': 'text/html' });
		const { rawOutputs } = await runVoyado(addFromItems, {
			items: purchases(2),
			continueOnFail: true,
		});
		expect(rawOutputs[0][0].map((item) => item.json.error)).toEqual([
			expect.stringMatching(/^Voyado Engage accepted the batch \(HTTP 200\)/),
			expect.stringMatching(/^Voyado Engage accepted the batch \(HTTP 200\)/),
		]);
	});

	it('never shows the API key, even when Engage echoes it', async () => {
		engage()
			.post(TRANSACTIONS)
			.reply(401, { message: `Invalid apikey ${API_KEY}` });
		const { error, rawOutputs } = await runVoyado(addFromItems, {
			items: purchases(2),
			continueOnFail: true,
		});
		const everything = JSON.stringify({ error, rawOutputs });
		expect(everything).not.toContain(API_KEY);
		expect(rawOutputs[0][0][0].json.error).toBe('Invalid apikey [redacted]');
	});
});
