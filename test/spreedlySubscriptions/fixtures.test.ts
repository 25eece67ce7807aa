import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import {
	IDENTITY_KEY,
	READ_ONLY_KEYS,
	WRITABLE_KEYS,
} from '../../nodes/SpreedlySubscriptions/actions/subscriber/subscriberKeys';
import { API, fixture, runSpreedly, spreedlyApi, subscriberParams, XML } from './helpers';

/** django-spreedly create_user.xml, converted by hand from the XML: every type rule shows up once. */
const createUser = {
	graceUntil: null,
	readyToRenew: false,
	readyToRenewSince: null,
	activeUntil: null,
	billingFirstName: null,
	billingLastName: null,
	createdAt: '2013-01-28T04:02:36.000Z',
	customerId: '3',
	eligibleForFreeTrial: true,
	email: null,
	lifetimeSubscription: false,
	onTrial: false,
	onMetered: false,
	recurring: null,
	screenName: 'tester',
	storeCredit: 0,
	storeCreditCurrencyCode: 'USD',
	token: 'a4e2ab63804fc1170869cbc54f3da53e6e0730b5',
	updatedAt: '2013-01-28T04:02:36.000Z',
	onGift: null,
	eligibleForSetupFee: true,
	cardExpiresBeforeNextAutoRenew: false,
	subscriptionPlanName: '',
	active: false,
	inGracePeriod: false,
	featureLevel: '',
	paymentAccountOnFile: false,
	paymentAccountDisplay: '',
	billingAddress1: '',
	billingCity: '',
	billingState: '',
	billingZip: '',
	billingCountry: '',
	billingPhoneNumber: '',
	paginationId: '1123014',
};

/** The plan version inside free_trial_response.xml (and, with other IDs, test_plans.xml). */
const trialPlanVersion = {
	id: 24680,
	amount: 0,
	minimumNeededForCharge: 0,
	chargeAfterFirstPeriod: false,
	chargeLaterDurationQuantity: null,
	chargeLaterDurationUnits: null,
	createdAt: '2013-01-21T02:27:29.000Z',
	currencyCode: 'USD',
	description: 'Trial Plan',
	durationQuantity: 0,
	durationUnits: 'days',
	enabled: true,
	featureLevel: 'free_trial',
	forceRecurring: false,
	name: 'Trial',
	needsToBeRenewed: false,
	planType: 'free_trial',
	returnUrl: 'https://www.example.com/return/',
	updatedAt: '2013-01-21T02:27:29.000Z',
	version: 1,
	subscriptionPlanId: 12345,
	setupFeeDescription: '',
	setupFeeCurrencyCode: 'USD',
	setupFeeAmount: 0,
	terms: 'Lifetime',
};

async function getReplaying(file: string): Promise<IDataObject> {
	spreedlyApi().get(`${API}/subscribers/42.xml`).reply(200, fixture(file), XML);
	const { items, error } = await runSpreedly(subscriberParams('get'));
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	return items[0].json;
}

describe('Spreedly fixtures replayed through the node', () => {
	it('create_user.xml (Create, 201) → the subscriber with real types', async () => {
		spreedlyApi().post(`${API}/subscribers.xml`).reply(201, fixture('create_user.xml'), XML);
		const { items } = await runSpreedly(
			subscriberParams('create', { customerId: '3', screenName: 'tester' }),
		);
		expect(items.map((item) => item.json)).toEqual([createUser]);
	});

	it('rspreedly_create_subscriber.xml (Create) → legacy in_grace_period, empty boolean is null', async () => {
		spreedlyApi()
			.post(`${API}/subscribers.xml`)
			.reply(201, fixture('rspreedly_create_subscriber.xml'), XML);
		const { items } = await runSpreedly(
			subscriberParams('create', { customerId: '8889', screenName: 'freddy' }),
		);
		expect(items[0].json).toMatchObject({
			customerId: '8889',
			screenName: 'freddy',
			inGracePeriod: null,
			email: null,
			storeCredit: 0,
			onTrial: false,
		});
		expect(items[0].json).not.toHaveProperty('in_grace_period');
	});

	it('test_subscription.xml (Get) → nested plan version and invoices with line items', async () => {
		const json = await getReplaying('test_subscription.xml');
		expect(json).toMatchObject({
			customerId: '1',
			billingFirstName: 'Tester',
			activeUntil: '2013-02-21T02:46:58.000Z',
			recurring: true,
			paymentAccountDisplay: 'Visa ending in 0629',
			subscriptionPlanVersion: {
				id: 54321,
				amount: 100,
				durationUnits: 'months',
				subscriptionPlanId: 67890,
				terms: '1 month',
			},
		});
		expect(json.invoices).toEqual([
			{
				responseMessage: null,
				responseClientMessage: null,
				responseCustomerMessage: null,
				closed: true,
				updatedAt: '2013-01-21T02:48:32.000Z',
				createdAt: '2013-01-21T02:46:58.000Z',
				token: '14facf670036f6fd5870080eb627bfe3227c17d2',
				amount: 29,
				price: '$29.00',
				currencyCode: 'USD',
				metadata: 'Standard',
				gatewayTransactionReference: 'SpreedlyGateway#purchase',
				lineItems: [
					{
						amount: 29,
						notes: null,
						currencyCode: 'USD',
						description: 'Every 1 month',
						price: '$29.00',
						featureLevel: 'Standard',
						metadata: 'Standard',
					},
				],
			},
		]);
	});

	it('rspreedly_subscriber.xml (Get) → five invoices, negative decimals, one-element arrays stay arrays', async () => {
		const json = await getReplaying('rspreedly_subscriber.xml');
		const invoices = json.invoices as IDataObject[];
		expect(invoices.map((invoice) => invoice.amount)).toEqual([0.05, -49.96, 50, 49, 0]);
		expect((invoices[0].lineItems as IDataObject[]).map((line) => line.amount)).toEqual([
			99, -48.99, -49.96,
		]);
		expect(invoices[4].lineItems).toEqual([
			{
				amount: 0,
				currencyCode: 'USD',
				description: 'Initial 1 month',
				notes: 'Subsequent Time Periods are $49.00 every 1 month',
				price: '$0.00',
			},
		]);
	});

	it('free_trial_subscription_info.xml (Get) → plan version without type attributes on text', async () => {
		const json = await getReplaying('free_trial_subscription_info.xml');
		expect(json.subscriptionPlanVersion).toMatchObject({
			id: 45693,
			chargeLaterDurationUnits: null,
			currencyCode: 'USD',
			returnUrl: 'https://dev.mediapop.co/payments/return/',
		});
		expect((json.invoices as IDataObject[])[0]).toMatchObject({
			amount: 0,
			metadata: 'free_trial',
			gatewayTransactionReference: null,
		});
	});

	it.each([
		[
			'free_trial_response.xml',
			{ onTrial: true, eligibleForFreeTrial: false, subscriptionPlanVersion: trialPlanVersion },
		],
		[
			'rspreedly_free_plan_success.xml',
			{ onTrial: true, customerId: '42', graceUntil: '2013-05-02T00:07:37.000Z' },
		],
	])('%s (Subscribe to Free Trial) → the subscriber', async (file, expected) => {
		spreedlyApi()
			.post(`${API}/subscribers/42/subscribe_to_free_trial.xml`)
			.reply(200, fixture(file), XML);
		const { items } = await runSpreedly(
			subscriberParams('subscribeToFreeTrial', { planId: '12345' }),
		);
		expect(items[0].json).toMatchObject(expected);
	});

	it('rspreedly_complimentary_success.xml → the date Rails would keep despite nil="true"', async () => {
		spreedlyApi()
			.post(`${API}/subscribers/42/complimentary_subscriptions.xml`)
			.reply(201, fixture('rspreedly_complimentary_success.xml'), XML);
		const { items } = await runSpreedly(
			subscriberParams('addComplimentarySubscription', {
				durationQuantity: 2,
				durationUnits: 'months',
				featureLevel: 'Pro',
			}),
		);
		expect(items[0].json).toMatchObject({
			featureLevel: 'Pro',
			activeUntil: '2010-02-21T19:04:28.000Z',
			graceUntil: '2013-05-02T00:07:37.000Z',
		});
	});

	it('rspreedly_lifetime_subscription_success.xml → lifetimeSubscription true', async () => {
		spreedlyApi()
			.post(`${API}/subscribers/42/lifetime_complimentary_subscriptions.xml`)
			.reply(201, fixture('rspreedly_lifetime_subscription_success.xml'), XML);
		const { items } = await runSpreedly(
			subscriberParams('addLifetimeComplimentarySubscription', { featureLevel: 'Something' }),
		);
		expect(items[0].json).toMatchObject({ lifetimeSubscription: true, featureLevel: 'Something' });
	});

	it('rspreedly_credit_success.xml (empty 201) → { success: true, customerId }', async () => {
		spreedlyApi()
			.post(`${API}/subscribers/42/credits.xml`)
			.reply(201, fixture('rspreedly_credit_success.xml'), XML);
		const { items } = await runSpreedly(subscriberParams('addStoreCredit', { amount: 5 }));
		expect(items.map((item) => item.json)).toEqual([{ success: true, customerId: '42' }]);
	});

	it('test_plans.xml (Plan → Get Many) → one item per plan, versions as a list', async () => {
		spreedlyApi().get(`${API}/subscription_plans.xml`).reply(200, fixture('test_plans.xml'), XML);
		const { items } = await runSpreedly({ resource: 'plan', operation: 'getAll', returnAll: true });
		expect(items.map((item) => item.json.id)).toEqual([12345, 67890]);
		const { versions, ...trialPlan } = items[0].json;
		expect(versions).toEqual([trialPlanVersion]);
		const { subscriptionPlanId, ...planFields } = trialPlanVersion;
		expect(subscriptionPlanId).toBe(12345);
		expect(trialPlan).toEqual({ ...planFields, id: 12345, version: 1, price: 0 });
	});

	it('rspreedly_subscription_plan_list.xml → four plans; Limit cuts the one response', async () => {
		spreedlyApi()
			.get(`${API}/subscription_plans.xml`)
			.reply(200, fixture('rspreedly_subscription_plan_list.xml'), XML);
		const { items } = await runSpreedly({
			resource: 'plan',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});
		expect(
			items.map((item) => [item.json.id, item.json.name, item.json.price, item.json.enabled]),
		).toEqual([
			[42, 'Personal', 19, true],
			[43, 'Team', 49, true],
			[44, 'Corporate', 99, false],
		]);
	});

	it('rspreedly_subscription_plan_list.xml: a site that sends no versions gets none in the output', async () => {
		spreedlyApi()
			.get(`${API}/subscription_plans.xml`)
			.reply(200, fixture('rspreedly_subscription_plan_list.xml'), XML);
		const { items } = await runSpreedly({ resource: 'plan', operation: 'getAll', returnAll: true });
		expect(items).toHaveLength(4);
		for (const { json } of items) {
			expect(json).not.toHaveProperty('versions');
			expect(json).not.toHaveProperty('version');
		}
	});

	it.each([
		['plan', 'rspreedly_no_plans.xml', '/subscription_plans.xml'],
		['subscriber', 'rspreedly_no_subscribers.xml', '/subscribers.xml'],
	])('<nil-classes type="array"/> (%s → Get Many) → no items', async (resource, file, path) => {
		const api = spreedlyApi();
		api.get(`${API}${path}`).reply(200, fixture(file), XML);
		const { items, error } = await runSpreedly({ resource, operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('a list of recorded subscribers (Subscriber → Get Many) → one item each, paired with the input', async () => {
		const records = ['create_user.xml', 'test_subscription.xml'].map((file) =>
			fixture(file).replace(/^<\?xml[^>]*>\s*/, ''),
		);
		const list = `<?xml version="1.0" encoding="UTF-8"?>\n<subscribers type="array">\n${records.join('\n')}</subscribers>`;
		spreedlyApi().get(`${API}/subscribers.xml`).reply(200, list, XML);
		const { items, rawOutputs } = await runSpreedly({
			resource: 'subscriber',
			operation: 'getAll',
			returnAll: true,
		});
		expect(items.map((item) => item.json.customerId)).toEqual(['3', '1']);
		expect(items[0].json).toEqual(createUser);
		expect(rawOutputs[0][0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('rspreedly_transactions.xml (Transaction → Get Many) → every recorded transaction, none dropped', async () => {
		// The recording repeats one transaction three times (id 20): all three come out, as sent.
		const api = spreedlyApi();
		api
			.get(`${API}/transactions.xml`)
			.query({ since_id: '0' })
			.reply(200, fixture('rspreedly_transactions.xml'), XML);
		const { items, error } = await runSpreedly({
			resource: 'transaction',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(
			Array.from({ length: 3 }, () => ({
				amount: 24,
				createdAt: '2009-09-26T03:06:30.000Z',
				currencyCode: 'USD',
				description: 'Subscription',
				detailType: 'Subscription',
				expiresAt: '2009-12-26T04:06:30.000Z',
				id: 20,
				invoiceId: 64,
				startTime: '2009-09-26T03:06:30.000Z',
				terms: '3 months',
				updatedAt: '2009-09-26T03:06:30.000Z',
				price: '$24.00',
				subscriberCustomerId: '39053',
				detail: { paymentMethod: 'visa', recurring: false, featureLevel: 'example' },
			})),
		);
	});

	it.each([
		'create_user.xml',
		'test_subscription.xml',
		'rspreedly_subscriber.xml',
		'rspreedly_complimentary_success.xml',
		'free_trial_response.xml',
	])('every key of %s is one Update accepts (writable, identity or read-only)', async (file) => {
		const json = await getReplaying(file);
		const known = [...WRITABLE_KEYS, IDENTITY_KEY, ...READ_ONLY_KEYS];
		expect(Object.keys(json).filter((key) => !known.includes(key))).toEqual([]);
	});

	it('every recorded file in test/fixtures/spreedly is replayed by some test', () => {
		const recorded = readdirSync(join(__dirname, '..', 'fixtures', 'spreedly')).filter(
			(file) => file !== 'README.md',
		);
		const tests = readdirSync(__dirname)
			.filter((file) => file.endsWith('.test.ts'))
			.map((file) => readFileSync(join(__dirname, file), 'utf8'))
			.join('\n');
		expect(recorded.filter((file) => !tests.includes(`'${file}'`))).toEqual([]);
	});
});
