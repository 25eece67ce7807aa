import type { IDataObject } from 'n8n-workflow';

import { runSpreedly, spreedlyApi, subscriberParams } from './helpers';

async function signupUrl(params: IDataObject, baseUrl?: string): Promise<IDataObject[]> {
	const api = spreedlyApi();
	const { items, error } = await runSpreedly(
		subscriberParams('getSignupUrl', { planId: '41', ...params }),
		{
			credentials: {
				spreedlySubscriptionsApi: {
					siteName: 'acme-test',
					apiToken: 'tok-1234',
					...(baseUrl ? { baseUrl } : {}),
				},
			},
		},
	);
	expect(api.requests()).toHaveLength(0);
	if (error) return [{ error: error.message }];
	return items.map((item) => item.json);
}

describe('Get Signup URL (no request)', () => {
	it('builds <baseUrl>/<site>/subscribers/<id>/subscribe/<plan>/<screen name>, never under /api/v4', async () => {
		expect(await signupUrl({ customerId: '44763', screenName: 'jane' })).toEqual([
			{ url: 'https://spreedly.com/acme-test/subscribers/44763/subscribe/41/jane' },
		]);
	});

	it('builds the token form <baseUrl>/<site>/subscribers/<id>/<token>/subscribe/<plan>', async () => {
		const token = 'd21de6b5c8b1d1a7d5a2e4b9f0c3a1e2d4f6a8b0';
		expect(
			await signupUrl({ customerId: '44763', screenName: 'jane', additionalFields: { token } }),
		).toEqual([{ url: `https://spreedly.com/acme-test/subscribers/44763/${token}/subscribe/41` }]);
	});

	it('URL-encodes every segment and passes returnUrl and prefill fields as query parameters', async () => {
		const [{ url }] = (await signupUrl(
			{
				customerId: 'a/b c',
				screenName: 'Jo & <Ann>/?',
				additionalFields: {
					returnUrl: 'https://example.com/done?x=1&y=2',
					email: 'jo+ann@example.com',
					firstName: 'Jo Ann',
					lastName: "O'Neil",
				},
			},
			'https://subs.pinpayments.com/',
		)) as Array<{ url: string }>;
		expect(url).toBe(
			'https://subs.pinpayments.com/acme-test/subscribers/a%2Fb%20c/subscribe/41/Jo%20%26%20%3CAnn%3E%2F%3F' +
				"?return_url=https%3A%2F%2Fexample.com%2Fdone%3Fx%3D1%26y%3D2&email=jo%2Bann%40example.com&first_name=Jo%20Ann&last_name=O'Neil",
		);
		const parsed = new URL(url);
		expect(Object.fromEntries(parsed.searchParams)).toEqual({
			return_url: 'https://example.com/done?x=1&y=2',
			email: 'jo+ann@example.com',
			first_name: 'Jo Ann',
			last_name: "O'Neil",
		});
	});

	it.each([
		[
			{ customerId: '1', screenName: '' },
			'The parameter "Screen Name" is required when no token is given (item 0)',
		],
		[
			{ customerId: '1', screenName: 'x', planId: 'basic' },
			'The parameter "Plan ID" must be a whole number of 1 or more, got "basic" (item 0)',
		],
		[
			{ customerId: '1', screenName: 'x', additionalFields: { returnUrl: 'javascript:alert(1)' } },
			'The parameter "Return URL" must be an http(s) address',
		],
		[
			{ customerId: ' ', screenName: 'x' },
			'The parameter "Customer ID" is required but empty (item 0)',
		],
	])('refuses %j', async (params, message) => {
		const [result] = await signupUrl(params);
		expect(result.error).toContain(message);
	});
});
