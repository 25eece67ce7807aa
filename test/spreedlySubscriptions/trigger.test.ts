import type { IDataObject } from 'n8n-workflow';

import { SpreedlySubscriptionsApi } from '../../credentials/SpreedlySubscriptionsApi.credentials';
import { SpreedlySubscriptionsTrigger } from '../../nodes/SpreedlySubscriptions/SpreedlySubscriptionsTrigger.node';
import { TriggerHarness } from '../harness/triggers';
import {
	API,
	BASIC_AUTH,
	credentials,
	fixture,
	runSpreedly,
	spreedlyApi,
	subscriberParams,
	TEXT,
	XML,
} from './helpers';
import { skipBackoffSleeps } from '../harness/backoff';

skipBackoffSleeps();

function trigger(options: IDataObject = {}) {
	return new TriggerHarness({
		node: new SpreedlySubscriptionsTrigger(),
		parameters: { options },
		credentials: { spreedlySubscriptionsApi: credentials },
		credentialTypes: [new SpreedlySubscriptionsApi()],
	});
}

/** The form body Spreedly posts: `subscriber_ids=<id>,<id>,…`, as n8n parses it. */
function notification(ids: string): { body: IDataObject; rawBody: string } {
	return { body: { subscriber_ids: ids }, rawBody: `subscriber_ids=${encodeURIComponent(ids)}` };
}

const subscriberXml = fixture('rspreedly_subscriber.xml');

describe('Spreedly Subscriptions Trigger', () => {
	it('outputs each changed subscriber as Subscriber → Get outputs it, after answering 200', async () => {
		const node = trigger();
		const answeredBeforeFetching: unknown[] = [];
		const api = spreedlyApi();
		api
			.get(`${API}/subscribers/42.xml`)
			.times(2)
			.reply(function () {
				answeredBeforeFetching.push(node.answeredSoFar());
				return [200, subscriberXml, XML];
			});
		const result = await node.deliver(notification('42'));

		const viaGet = await runSpreedly(subscriberParams('get'));
		expect(result.items?.map((item) => item.json)).toEqual([viaGet.items[0].json]);
		expect(result.items?.[0].json).toMatchObject({ customerId: '42', screenName: 'bob' });
		expect(result.sent).toEqual({ statusCode: 200, body: { received: 1 } });
		expect(result.response.noWebhookResponse).toBe(true);
		expect(answeredBeforeFetching[0]).toEqual({ statusCode: 200, body: { received: 1 } });
		expect(api.requests()[0]).toMatchObject({ method: 'GET', path: `${API}/subscribers/42.xml` });
		expect(api.requests()[0].headers.authorization).toBe(BASIC_AUTH);
	});

	it('fetches several subscribers one after another, each once, in the order Spreedly listed them', async () => {
		const api = spreedlyApi();
		for (const id of ['7', '42', 'a b'])
			api
				.get(`${API}/subscribers/${encodeURIComponent(id)}.xml`)
				.reply(200, subscriberXml.replace('<customer-id>42<', `<customer-id>${id}<`), XML);
		const result = await trigger().deliver(notification('7,42, 7 ,a b,42'));
		expect(result.items?.map((item) => item.json.customerId)).toEqual(['7', '42', 'a b']);
		expect(api.requests().map((request) => request.path)).toEqual([
			`${API}/subscribers/7.xml`,
			`${API}/subscribers/42.xml`,
			`${API}/subscribers/a%20b.xml`,
		]);
		expect(result.sent).toEqual({ statusCode: 200, body: { received: 3 } });
	});

	it('gives a subscriber that cannot be fetched an item that says so, and still outputs the rest', async () => {
		const api = spreedlyApi();
		api
			.get(`${API}/subscribers/401.xml`)
			.reply(404, fixture('rspreedly_subscriber_not_found.xml'), TEXT);
		api.get(`${API}/subscribers/42.xml`).reply(200, subscriberXml, XML);
		const result = await trigger().deliver(notification('401,42'));
		expect(result.items).toHaveLength(2);
		expect(result.items?.[0].json).toEqual({
			customerId: '401',
			error: 'There is no subscriber with a customer id of 401',
			httpCode: '404',
			description: expect.any(String),
		});
		expect(result.items?.[1].json.customerId).toBe('42');
	});

	it('reports a fetch that failed after retries with its status, never the API token', async () => {
		const api = spreedlyApi();
		api.get(`${API}/subscribers/42.xml`).times(4).reply(503, 'Service Unavailable', TEXT);
		const result = await trigger().deliver(notification('42'));
		expect(result.items).toHaveLength(1);
		expect(result.items?.[0].json).toMatchObject({ customerId: '42', httpCode: '503' });
		expect(JSON.stringify(result.items)).not.toContain(credentials.apiToken);
		jest.restoreAllMocks();
	});

	it('outputs just the customer IDs, without a request, when Fetch Subscribers is off', async () => {
		const result = await trigger({ fetchSubscribers: false }).deliver(notification('42,7,42'));
		expect(result.items).toEqual([{ json: { customerId: '42' } }, { json: { customerId: '7' } }]);
		expect(result.sent).toBeUndefined();
		expect(result.response.noWebhookResponse).toBeUndefined();
	});

	it.each([
		['no subscriber_ids', { body: {}, rawBody: '' }],
		['empty subscriber_ids', notification(' , ')],
		['another field', { body: { ids: '42' }, rawBody: 'ids=42' }],
	])('answers 400 to a body with %s and starts nothing', async (_name, request) => {
		const result = await trigger().deliver(request);
		expect(result.sent).toEqual({
			statusCode: 400,
			body: { message: 'The body has no subscriber_ids' },
		});
		expect(result.items).toBeUndefined();
	});

	it('needs nothing registered at Spreedly: activation and deactivation send no request', async () => {
		const node = trigger();
		expect(await node.hook('checkExists')).toBe(true);
		expect(await node.hook('create')).toBe(true);
		expect(await node.hook('delete')).toBe(true);
	});
});
