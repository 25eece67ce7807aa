import type { NodeApiError } from 'n8n-workflow';

import { API_KEY, BASE, runSignTraker } from './helpers';
import { skipBackoffSleeps } from '../harness/backoff';
import { mockApi } from '../harness/mockApi';

const getAgent = { resource: 'agent', operation: 'get', agentId: '42' };
const createAward = {
	resource: 'creditAward',
	operation: 'create',
	name: 'Spring',
	awardedTo: '42',
	totalAmount: 1,
};
const sleep = skipBackoffSleeps();

describe('SignTraker errors', () => {
	it('shows the message of a 400 {"Message": ...} body', async () => {
		mockApi(BASE)
			.get('/api/credits/awards')
			.query(true)
			.reply(400, { Message: 'The query specified in the URI is not valid.' });
		const { error } = await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			filters: { filter: '(' },
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('The query specified in the URI is not valid.');
		expect(error?.httpCode).toBe('400');
	});

	it.each([401, 403])('says to check the API key on %i with an empty body', async (status) => {
		mockApi(BASE).get('/api/agents/42').reply(status, '');
		const { error } = await runSignTraker(getAgent);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`SignTraker did not accept the API key (HTTP ${status})`);
		expect(error?.description).toContain('Check the API key in the SignTraker credential');
		expect(error?.httpCode).toBe(String(status));
		expect((error as unknown as NodeApiError).context.itemIndex).toBe(0);
		expect(sleep).not.toHaveBeenCalled();
	});

	it.each([401, 403])(
		'keeps the API message on %i and still points at the API key',
		async (status) => {
			mockApi(BASE)
				.get('/api/agents/42')
				.reply(status, { Message: 'Authorization has been denied for this request.' });
			const { error } = await runSignTraker(getAgent);
			expect(error?.message).toBe('Authorization has been denied for this request.');
			expect(error?.description).toContain('Check the API key in the SignTraker credential');
			expect(error?.httpCode).toBe(String(status));
		},
	);

	it('puts the API key hint into the error item with Continue On Fail', async () => {
		mockApi(BASE).get('/api/agents/42').reply(401, '');
		const { items } = await runSignTraker(getAgent, { continueOnFail: true });
		expect(items).toEqual([
			{
				json: {
					error: 'SignTraker did not accept the API key (HTTP 401)',
					httpCode: '401',
					description:
						'Check the API key in the SignTraker credential (SignTraker → My Profile), and that its user may do this.',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('shows which award fields an invalid create got wrong (ASP.NET ModelState)', async () => {
		mockApi(BASE)
			.post('/api/credits/awards', { Name: 'Spring', AwardedTo: { Id: 5 }, TotalAmount: 1 })

			.reply(400, {
				Message: 'The request is invalid.',
				ModelState: { 'award.AwardedTo': ['No agent with Id 5.'] },
			});
		const { error } = await runSignTraker({ ...createAward, awardedTo: '5' });
		expect(error?.message).toBe('The request is invalid. award.AwardedTo: No agent with Id 5.');
		expect(error?.httpCode).toBe('400');
	});

	it('says which address was not found when a list answers 404 with an empty body', async () => {
		mockApi(BASE).get('/api/agents').query({ $top: '50' }).reply(404, '');
		const { error } = await runSignTraker({ resource: 'agent', operation: 'getAll' });
		expect(error?.message).toBe(
			'SignTraker has no /api/agents at the address in the credential (HTTP 404)',
		);
		expect(error?.description).toContain('subdomain or base URL');
		expect(error?.httpCode).toBe('404');
	});

	it('does not repeat a create that hit a rate limit', async () => {
		mockApi(BASE)
			.post('/api/credits/awards')

			.reply(429, { Message: 'Too many requests' }, { 'Retry-After': '1' });
		const { error } = await runSignTraker(createAward);
		expect(error?.message).toBe('Too many requests');
		expect(error?.httpCode).toBe('429');
		expect(error?.description).toContain('not repeated automatically');
		expect(sleep).not.toHaveBeenCalled();
	});

	it('waits as long as Retry-After says on 429, then succeeds', async () => {
		mockApi(BASE)
			.get('/api/agents/42')
			.reply(429, '', { 'Retry-After': '2' })
			.get('/api/agents/42')
			.reply(200, { Id: 42 });
		const { items } = await runSignTraker(getAgent);
		expect(sleep).toHaveBeenCalledWith(2000);
		expect(items[0].json).toEqual({ Id: 42 });
	});

	it('gives up on a lasting 429 after the configured retries and says so', async () => {
		mockApi(BASE)
			.get('/api/agents/42')
			.times(3)
			.reply(429, { Message: 'Slow down' }, { 'Retry-After': '1' });
		const { error } = await runSignTraker({ ...getAgent, options: { maxRetries: 2 } });
		expect(error?.message).toBe('Slow down');
		expect(error?.httpCode).toBe('429');
		expect(error?.description).toContain('Gave up after 3 attempts');
		expect(sleep).toHaveBeenCalledTimes(2);
	});

	it('does not sleep for a Retry-After longer than it is willing to wait', async () => {
		mockApi(BASE).get('/api/agents/42').reply(429, '', { 'Retry-After': '3600' });
		const { error } = await runSignTraker(getAgent);
		expect(error?.description).toContain('asked to wait 3600 s');
		expect(sleep).not.toHaveBeenCalled();
	});

	it('retries 502/503/504 with growing backoff and fails with the last answer', async () => {
		mockApi(BASE)
			.get('/api/agents/42')
			.reply(502, '')
			.get('/api/agents/42')
			.reply(503, '')
			.get('/api/agents/42')
			.reply(504, '')
			.get('/api/agents/42')
			.reply(503, { Message: 'Maintenance' });
		const { error } = await runSignTraker(getAgent);
		expect(error?.message).toBe('Maintenance');
		expect(error?.httpCode).toBe('503');
		const delays = sleep.mock.calls.map(([ms]) => ms as number);
		expect(delays).toHaveLength(3);
		expect(delays[0]).toBeGreaterThanOrEqual(250);
		expect(delays[0]).toBeLessThanOrEqual(500);
		expect(delays[2]).toBeGreaterThanOrEqual(1000);
		expect(delays[2]).toBeLessThanOrEqual(2000);
	});

	it('does not retry a 500', async () => {
		mockApi(BASE).get('/api/agents/42').reply(500, { Message: 'boom' });
		const { error } = await runSignTraker(getAgent);
		expect(error?.message).toBe('boom');
		expect(error?.description).toContain('internal problem');
		expect(sleep).not.toHaveBeenCalled();
	});

	it('times out, retries a read, then says how long it waited', async () => {
		mockApi(BASE).get('/api/agents/42').times(2).delay(500).reply(200, { Id: 42 });
		const { error } = await runSignTraker({ ...getAgent, options: { timeout: 50, maxRetries: 1 } });
		expect(error?.message).toBe('SignTraker did not answer within 50 ms after 2 tries');
		expect(error?.description).toContain('sent 2 times');
	});

	it('does not repeat a create that timed out', async () => {
		mockApi(BASE).post('/api/credits/awards').delay(500).reply(200, { Id: 1 });
		const { error } = await runSignTraker({ ...createAward, options: { timeout: 50 } });
		expect(error?.message).toBe('SignTraker did not answer within 50 ms');
		expect(error?.description).toContain('nothing is done twice');
	});

	it('reports a refused connection after retrying it', async () => {
		// A real connection to a closed port on this machine: nothing listens on port 9.
		const { error } = await runSignTraker(getAgent, {
			credentials: { signTrakerApi: { apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9' } },
		});
		expect(error?.message).toMatch(/^Could not reach SignTraker: .*ECONNREFUSED/);
		expect(error?.description).toContain('sent 4 times');
		expect(sleep).toHaveBeenCalledTimes(3);
	});

	it('reports a success response that is an HTML page: content type and first words, no markup', async () => {
		mockApi(BASE)
			.get('/api/agents/42')
			.reply(200, '<html><head><title>Login</title></head><body><p>Sign in</p></body></html>', {
				'Content-Type': 'text/html',
			});
		const { error } = await runSignTraker(getAgent);
		expect(error?.message).toBe(
			'SignTraker answered with an HTML page instead of JSON: "Login Sign in"',
		);
		expect(error?.description).toContain(
			'HTTP 200 from GET /api/agents/42 (Content-Type: text/html)',
		);
		expect(error?.httpCode).toBe('200');
	});

	it.each([
		[200, 'OK', 'text/plain', 'SignTraker answered with text/plain instead of JSON: "OK"'],
		[500, '<h1>Server Error (500)</h1>', 'text/html', 'Server Error (500)'],
		[
			500,
			'<html><body><p>Oops</p></body></html>',
			'text/html',
			'SignTraker answered with HTTP 500',
		],
		[400, 'Bad agent', 'text/plain', 'Bad agent'],
	])('HTTP %i with %p (%s): %p', async (status, body, contentType, message) => {
		mockApi(BASE).get('/api/agents/42').reply(status, body, { 'Content-Type': contentType });
		const { error } = await runSignTraker(getAgent);
		expect(error?.message).toBe(message);
		expect(error?.httpCode).toBe(String(status));
	});

	it('never shows the API key, even when the API echoes it', async () => {
		mockApi(BASE)
			.get('/api/agents/42')
			.reply(401, { Message: `Key ${API_KEY} is not valid` });
		const { error, run } = await runSignTraker(getAgent);
		expect(error?.message).toBe('Key [redacted] is not valid');
		expect(JSON.stringify(run)).not.toContain(API_KEY);
	});

	it('with Continue On Fail outputs an error item for the failed item and goes on', async () => {
		mockApi(BASE)
			.get('/api/agents/1')
			.reply(200, { Id: 1 })
			.get('/api/agents/2')
			.reply(404, '')
			.get('/api/agents/3')
			.reply(200, { Id: 3 });
		const { items, rawOutputs, run } = await runSignTraker(
			{ resource: 'agent', operation: 'get', agentId: '={{ $json.id }}' },
			{ items: [{ id: 1 }, { id: 2 }, { id: 3 }], continueOnFail: true },
		);
		expect(run.status).toBe('success');
		expect(items.map((item) => item.json)).toEqual([
			{ Id: 1 },
			{
				error: 'No SignTraker agent with ID 2 was found',
				httpCode: '404',
				description: 'Nothing was found. Check the ID or identifier you gave.',
			},
			{ Id: 3 },
		]);
		expect(rawOutputs[0][0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('with Continue On Fail turns bad input into an error item too', async () => {
		mockApi(BASE).get('/api/agents/1').reply(200, { Id: 1 });
		const { items } = await runSignTraker(
			{ resource: 'agent', operation: 'get', agentId: '={{ $json.id }}' },
			{ items: [{ id: 'x' }, { id: 1 }], continueOnFail: true },
		);
		expect(items.map((item) => item.json)).toEqual([
			{ error: 'The parameter "Agent ID" must be a whole number of 1 or more, got "x" (item 0)' },
			{ Id: 1 },
		]);
	});

	it('routes failed items to the error output with "continueErrorOutput"', async () => {
		mockApi(BASE)
			.get('/api/agents/1')
			.reply(200, { Id: 1 })
			.get('/api/agents/2')
			.reply(403, { Message: 'Not yours' });
		const { outputs } = await runSignTraker(
			{ resource: 'agent', operation: 'get', agentId: '={{ $json.id }}' },
			{ items: [{ id: 1 }, { id: 2 }], onError: 'continueErrorOutput' },
		);
		expect(outputs[0].map((item) => item.json)).toEqual([{ Id: 1 }]);
		expect(outputs[1].map((item) => item.json)).toEqual([
			{
				id: 2,
				error: 'Not yours',
				details: {
					httpCode: '403',
					description:
						'Check the API key in the SignTraker credential (SignTraker → My Profile), and that its user may do this.',
				},
			},
		]);
		expect(outputs[1][0].pairedItem).toEqual({ item: 1 });
	});

	it('names the failing item when the node stops', async () => {
		mockApi(BASE).get('/api/agents/1').reply(200, { Id: 1 }).get('/api/agents/2').reply(404, '');
		const { error } = await runSignTraker(
			{ resource: 'agent', operation: 'get', agentId: '={{ $json.id }}' },
			{ items: [{ id: 1 }, { id: 2 }] },
		);
		expect((error as unknown as NodeApiError).context.itemIndex).toBe(1);
	});
});
