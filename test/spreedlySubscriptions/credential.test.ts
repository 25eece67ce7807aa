import { SpreedlySubscriptionsApi } from '../../credentials/SpreedlySubscriptionsApi.credentials';
import { sendCredentialTest } from '../harness/credentialTest';
import { mockApi } from '../harness/mockApi';
import { API_TOKEN, BASIC_AUTH, runSpreedly, spreedlyApi, subscriberParams } from './helpers';

const credential = new SpreedlySubscriptionsApi();

describe('Spreedly Subscriptions credential', () => {
	it('flags the API token as a password and defaults the base URL', () => {
		const byName = Object.fromEntries(
			credential.properties.map((property) => [property.name, property]),
		);
		expect(Object.keys(byName)).toEqual(['siteName', 'apiToken', 'baseUrl']);
		expect(byName.apiToken.typeOptions?.password).toBe(true);
		expect(byName.baseUrl.default).toBe('https://spreedly.com');
		expect(byName.baseUrl.hint).toContain('https://subs.pinpayments.com');
	});

	it.each([
		[
			{ siteName: 'acme-test', baseUrl: 'https://spreedly.com' },
			'https://spreedly.com',
			'/api/v4/acme-test/subscription_plans.xml',
		],
		[
			{ siteName: ' acme ', baseUrl: 'https://subs.pinpayments.com//' },
			'https://subs.pinpayments.com',
			'/api/v4/acme/subscription_plans.xml',
		],
		[
			{ siteName: 'a b/c', baseUrl: '' },
			'https://spreedly.com',
			'/api/v4/a%20b%2Fc/subscription_plans.xml',
		],
	])('the test request for %j is GET %s%s with HTTP Basic', async (data, baseUrl, url) => {
		mockApi(baseUrl)
			.get(url)
			.matchHeader('authorization', BASIC_AUTH)
			.reply(200, '<subscription-plans type="array"/>');
		expect(await sendCredentialTest(credential, { apiToken: API_TOKEN, ...data })).toBe(200);
	});

	it('authenticates with HTTP Basic: the token as user and X as password', async () => {
		const api = spreedlyApi();
		api
			.get('/api/v4/acme-test/subscribers/42.xml')
			.matchHeader('authorization', BASIC_AUTH)
			.reply(200, '<subscriber><customer-id>42</customer-id></subscriber>');
		const { items } = await runSpreedly(subscriberParams('get'));
		expect(api.requests()).toHaveLength(1);
		expect(items[0].json).toEqual({ customerId: '42' });
	});

	it.each([
		[
			{ siteName: '', apiToken: API_TOKEN },
			'The Spreedly Subscriptions credential has no site name',
		],
		[
			{ siteName: 'acme', apiToken: API_TOKEN, baseUrl: 'spreedly.com' },
			'The Spreedly Subscriptions credential\'s base URL "spreedly.com" is not an http(s) address',
		],
	])('refuses %j before any request', async (data, message) => {
		const api = spreedlyApi();
		const { error } = await runSpreedly(subscriberParams('get'), {
			credentials: { spreedlySubscriptionsApi: data },
		});
		expect(api.requests()).toHaveLength(0);
		expect(error?.message).toBe(message);
	});
});
