import type { IDataObject } from 'n8n-workflow';

import {
	API,
	fixture,
	parsedXml,
	runSpreedly,
	spreedlyApi,
	subscriberParams,
	XML,
} from './helpers';

async function readSubscriber(): Promise<IDataObject> {
	spreedlyApi().get(`${API}/subscribers/1.xml`).reply(200, fixture('test_subscription.xml'), XML);
	const { items } = await runSpreedly(subscriberParams('get', { customerId: '1' }));
	return items[0].json;
}

function updateWith(subscriber: unknown, extra: IDataObject = {}): IDataObject {
	return subscriberParams('update', {
		customerId: '1',
		updateFields: { subscriber, ...(extra.updateFields as IDataObject) },
		options: extra.options ?? {},
	});
}

describe('Update round-trips what Get outputs', () => {
	it('writes a subscriber read with Get back: writable keys sent, read-only keys listed, nothing else', async () => {
		const subscriber = await readSubscriber();
		const api = spreedlyApi();
		api.put(`${API}/subscribers/1.xml`).reply(200, '');
		const { items, error } = await runSpreedly(updateWith(subscriber));
		expect(error).toBeUndefined();
		expect(await parsedXml(api.requests()[0].body)).toEqual({
			subscriber: {
				'screen-name': 'tester',
				email: 'tester@example.com',
				'billing-first-name': 'Tester',
				'billing-last-name': 'Tester',
			},
		});
		const notSent = items[0].json.readOnlyKeysNotSent as string[];
		expect(items[0].json).toMatchObject({ success: true, customerId: '1' });
		expect(notSent).toEqual(
			expect.arrayContaining([
				'token',
				'active',
				'invoices',
				'subscriptionPlanVersion',
				'storeCredit',
			]),
		);
		const sentOrListed = new Set([
			...notSent,
			'customerId',
			'screenName',
			'email',
			'billingFirstName',
			'billingLastName',
		]);
		expect(Object.keys(subscriber).filter((key) => !sentOrListed.has(key))).toEqual([]);
	});

	it('accepts the object as JSON text and sends null as nil="true" (create_user has a null email)', async () => {
		spreedlyApi().post(`${API}/subscribers.xml`).reply(201, fixture('create_user.xml'), XML);
		const created = (
			await runSpreedly(subscriberParams('create', { customerId: '3', screenName: 'tester' }))
		).items[0].json;
		const api = spreedlyApi();
		api.put(`${API}/subscribers/3.xml`).reply(200, '');
		await runSpreedly(
			subscriberParams('update', {
				customerId: '3',
				updateFields: { subscriber: JSON.stringify({ ...created, screenName: 'renamed' }) },
			}),
		);
		expect(await parsedXml(api.requests()[0].body)).toEqual({
			subscriber: {
				'screen-name': 'renamed',
				email: { $: { nil: 'true' } },
				'billing-first-name': { $: { nil: 'true' } },
				'billing-last-name': { $: { nil: 'true' } },
			},
		});
	});

	it('renames through newCustomerId and says so in the output', async () => {
		const api = spreedlyApi();
		api.put(`${API}/subscribers/1.xml`).reply(200, '');
		const { items } = await runSpreedly(
			subscriberParams('update', { customerId: '1', updateFields: { newCustomerId: '1001' } }),
		);
		expect(await parsedXml(api.requests()[0].body)).toEqual({
			subscriber: { 'new-customer-id': '1001' },
		});
		expect(items[0].json).toEqual({ success: true, customerId: '1', newCustomerId: '1001' });
	});

	it('lets a field override nothing silently: the same value twice is fine, two different values fail', async () => {
		const api = spreedlyApi();
		api.put(`${API}/subscribers/1.xml`).reply(200, '');
		await runSpreedly(
			updateWith({ email: 'a@example.com' }, { updateFields: { email: 'a@example.com' } }),
		);
		expect(await parsedXml(api.requests()[0].body)).toEqual({
			subscriber: { email: 'a@example.com' },
		});

		const { error } = await runSpreedly(
			updateWith({ email: 'a@example.com' }, { updateFields: { email: 'b@example.com' } }),
		);
		expect(error?.message).toBe(
			'The parameter "Subscriber (JSON)" sets email to "a@example.com", but the email field says "b@example.com" (item 0)',
		);
	});

	it('fails on read-only keys when Options → Read-Only Keys is "Fail"', async () => {
		const subscriber = await readSubscriber();
		const api = spreedlyApi();
		const { error } = await runSpreedly(
			updateWith(subscriber, { options: { readOnlyKeys: 'fail' } }),
		);
		expect(api.requests()).toHaveLength(0);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('has read-only keys Spreedly does not let you change: ');
		expect(error?.message).toContain('token');
	});

	it.each([
		[{ emial: 'typo@example.com' }, 'has keys a Spreedly subscriber does not have: emial'],
		[
			{ customerId: '2', email: 'x@example.com' },
			'has customerId "2", which is not the Customer ID "1"',
		],
		[{ email: { nested: true } }, '"Subscriber (JSON) → email" must be text or null'],
		[{ token: 'abc' }, 'has nothing to change'],
		[{ newCustomerId: null, email: 'x@example.com' }, 'The parameter "New Customer ID" is empty'],
		['[1,2]', 'must be a JSON object'],
		['{not json', 'is not valid JSON'],
	])('refuses %j before any request', async (subscriber, message) => {
		const api = spreedlyApi();
		const { error } = await runSpreedly(updateWith(subscriber));
		expect(api.requests()).toHaveLength(0);
		expect(error?.message).toContain(message);
		expect(error?.message).toContain('(item 0)');
	});

	it('refuses an update with no fields at all', async () => {
		const { error } = await runSpreedly(subscriberParams('update', { updateFields: {} }));
		expect(error?.message).toBe('The parameter "Update Fields" has nothing to change (item 0)');
	});
});
