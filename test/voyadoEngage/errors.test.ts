import { API_KEY, CONTACT, engage, runVoyado } from './helpers';
import { skipBackoffSleeps } from '../harness/backoff';

const getAccount = { resource: 'pointAccount', operation: 'get', accountId: '42' };
const ACCOUNT = '/api/v2/point-accounts/42';
const sleep = skipBackoffSleeps();

describe('Voyado Engage errors', () => {
	it('401: says to check the API key, does not retry, never shows the key', async () => {
		engage()
			.get(ACCOUNT)

			.reply(401, { message: `The API key ${API_KEY} is not valid.` });
		const { error } = await runVoyado(getAccount);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toBe('The API key [redacted] is not valid.');
		expect(error?.description).toMatch(/credential/);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
		expect(sleep).not.toHaveBeenCalled();
	});

	it('404 with an error body: shows the body', async () => {
		engage()
			.get(ACCOUNT)
			.reply(404, { errorCode: 'PointAccountNotFound', message: 'No PointAccount with id 42.' });
		const { error } = await runVoyado(getAccount);
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('No PointAccount with id 42.');
	});

	it('404 without a body: names what was not found', async () => {
		engage().get('/api/v2/point-accounts/transactions/5').reply(404, '');
		const { error } = await runVoyado({
			resource: 'pointTransaction',
			operation: 'get',
			transactionId: '5',
		});
		expect(error?.message).toBe('No Voyado Engage point transaction with ID 5 was found');
		expect(error?.description).toMatch(/Nothing was found/);
	});

	it('429: waits as long as Retry-After says, then succeeds', async () => {
		engage()
			.get(ACCOUNT)
			.reply(429, '', { 'Retry-After': '3' })
			.get(ACCOUNT)
			.reply(200, { id: 42 });
		const { items } = await runVoyado(getAccount);
		expect(sleep).toHaveBeenCalledWith(3000);
		expect(items[0].json).toEqual({ id: 42 });
	});

	it('429 without Retry-After: backs off exponentially and gives up after Max Retries', async () => {
		engage().get(ACCOUNT).times(3).reply(429, { message: 'Too Many Requests' });
		const { error } = await runVoyado({ ...getAccount, options: { maxRetries: 2 } });
		expect(error?.httpCode).toBe('429');
		expect(error?.description).toContain('Gave up after 3 attempts');
		const [first, second] = sleep.mock.calls.map(([ms]) => ms as number);
		expect(first).toBeGreaterThanOrEqual(250);
		expect(first).toBeLessThanOrEqual(500);
		expect(second).toBeGreaterThanOrEqual(500);
		expect(second).toBeLessThanOrEqual(1000);
	});

	it('500: shows Engage’s message and does not retry', async () => {
		engage().get(ACCOUNT).reply(500, { message: 'An error has occurred.' });
		const { error } = await runVoyado(getAccount);
		expect(error?.httpCode).toBe('500');
		expect(error?.message).toBe('An error has occurred.');
		expect(error?.description).toContain('internal problem');
		expect(sleep).not.toHaveBeenCalled();
	});

	it('timeout: retries a read, then says how long it waited', async () => {
		engage().get(ACCOUNT).times(2).delay(500).reply(200, { id: 42 });
		const { error } = await runVoyado({ ...getAccount, options: { timeout: 50, maxRetries: 1 } });
		expect(error?.message).toBe('Voyado Engage did not answer within 50 ms after 2 tries');
		expect(error?.description).toContain('sent 2 times');
	});

	it('a body that is not JSON: says so and shows its first words, without markup', async () => {
		engage()
			.get(ACCOUNT)
			.reply(200, '<html><body>Maintenance</body></html>', { 'Content-Type': 'text/html' });
		const { error } = await runVoyado(getAccount);
		expect(error?.message).toBe(
			'Voyado Engage answered with an HTML page instead of JSON: "Maintenance"',
		);
		expect(error?.description).toContain('Content-Type: text/html');
	});

	it('JSON that is cut off is not JSON either', async () => {
		engage().get(ACCOUNT).reply(200, '{"id": 7,', { 'Content-Type': 'application/json' });
		const { error } = await runVoyado(getAccount);
		expect(error?.message).toBe('Voyado Engage answered with malformed JSON: "{"id": 7,"');
	});

	it('an HTML error page without a title: its first heading', async () => {
		engage()
			.get(ACCOUNT)
			.reply(503, '<body><h2>Down for maintenance</h2></body>', { 'Content-Type': 'text/html' });
		const { error } = await runVoyado({ ...getAccount, options: { maxRetries: 0 } });
		expect(error?.message).toBe('Down for maintenance');
		expect(error?.httpCode).toBe('503');
	});

	it('an error page that is not JSON: uses its text', async () => {
		engage().get(ACCOUNT).reply(500, 'An error has occurred.', { 'Content-Type': 'text/plain' });
		const { error } = await runVoyado(getAccount);
		expect(error?.message).toBe('An error has occurred.');
	});

	it('Continue On Fail: the failing item yields its error item, the next item goes on', async () => {
		engage()
			.get('/api/v2/point-accounts/1')
			.reply(404, { message: 'No PointAccount with id 1.' })
			.get('/api/v2/point-accounts/2')
			.reply(200, { id: 2 });
		const { rawOutputs, error } = await runVoyado(
			{ resource: 'pointAccount', operation: 'get', accountId: '={{ $json.id }}' },
			{ items: [{ id: 1 }, { id: 2 }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(rawOutputs[0][0]).toEqual([
			{
				json: {
					error: 'No PointAccount with id 1.',
					httpCode: '404',
					description: 'Nothing was found. Check the ID or identifier you gave.',
				},
				pairedItem: { item: 0 },
			},
			{ json: { id: 2 }, pairedItem: { item: 1 } },
		]);
	});

	it('a list error shows the message of Engage', async () => {
		engage().get('/api/v2/point-accounts').query(true).reply(400, {
			errorCode: 'InvalidContactId',
			message: 'contactId is required and must be a GUID.',
		});
		const { error } = await runVoyado({
			resource: 'pointAccount',
			operation: 'getAll',
			contactId: CONTACT,
		});
		expect(error?.message).toBe('contactId is required and must be a GUID.');
		expect(error?.httpCode).toBe('400');
	});
});
