import type { IDataObject } from 'n8n-workflow';

import {
	API,
	BASIC_AUTH,
	fixture,
	parsedXml,
	runSpreedly,
	spreedlyApi,
	subscriberParams,
	XML,
} from './helpers';

interface WireCase {
	operation: string;
	params: IDataObject;
	method: string;
	path: string;
	/** The request document as an independent XML parser reads it; undefined for no body. */
	xml?: unknown;
	status: number;
	reply: string;
	output: IDataObject;
}

const subscriber42 = fixture('rspreedly_subscriber.xml');
const asSubscriber42 = { customerId: '42', screenName: 'bob' };

const cases: WireCase[] = [
	{
		operation: 'create',
		params: {
			customerId: '8889',
			screenName: 'freddy',
			additionalFields: { email: 'fred@example.com' },
		},
		method: 'POST',
		path: '/subscribers.xml',
		xml: {
			subscriber: { 'customer-id': '8889', 'screen-name': 'freddy', email: 'fred@example.com' },
		},
		status: 201,
		reply: fixture('rspreedly_create_subscriber.xml'),
		output: { customerId: '8889', screenName: 'freddy' },
	},
	{
		operation: 'get',
		params: {},
		method: 'GET',
		path: '/subscribers/42.xml',
		status: 200,
		reply: subscriber42,
		output: asSubscriber42,
	},
	{
		operation: 'delete',
		params: {},
		method: 'DELETE',
		path: '/subscribers/42.xml',
		status: 200,
		reply: '',
		output: { success: true, customerId: '42' },
	},
	{
		operation: 'allowFreeTrial',
		params: {},
		method: 'POST',
		path: '/subscribers/42/allow_free_trial.xml',
		status: 200,
		reply: fixture('rspreedly_free_plan_success.xml'),
		output: { eligibleForFreeTrial: true },
	},
	{
		operation: 'subscribeToFreeTrial',
		params: { planId: '2' },
		method: 'POST',
		path: '/subscribers/42/subscribe_to_free_trial.xml',
		xml: { 'subscription-plan': { id: '2' } },
		status: 200,
		reply: fixture('rspreedly_free_plan_success.xml'),
		output: { onTrial: true },
	},
	{
		operation: 'addFee',
		params: { name: 'Excess Bandwidth', description: 'May 2026', group: 'Bandwidth', amount: 4.5 },
		method: 'POST',
		path: '/subscribers/42/fees.xml',
		xml: {
			fee: { name: 'Excess Bandwidth', description: 'May 2026', group: 'Bandwidth', amount: '4.5' },
		},
		status: 201,
		reply: '',
		output: { success: true, customerId: '42' },
	},
	{
		operation: 'addComplimentarySubscription',
		params: { durationQuantity: 2, durationUnits: 'months', featureLevel: 'Pro' },
		method: 'POST',
		path: '/subscribers/42/complimentary_subscriptions.xml',
		xml: {
			'complimentary-subscription': {
				'duration-quantity': '2',
				'duration-units': 'months',
				'feature-level': 'Pro',
			},
		},
		status: 201,
		reply: fixture('rspreedly_complimentary_success.xml'),
		output: { featureLevel: 'Pro' },
	},
	{
		// pyspreedly wrote <start-time>…</start_time> here; the document must be well-formed with both fields.
		operation: 'addComplimentarySubscription',
		params: {
			durationQuantity: 14,
			durationUnits: 'days',
			featureLevel: 'Pro',
			additionalFields: { startTime: '2026-03-01T00:00:00Z', amount: '12.50' },
		},
		method: 'POST',
		path: '/subscribers/42/complimentary_subscriptions.xml',
		xml: {
			'complimentary-subscription': {
				'duration-quantity': '14',
				'duration-units': 'days',
				'feature-level': 'Pro',
				'start-time': '2026-03-01T00:00:00Z',
				amount: '12.50',
			},
		},
		status: 201,
		reply: fixture('rspreedly_complimentary_success.xml'),
		output: { featureLevel: 'Pro' },
	},
	{
		operation: 'addComplimentaryTimeExtension',
		params: { durationQuantity: 1, durationUnits: 'days' },
		method: 'POST',
		path: '/subscribers/42/complimentary_time_extensions.xml',
		xml: { 'complimentary-time-extension': { 'duration-quantity': '1', 'duration-units': 'days' } },
		status: 201,
		reply: subscriber42,
		output: asSubscriber42,
	},
	{
		operation: 'addLifetimeComplimentarySubscription',
		params: { featureLevel: 'Something' },
		method: 'POST',
		path: '/subscribers/42/lifetime_complimentary_subscriptions.xml',
		xml: { 'lifetime-complimentary-subscription': { 'feature-level': 'Something' } },
		status: 201,
		reply: fixture('rspreedly_lifetime_subscription_success.xml'),
		output: { lifetimeSubscription: true },
	},
	{
		operation: 'addStoreCredit',
		params: { amount: -2.25 },
		method: 'POST',
		path: '/subscribers/42/credits.xml',
		xml: { credit: { amount: '-2.25' } },
		status: 201,
		reply: '',
		output: { success: true, customerId: '42' },
	},
	{
		operation: 'changePlan',
		params: { planId: '13' },
		method: 'PUT',
		path: '/subscribers/42/change_subscription_plan.xml',
		xml: { 'subscription-plan': { id: '13' } },
		status: 200,
		reply: '',
		output: { success: true, customerId: '42' },
	},
	{
		operation: 'stopAutoRenew',
		params: {},
		method: 'POST',
		path: '/subscribers/42/stop_auto_renew.xml',
		status: 200,
		reply: '',
		output: { success: true, customerId: '42' },
	},
	{
		operation: 'update',
		params: { updateFields: { email: 'new@email.com', screenName: 'bobby' } },
		method: 'PUT',
		path: '/subscribers/42.xml',
		xml: { subscriber: { email: 'new@email.com', 'screen-name': 'bobby' } },
		status: 200,
		reply: '',
		output: { success: true, customerId: '42' },
	},
	{
		operation: 'getAll',
		params: { returnAll: true },
		method: 'GET',
		path: '/subscribers.xml',
		status: 200,
		reply: fixture('rspreedly_no_subscribers.xml'),
		output: {},
	},
	{
		operation: 'deleteAllTest',
		params: {},
		method: 'DELETE',
		path: '/subscribers.xml',
		status: 200,
		reply: '',
		output: { success: true, siteName: 'acme-test' },
	},
];

describe('Spreedly requests on the wire', () => {
	it.each(cases.map((wire) => [`${wire.operation} ${wire.method} ${wire.path}`, wire] as const))(
		'%s',
		async (_name, wire) => {
			const api = spreedlyApi();
			api.intercept(wire.method, `${API}${wire.path}`).reply(wire.status, wire.reply, XML);
			const { items, error } = await runSpreedly(subscriberParams(wire.operation, wire.params));
			expect(error).toBeUndefined();
			expect(api.requests()).toHaveLength(1);
			const [request] = api.requests();
			expect(request.method).toBe(wire.method);
			expect(request.path).toBe(`${API}${wire.path}`);
			expect(request.headers.authorization).toBe(BASIC_AUTH);
			expect(request.headers.accept).toBe('application/xml');
			if (wire.xml === undefined) {
				expect(request.body).toBeUndefined();
			} else {
				expect(request.headers['content-type']).toBe('application/xml');
				expect(await parsedXml(request.body)).toEqual(wire.xml);
			}
			if (wire.operation !== 'getAll') expect(items[0].json).toMatchObject(wire.output);
		},
	);

	it('Plan → Get Many: GET subscription_plans.xml with Basic auth', async () => {
		const api = spreedlyApi();
		api.get(`${API}/subscription_plans.xml`).reply(200, fixture('test_plans.xml'), XML);
		await runSpreedly({ resource: 'plan', operation: 'getAll', limit: 1 });
		expect(
			api
				.requests()
				.map((request) => [request.method, request.path, request.headers.authorization]),
		).toEqual([['GET', `${API}/subscription_plans.xml`, BASIC_AUTH]]);
	});

	it('URL-encodes the site name and the customer ID', async () => {
		const api = spreedlyApi();
		api.get('/api/v4/my%20site%2Fx/subscribers/a%2Fb%3Fc%20d.xml').reply(200, subscriber42, XML);
		const { error } = await runSpreedly(subscriberParams('get', { customerId: 'a/b?c d' }), {
			credentials: { spreedlySubscriptionsApi: { siteName: 'my site/x', apiToken: 'tok-1234' } },
		});
		expect(error).toBeUndefined();
		expect(api.requests()).toHaveLength(1);
	});

	it('escapes a screen name like <b>&"x"</b> so it arrives intact', async () => {
		const api = spreedlyApi();
		api.post(`${API}/subscribers.xml`).reply(201, fixture('rspreedly_create_subscriber.xml'), XML);
		await runSpreedly(
			subscriberParams('create', {
				screenName: '<b>&"x"</b>',
				additionalFields: { email: "o'neil&co@example.com" },
			}),
		);
		expect(api.requests()[0].body).not.toContain('<b>');
		expect(await parsedXml(api.requests()[0].body)).toEqual({
			subscriber: {
				'customer-id': '42',
				'screen-name': '<b>&"x"</b>',
				email: "o'neil&co@example.com",
			},
		});
	});

	it('runs once per input item and pairs each output with its item', async () => {
		const api = spreedlyApi();
		api.get(`${API}/subscribers/1.xml`).reply(200, fixture('test_subscription.xml'), XML);
		api.get(`${API}/subscribers/3.xml`).reply(200, fixture('create_user.xml'), XML);
		const { items, rawOutputs } = await runSpreedly(
			{ resource: 'subscriber', operation: 'get', customerId: '={{ $json.id }}' },
			{ items: [{ id: '1' }, { id: '3' }] },
		);
		expect(api.requests().map((request) => request.path)).toEqual([
			`${API}/subscribers/1.xml`,
			`${API}/subscribers/3.xml`,
		]);
		expect(items.map((item) => item.json.customerId)).toEqual(['1', '3']);
		expect(rawOutputs[0][0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('uses the Pin Payments host and tolerates a trailing slash on the base URL', async () => {
		const api = spreedlyApi('https://subs.pinpayments.com');
		api.get(`${API}/subscribers/42.xml`).reply(200, subscriber42, XML);
		const { error } = await runSpreedly(subscriberParams('get'), {
			credentials: {
				spreedlySubscriptionsApi: {
					siteName: 'acme-test',
					apiToken: 'tok-1234',
					baseUrl: 'https://subs.pinpayments.com/',
				},
			},
		});
		expect(error).toBeUndefined();
		expect(api.requests()).toHaveLength(1);
	});
});

describe('Get or Create', () => {
	const getOrCreate = subscriberParams('getOrCreate', { screenName: 'bob' });

	it('returns the subscriber a GET finds, without creating one', async () => {
		const api = spreedlyApi();
		api.get(`${API}/subscribers/42.xml`).reply(200, subscriber42, XML);
		const { items } = await runSpreedly(getOrCreate);
		expect(api.requests().map((request) => request.method)).toEqual(['GET']);
		expect(items[0].json).toMatchObject(asSubscriber42);
	});

	it('creates the subscriber when the GET answers 404', async () => {
		const api = spreedlyApi();
		api.get(`${API}/subscribers/42.xml`).reply(404, fixture('rspreedly_subscriber_not_found.xml'));
		api.post(`${API}/subscribers.xml`).reply(201, fixture('rspreedly_create_subscriber.xml'), XML);
		const { items } = await runSpreedly(getOrCreate);
		expect(api.requests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET ${API}/subscribers/42.xml`,
			`POST ${API}/subscribers.xml`,
		]);
		expect(await parsedXml(api.requests()[1].body)).toEqual({
			subscriber: { 'customer-id': '42', 'screen-name': 'bob' },
		});
		expect(items[0].json).toMatchObject({ customerId: '8889' });
	});

	it('GETs again when the POST answers 403 "already exists" (created meanwhile)', async () => {
		const api = spreedlyApi();
		api.get(`${API}/subscribers/42.xml`).reply(404, fixture('rspreedly_subscriber_not_found.xml'));
		api.post(`${API}/subscribers.xml`).reply(403, fixture('rspreedly_existing_subscriber.xml'));
		api.get(`${API}/subscribers/42.xml`).reply(200, subscriber42, XML);
		const { items, error } = await runSpreedly(getOrCreate);
		expect(error).toBeUndefined();
		expect(api.requests().map((request) => request.method)).toEqual(['GET', 'POST', 'GET']);
		expect(items[0].json).toMatchObject(asSubscriber42);
	});

	it('fails on any other 403 of the POST, with the reason the API gave', async () => {
		const api = spreedlyApi();
		api.get(`${API}/subscribers/42.xml`).reply(404, '');
		api.post(`${API}/subscribers.xml`).reply(403, 'You must specify a customer id');
		const { error } = await runSpreedly(getOrCreate);
		expect(api.requests()).toHaveLength(2);
		expect(error?.message).toBe('You must specify a customer id');
		expect(error?.httpCode).toBe('403');
	});

	it('fails on a GET error other than 404 without creating anything', async () => {
		const api = spreedlyApi();
		api.get(`${API}/subscribers/42.xml`).reply(401, 'HTTP Basic: Access denied.\n');
		const { error } = await runSpreedly(getOrCreate);
		expect(api.requests()).toHaveLength(1);
		expect(error?.httpCode).toBe('401');
	});
});
