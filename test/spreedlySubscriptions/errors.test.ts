import type { ErrorCase } from './helpers';
import {
	answerWith,
	API,
	API_TOKEN,
	BASIC_AUTH,
	fixture,
	runSpreedly,
	spreedlyApi,
	subscriberParams,
	TEXT,
	XML,
} from './helpers';
import { skipBackoffSleeps } from '../harness/backoff';

const sleep = skipBackoffSleeps();

// A state conflict must not send the user to the credential, which is what a 401 is about.
const STATE_CONFLICT =
	/^Spreedly refuses this for the subscriber or plan as they are now.*a wrong API token gives HTTP 401\.$/;
const CREDENTIAL_HINT = /Check the API key or token in the credential/;

const errorCases: ErrorCase[] = [
	{
		name: '401 bad token (plain text)',
		params: subscriberParams('get'),
		method: 'GET',
		path: '/subscribers/42.xml',
		status: 401,
		body: 'HTTP Basic: Access denied.\n',
		message: 'HTTP Basic: Access denied.',
		hint: CREDENTIAL_HINT,
	},
	{
		name: '403 comp for an inactive subscriber (plain text)',
		params: subscriberParams('addComplimentaryTimeExtension', {
			durationQuantity: 1,
			durationUnits: 'months',
		}),
		method: 'POST',
		path: '/subscribers/42/complimentary_time_extensions.xml',
		status: 403,
		body: fixture('rspreedly_complimentary_failed_inactive.xml'),
		message: 'Complimentary subscriptions cannot be given to inactive subscribers.',
		hint: /^Spreedly extends only an active subscriber/,
	},
	{
		name: '403 to a call the manual lists no 403 for (the general state hint)',
		params: subscriberParams('stopAutoRenew'),
		method: 'POST',
		path: '/subscribers/42/stop_auto_renew.xml',
		status: 403,
		body: 'The subscriber has no subscription to stop.',
		message: 'The subscriber has no subscription to stop.',
		hint: STATE_CONFLICT,
	},
	{
		name: '404 no subscriber (plain text)',
		params: subscriberParams('get', { customerId: '401' }),
		method: 'GET',
		path: '/subscribers/401.xml',
		status: 404,
		body: fixture('rspreedly_subscriber_not_found.xml'),
		message: 'There is no subscriber with a customer id of 401',
		hint: /Nothing was found/,
	},
	{
		name: '404 with an empty body',
		params: subscriberParams('delete'),
		method: 'DELETE',
		path: '/subscribers/42.xml',
		status: 404,
		body: '',
		message: 'There is no Spreedly subscriber with customer ID "42"',
		hint: /Nothing was found/,
	},
	{
		name: '404 no plan (plain text)',
		params: subscriberParams('subscribeToFreeTrial', { planId: '9' }),
		method: 'POST',
		path: '/subscribers/42/subscribe_to_free_trial.xml',
		status: 404,
		body: fixture('rspreedly_plan_not_found.xml'),
		message: "There is no subscription plan with an ID of 9 for the site you're accessing",
		hint: /Nothing was found/,
	},
	{
		name: '422 create with bad data (plain text, RSpreedly invalid_subscriber.xml)',
		params: subscriberParams('create', { screenName: 'bob' }),
		method: 'POST',
		path: '/subscribers.xml',
		status: 422,
		body: fixture('rspreedly_invalid_subscriber.xml'),
		message: "undefined method `delete' for nil:NilClass",
		hint: /could not accept the values/,
	},
	{
		name: '422 free trial without a plan (plain text)',
		params: subscriberParams('subscribeToFreeTrial', { planId: '2' }),
		method: 'POST',
		path: '/subscribers/42/subscribe_to_free_trial.xml',
		status: 422,
		body: fixture('rspreedly_free_plan_not_set.xml'),
		message: 'You must specify the subscription plan id',
		hint: /could not accept the values/,
	},
	{
		name: '422 <errors> document',
		params: subscriberParams('addLifetimeComplimentarySubscription', { featureLevel: 'Pro' }),
		method: 'POST',
		path: '/subscribers/42/lifetime_complimentary_subscriptions.xml',
		status: 422,
		body: fixture('rspreedly_feature_level_blank.xml'),
		message: "Feature level can't be blank",
		hint: /could not accept the values/,
	},
	{
		name: '422 <errors> with several errors',
		params: subscriberParams('addComplimentarySubscription', {
			durationQuantity: 1,
			durationUnits: 'days',
			featureLevel: 'Pro',
		}),
		method: 'POST',
		path: '/subscribers/42/complimentary_subscriptions.xml',
		status: 422,
		body: '<?xml version="1.0" encoding="UTF-8"?>\n<errors>\n  <error>Duration quantity can\'t be blank</error>\n  <error>Duration quantity is not a number</error>\n</errors>\n',
		message: "Duration quantity can't be blank; Duration quantity is not a number",
		hint: /could not accept the values/,
	},
	{
		name: '422 error.xml',
		params: subscriberParams('update', { updateFields: { email: '' } }),
		method: 'PUT',
		path: '/subscribers/42.xml',
		status: 422,
		body: fixture('rspreedly_error.xml'),
		message: "Email can't be blank",
		hint: /could not accept/,
	},
	{
		name: '422 plain text',
		params: subscriberParams('stopAutoRenew'),
		method: 'POST',
		path: '/subscribers/42/stop_auto_renew.xml',
		status: 422,
		body: fixture('rspreedly_error_string.txt'),
		message: 'Some error back from the response as a string',
		hint: /could not accept/,
	},
];

describe('Spreedly errors', () => {
	it.each(errorCases.map((errorCase) => [errorCase.name, errorCase] as const))(
		'%s → message and status',
		async (_name, errorCase) => {
			const api = answerWith(errorCase);
			const { error } = await runSpreedly(errorCase.params);
			expect(api.requests()).toHaveLength(1);
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toBe(errorCase.message);
			expect(error?.httpCode).toBe(String(errorCase.status));
			expect(error?.description).toMatch(errorCase.hint);
			if (errorCase.status === 403)
				expect(error?.description).not.toMatch(/allowed to do this|Check the API key/);
			expect(sleep).not.toHaveBeenCalled();
		},
	);

	it('continues on fail: the failed item yields { error } paired with it, the next item goes on', async () => {
		const api = spreedlyApi();
		api
			.get(`${API}/subscribers/401.xml`)
			.reply(404, fixture('rspreedly_subscriber_not_found.xml'), TEXT);
		api.get(`${API}/subscribers/1.xml`).reply(200, fixture('test_subscription.xml'), XML);
		const { items, rawOutputs, error } = await runSpreedly(
			{ resource: 'subscriber', operation: 'get', customerId: '={{ $json.id }}' },
			{ items: [{ id: '401' }, { id: '1' }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			error: 'There is no subscriber with a customer id of 401',
			httpCode: '404',
			description: 'Nothing was found. Check the ID or identifier you gave.',
		});
		expect(items[1].json.customerId).toBe('1');
		expect(rawOutputs[0][0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('continues on fail for bad input too, without a request for that item', async () => {
		const api = spreedlyApi();
		api.post(`${API}/subscribers/2/credits.xml`).reply(201, '');
		const { items, rawOutputs } = await runSpreedly(
			{
				resource: 'subscriber',
				operation: 'addStoreCredit',
				customerId: '={{ $json.id }}',
				amount: '={{ $json.amount }}',
			},
			{
				items: [
					{ id: '1', amount: 'ten' },
					{ id: '2', amount: '10' },
				],
				continueOnFail: true,
			},
		);
		expect(api.requests().map((request) => request.path)).toEqual([
			`${API}/subscribers/2/credits.xml`,
		]);
		expect(items.map((item) => item.json)).toEqual([
			{
				error:
					'The parameter "Amount" must be a decimal number such as 9.99 or -5, got "ten" (item 0)',
				description:
					'Write the amount as text with a dot as the decimal separator and no thousands separators.',
			},
			{ success: true, customerId: '2' },
		]);
		expect(rawOutputs[0][0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('never puts the API token (or the Basic header) into an error', async () => {
		spreedlyApi()
			.get(`${API}/subscribers/42.xml`)
			.reply(401, `Token ${API_TOKEN} is not valid for this site`, TEXT);
		const { error } = await runSpreedly(subscriberParams('get'));
		const everything = JSON.stringify({
			...error,
			message: error?.message,
			description: error?.description,
			stack: error?.stack,
		});
		expect(error?.message).toBe('Token [redacted] is not valid for this site');
		expect(everything).not.toContain(API_TOKEN);
		expect(everything).not.toContain(BASIC_AUTH.slice('Basic '.length));
	});

	it('retries a GET on 503 and then succeeds', async () => {
		const api = spreedlyApi();
		api
			.get(`${API}/subscribers/42.xml`)
			.reply(503, 'busy')
			.get(`${API}/subscribers/42.xml`)
			.reply(200, fixture('rspreedly_subscriber.xml'), XML);
		const { items } = await runSpreedly(subscriberParams('get'));
		expect(api.requests()).toHaveLength(2);
		expect(sleep).toHaveBeenCalledTimes(1);
		expect(items[0].json.customerId).toBe('42');
	});

	it('never repeats a POST, not even on 503', async () => {
		const api = spreedlyApi();
		api.post(`${API}/subscribers/42/fees.xml`).reply(503, 'busy');
		const { error } = await runSpreedly(subscriberParams('addFee', { name: 'Fee', amount: 1 }));
		expect(api.requests()).toHaveLength(1);
		expect(error?.httpCode).toBe('503');
		expect(error?.description).toContain('This write was not repeated automatically');
		expect(sleep).not.toHaveBeenCalled();
	});

	it('times out, retries a GET, then says how long it waited', async () => {
		const api = spreedlyApi();
		api
			.get(`${API}/subscribers/42.xml`)
			.times(2)
			.delay(500)
			.reply(200, fixture('rspreedly_subscriber.xml'), XML);
		const { error } = await runSpreedly(
			subscriberParams('get', { options: { timeout: 50, maxRetries: 1 } }),
		);
		expect(api.requests()).toHaveLength(2);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Spreedly did not answer within 50 ms after 2 tries');
		expect(error?.description).toContain('sent 2 times');
	});

	it('does not repeat a POST that timed out', async () => {
		const api = spreedlyApi();
		api.post(`${API}/subscribers/42/credits.xml`).delay(500).reply(201, '');
		const { error } = await runSpreedly(
			subscriberParams('addStoreCredit', { amount: 5, options: { timeout: 50 } }),
		);
		expect(api.requests()).toHaveLength(1);
		expect(error?.message).toBe('Spreedly did not answer within 50 ms');
		expect(error?.description).toContain('nothing is done twice');
		expect(sleep).not.toHaveBeenCalled();
	});

	it.each([
		[
			'an nginx page (not XML: <hr>)',
			'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
			'502 Bad Gateway',
		],
		[
			'a Rails page (not well-formed)',
			'<!DOCTYPE html>\n<html>\n<head>\n  <title>We&#39;re sorry, but something went wrong (500)</title>\n  <meta name="viewport" content="width=device-width">\n</head>\n<body><div class="dialog"><h1>We\'re sorry, but something went wrong.</h1></div>\n</body>\n</html>\n',
			"We're sorry, but something went wrong (500)",
		],
		[
			'an XHTML page',
			'<html><head><title>Service\n  Unavailable</title></head><body/></html>',
			'Service Unavailable',
		],
		[
			'a page with only a heading',
			'<html><body><h1>Bad gateway</h1><p>Oops</p></body></html>',
			'Bad gateway',
		],
		[
			'a page with neither title nor heading',
			'<html><body><p>Oops</p></body></html>',
			'Spreedly answered with HTTP 502',
		],
		[
			'an XHTML page with an XML declaration',
			'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Maintenance</title></head><body/></html>',
			'Maintenance',
		],
	])('takes the title of an HTML error page (%s) as the message', async (_name, page, message) => {
		spreedlyApi()
			.post(`${API}/subscribers/42/fees.xml`)
			.reply(502, page, { 'Content-Type': 'text/html' });
		const { error } = await runSpreedly(subscriberParams('addFee', { name: 'Fee', amount: 1 }));
		expect(error?.message).toBe(message);
		expect(error?.httpCode).toBe('502');
	});

	it.each([
		['Get', 'get', 'get', `${API}/subscribers/42.xml`, {}],
		['Add Fee', 'addFee', 'post', `${API}/subscribers/42/fees.xml`, { name: 'Fee', amount: 1 }],
	] as const)(
		'a 200 login page from a proxy is an error on %s, never a subscriber',
		async (_name, operation, method, path, extra) => {
			const api = spreedlyApi();
			api[method](path).reply(
				200,
				'<html><head><title>Sign in</title></head><body><form>Please sign in</form></body></html>',
				{ 'Content-Type': 'text/html; charset=utf-8' },
			);
			const { error, items } = await runSpreedly(subscriberParams(operation, extra));
			expect(items).toEqual([]);
			expect(api.requests()).toHaveLength(1);
			expect(error?.message).toBe(
				'Spreedly answered with an HTML page instead of XML: "Sign in Please sign in"',
			);
			expect(error?.description).toContain('Content-Type: text/html; charset=utf-8');
			expect(error?.httpCode).toBe('200');
		},
	);

	it('reports malformed XML in a success response', async () => {
		spreedlyApi()
			.get(`${API}/subscribers/42.xml`)
			.reply(200, '<subscriber><customer-id>42</subscriber>', XML);
		const { error } = await runSpreedly(subscriberParams('get'));
		expect(error?.message).toBe('Spreedly answered with malformed XML: "42"');
		expect(error?.description).toContain('Content-Type: application/xml; charset=utf-8');
	});

	it('reports a list response that is not an XML array', async () => {
		spreedlyApi().get(`${API}/subscription_plans.xml`).reply(200, fixture('create_user.xml'), XML);
		const { error } = await runSpreedly({ resource: 'plan', operation: 'getAll', returnAll: true });
		expect(error?.message).toBe('Spreedly sent a subscription plan list that is not an XML array');
	});
});
