import { SpreedlySubscriptionsApi } from '../../credentials/SpreedlySubscriptionsApi.credentials';
import { SpreedlySubscriptions } from '../../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import { pickersOf, runListSearch } from '../harness/listSearch';
import {
	API,
	BASIC_AUTH,
	credentials,
	fixture,
	parsedXml,
	runSpreedly,
	spreedlyApi,
	subscriberParams,
	TEXT,
	XML,
} from './helpers';

function search(method: string, filter?: string, paginationToken?: string) {
	return runListSearch({
		node: new SpreedlySubscriptions(),
		credentialTypes: [new SpreedlySubscriptionsApi()],
		credentials: { spreedlySubscriptionsApi: credentials },
		method,
		parameterPath: 'planId',
		parameters: { resource: 'subscriber', operation: 'changePlan' },
		filter,
		paginationToken,
	});
}

function subscribersXml(count: number, name = (index: number) => `user${index}`): string {
	const subscriber = (index: number) =>
		`<subscriber><customer-id>${index}</customer-id><screen-name>${name(index)}</screen-name><email>${name(index)}@example.com</email></subscriber>`;
	const body = Array.from({ length: count }, (_, index) => subscriber(index + 1)).join('');
	return `<?xml version="1.0" encoding="UTF-8"?><subscribers type="array">${body}</subscribers>`;
}

const servePlans = () =>
	spreedlyApi()
		.get(`${API}/subscription_plans.xml`)
		.matchHeader('authorization', BASIC_AUTH)
		.reply(200, fixture('rspreedly_subscription_plan_list.xml'), XML);

const serveSubscribers = (xml: string) =>
	spreedlyApi()
		.get(`${API}/subscribers.xml`)
		.matchHeader('authorization', BASIC_AUTH)
		.reply(200, xml, XML);

describe('Spreedly pickers', () => {
	it('are on Plan ID, Feature Level and the Customer ID of an existing subscriber only', () => {
		const operationsOf = (name: string) =>
			new SpreedlySubscriptions().description.properties
				.filter((property) => property.name === name)
				.map((property) => ({
					operations: property.displayOptions?.show?.operation,
					type: property.type,
				}));
		const pickers = new Set(pickersOf(new SpreedlySubscriptions()).map((found) => found.method));
		expect(pickers).toEqual(new Set(['searchPlans', 'searchSubscribers', 'searchFeatureLevels']));
		for (const { operations, type } of operationsOf('customerId')) {
			const isNew = ['create', 'getOrCreate', 'getSignupUrl'].some((operation) =>
				(operations as string[]).includes(operation),
			);
			expect(type).toBe(isNew ? 'string' : 'resourceLocator');
		}
		expect(operationsOf('planId').map(({ type }) => type)).toEqual([
			'resourceLocator',
			'resourceLocator',
			'resourceLocator',
		]);
	});

	it('show plans (a recorded list) with name, feature level, price and terms', async () => {
		servePlans();
		expect(await search('searchPlans')).toEqual({
			results: [
				{ name: 'Personal (personal), 19 USD, 1 month', value: '42' },
				{ name: 'Team (team), 49 USD, 1 month', value: '43' },
				{ name: 'Corporate (corporate), 99 USD, 1 month [disabled]', value: '44' },
				{ name: 'Free Trial (free), 0 USD, Lifetime [disabled]', value: '45' },
			],
		});
	});

	it('search plans by name or feature level here, as Spreedly cannot filter', async () => {
		servePlans();
		expect((await search('searchPlans', 'TEAM')).results.map((entry) => entry.value)).toEqual([
			'43',
		]);
		servePlans();
		expect((await search('searchPlans', 'corp')).results.map((entry) => entry.value)).toEqual([
			'44',
		]);
	});

	it('offer the feature levels the plans use, each once, and search them', async () => {
		servePlans();
		expect(await search('searchFeatureLevels', 'O')).toEqual({
			results: [
				{ name: 'personal', value: 'personal', description: 'Used by Personal' },
				{ name: 'corporate', value: 'corporate', description: 'Used by Corporate' },
			],
		});
		const plan = (id: number, name: string, level: string) =>
			`<subscription-plan><id type="integer">${id}</id><name>${name}</name><feature-level>${level}</feature-level></subscription-plan>`;
		spreedlyApi()
			.get(`${API}/subscription_plans.xml`)
			.reply(
				200,
				`<subscription-plans type="array">${plan(1, 'Pro monthly', 'pro')}${plan(2, 'Pro yearly', 'pro')}${plan(3, 'Legacy', '')}</subscription-plans>`,
				XML,
			);
		expect(await search('searchFeatureLevels')).toEqual({
			results: [{ name: 'pro', value: 'pro', description: 'Used by Pro monthly, Pro yearly' }],
		});
	});

	it('search subscribers by customer ID, screen name or email', async () => {
		const xml = subscribersXml(3, (index) => ['alice', 'bob', 'carol'][index - 1]);
		for (const [filter, expected] of [
			['2', ['2']],
			['CAROL', ['3']],
			['alice@', ['1']],
		] as const) {
			serveSubscribers(xml);
			const { results } = await search('searchSubscribers', filter);
			expect(results.map((entry) => entry.value)).toEqual(expected);
		}
		serveSubscribers(xml);
		expect((await search('searchSubscribers', 'bob')).results).toEqual([
			{ name: 'bob (bob@example.com), ID 2', value: '2' },
		]);
	});

	it('page through a long subscriber list 50 at a time with an index token', async () => {
		serveSubscribers(subscribersXml(120));
		const first = await search('searchSubscribers');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		serveSubscribers(subscribersXml(120));
		const second = await search('searchSubscribers', undefined, '100');
		expect(second.results.map((entry) => entry.value)).toEqual(
			Array.from({ length: 20 }, (_, index) => String(101 + index)),
		);
		expect(second.paginationToken).toBeUndefined();
	});

	it('answer an empty list (<nil-classes type="array"/>) with no entries', async () => {
		serveSubscribers(fixture('rspreedly_no_subscribers.xml'));
		expect(await search('searchSubscribers')).toEqual({ results: [] });
		spreedlyApi()
			.get(`${API}/subscription_plans.xml`)
			.reply(200, fixture('rspreedly_no_plans.xml'), XML);
		expect(await search('searchFeatureLevels')).toEqual({ results: [] });
	});

	it("show Spreedly's own words when the token is refused", async () => {
		spreedlyApi()
			.get(`${API}/subscription_plans.xml`)
			.reply(401, 'HTTP Basic: Access denied.\n', TEXT);
		await expect(search('searchPlans')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'HTTP Basic: Access denied.',
			httpCode: '401',
		});
	});
});

describe('Spreedly IDs in picker shape', () => {
	const picked = (value: string) => ({ __rl: true, mode: 'list', value });

	it('changes a picked subscriber to a picked plan', async () => {
		const api = spreedlyApi();
		api
			.put(`${API}/subscribers/1001/change_subscription_plan.xml`)
			.reply(200, fixture('rspreedly_subscriber.xml'), XML);
		const { error } = await runSpreedly(
			subscriberParams('changePlan', { customerId: picked('1001'), planId: picked('43') }),
		);
		expect(error).toBeUndefined();
		expect(await parsedXml(api.requests()[0].body)).toEqual({ 'subscription-plan': { id: '43' } });
	});

	it('sends a feature level typed By Name as text, and one picked from the list', async () => {
		const api = spreedlyApi();
		api
			.post(`${API}/subscribers/1002/lifetime_complimentary_subscriptions.xml`)
			.times(2)
			.reply(200, fixture('rspreedly_lifetime_subscription_success.xml'), XML);
		for (const featureLevel of [{ __rl: true, mode: 'id', value: 'Gold & Co' }, picked('team')]) {
			const { error } = await runSpreedly(
				subscriberParams('addLifetimeComplimentarySubscription', {
					customerId: { __rl: true, mode: 'id', value: '1002' },
					featureLevel,
				}),
			);
			expect(error).toBeUndefined();
		}
		expect(await parsedXml(api.requests()[0].body)).toEqual({
			'lifetime-complimentary-subscription': { 'feature-level': 'Gold & Co' },
		});
		expect(await parsedXml(api.requests()[1].body)).toEqual({
			'lifetime-complimentary-subscription': { 'feature-level': 'team' },
		});
	});

	it('builds a signup URL for a picked plan', async () => {
		const { items } = await runSpreedly({
			resource: 'subscriber',
			operation: 'getSignupUrl',
			customerId: '7',
			planId: picked('43'),
			screenName: 'jane',
		});
		expect(items[0].json.url).toBe(
			'https://spreedly.com/acme-test/subscribers/7/subscribe/43/jane',
		);
	});
});
