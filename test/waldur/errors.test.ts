import { skipBackoffSleeps } from '../harness/backoff';
import { waldur, runWaldur, TOKEN } from './helpers';
import { PROJECT_CREDIT_UUID, PROJECT_UUID, projectCreditRecord } from './records';

const CREDIT_PATH = `/api/project-credits/${PROJECT_CREDIT_UUID}/`;
const get = { resource: 'projectCredit', operation: 'get', uuid: PROJECT_CREDIT_UUID };
const create = {
	resource: 'projectCredit',
	operation: 'create',
	project: PROJECT_UUID,
	value: '100',
};

describe('Waldur errors become readable messages', () => {
	skipBackoffSleeps();

	it.each([
		[401, { detail: 'Invalid token.' }, 'Invalid token.', /Authentication failed/],
		[
			403,
			{ detail: 'You do not have permission to perform this action.' },
			'You do not have permission to perform this action.',
			/refused the request/,
		],
		[404, { detail: 'Not found.' }, 'Not found.', /Nothing was found/],
	])('%i: the detail is the message', async (status, body, message, hint) => {
		waldur.intercept('GET', CREDIT_PATH).reply({ status, body });

		const result = await runWaldur(get);

		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toMatch(hint);
		expect(result.error?.httpCode).toBe(String(status));
		expect(waldur.requests()).toHaveLength(1);
	});

	it('409: a credit that cannot be deleted', async () => {
		waldur.intercept('DELETE', CREDIT_PATH).reply({
			status: 409,
			body: { detail: 'Cannot delete project credit with existing compensations.' },
		});

		const result = await runWaldur({
			resource: 'projectCredit',
			operation: 'delete',
			uuid: PROJECT_CREDIT_UUID,
		});

		expect(result.error?.message).toBe('Cannot delete project credit with existing compensations.');
		expect(result.error?.description).toMatch(/state that does not allow this change/);
		expect(result.error?.httpCode).toBe('409');
	});

	it('400 with field errors: each field named', async () => {
		waldur.intercept('POST', '/api/project-credits/').reply({
			status: 400,
			body: {
				end_date: ['End date must be the first day of a month.'],
				value: ['Ensure this value is greater than or equal to 0.'],
			},
		});

		const result = await runWaldur(create);

		expect(result.error?.message).toBe(
			'end_date: End date must be the first day of a month.; value: Ensure this value is greater than or equal to 0.',
		);
		expect(result.error?.httpCode).toBe('400');
	});

	it('400 with non_field_errors: the messages without the key', async () => {
		waldur.intercept('POST', '/api/customer-credits/').reply({
			status: 400,
			body: { non_field_errors: ['Expected consumption must be smaller than the credit.'] },
		});

		const result = await runWaldur({
			resource: 'customerCredit',
			operation: 'create',
			customer: PROJECT_UUID,
			value: '100',
			additionalFields: { expectedConsumption: '200' },
		});

		expect(result.error?.message).toBe('Expected consumption must be smaller than the credit.');
	});

	it('400 with a bare list, as ValidationError in a model save produces', async () => {
		waldur.intercept('POST', '/api/project-credits/').reply({
			status: 400,
			body: ['The sum of project credits cannot exceed the credit for organization.'],
		});

		const result = await runWaldur(create);

		expect(result.error?.message).toBe(
			'The sum of project credits cannot exceed the credit for organization.',
		);
	});

	it('a POST that failed with 503 is not sent again', async () => {
		waldur.intercept('POST', '/api/project-credits/').reply({
			status: 503,
			body: { detail: 'Service temporarily unavailable.' },
		});
		const post = await runWaldur(create);
		expect(post.error?.message).toBe('Service temporarily unavailable.');
		expect(post.error?.description).toMatch(/not repeated automatically/);
		expect(waldur.requests()).toHaveLength(1);
	});

	it('a GET that failed with 503 is retried and then succeeds', async () => {
		waldur.intercept('GET', CREDIT_PATH).reply({
			status: 503,
			body: { detail: 'Service temporarily unavailable.' },
		});
		waldur.intercept('GET', CREDIT_PATH).reply({ status: 200, body: projectCreditRecord() });

		const result = await runWaldur(get);

		expect(result.error).toBeUndefined();
		expect(waldur.requests()).toHaveLength(2);
	});

	it('429 on a read: waits as long as Retry-After asks, then sends it again', async () => {
		const { sleep } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
		waldur.intercept('GET', CREDIT_PATH).reply({
			status: 429,
			body: { detail: 'Request was throttled. Expected available in 2 seconds.' },
			headers: { 'Retry-After': '2' },
		});
		waldur.intercept('GET', CREDIT_PATH).reply({ status: 200, body: projectCreditRecord() });

		const result = await runWaldur(get);

		expect(result.error).toBeUndefined();
		expect(waldur.requests()).toHaveLength(2);
		expect(sleep).toHaveBeenCalledWith(2000);
	});

	it('429 on a write: reported with the wait asked for, and never sent twice', async () => {
		waldur.intercept('PATCH', CREDIT_PATH).reply({
			status: 429,
			body: { detail: 'Request was throttled. Expected available in 2 seconds.' },
			headers: { 'Retry-After': '2' },
		});

		const result = await runWaldur({
			resource: 'projectCredit',
			operation: 'update',
			uuid: PROJECT_CREDIT_UUID,
			updateFields: { value: '10' },
		});

		expect(waldur.requests()).toHaveLength(1);
		expect(result.error?.message).toBe('Request was throttled. Expected available in 2 seconds.');
		expect(result.error?.description).toMatch(
			/rate limiting.*wait 2 s.*not repeated automatically/,
		);
		expect(result.error?.httpCode).toBe('429');
	});

	it('500 without a body: the status is the message', async () => {
		// A proxy or a crashed worker: no DRF body at all.
		waldur.intercept('GET', CREDIT_PATH).reply({ status: 500, violates: /not a DRF error body/ });

		const result = await runWaldur(get);

		expect(waldur.requests()).toHaveLength(1);
		expect(result.error?.message).toBe('Waldur answered with HTTP 500');
		expect(result.error?.description).toMatch(/internal problem/);
		expect(result.error?.httpCode).toBe('500');
	});

	it.each([
		['text/html', 'Server Error (500)'],
		['', 'Server Error (500)'],
	])(
		"Django's 500 page without a <title> (Content-Type %p): its heading, never markup",
		async (contentType, message) => {
			waldur.intercept('GET', CREDIT_PATH).reply({
				status: 500,
				body: '<h1>Server Error (500)</h1>',
				headers: contentType ? { 'Content-Type': contentType } : {},
				violates: /not a DRF error body|not JSON/,
			});

			const result = await runWaldur(get);

			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toMatch(/internal problem/);
			expect(result.error?.httpCode).toBe('500');
		},
	);

	it('an error page with neither title nor heading: "Waldur answered with HTTP <status>"', async () => {
		waldur.intercept('DELETE', CREDIT_PATH).reply({
			status: 409,
			body: '<div><p>Conflict</p></div>',
			headers: { 'Content-Type': 'text/html' },
			violates: /not a DRF error body|not JSON/,
		});

		const result = await runWaldur({
			resource: 'projectCredit',
			operation: 'delete',
			uuid: PROJECT_CREDIT_UUID,
		});

		expect(result.error?.message).toBe('Waldur answered with HTTP 409');
		expect(result.error?.httpCode).toBe('409');
	});

	it('a dropped connection on a read is retried up to Max Retries, then reported', async () => {
		for (let attempt = 0; attempt < 3; attempt++)
			waldur.intercept('GET', CREDIT_PATH).reply({ status: 0, networkError: 'ECONNRESET' });

		const result = await runWaldur({ ...get, options: { maxRetries: 2 } });

		expect(waldur.requests()).toHaveLength(3);
		expect(result.error?.message).toMatch(/^Could not reach Waldur: .*ECONNRESET/);
		expect(result.error?.description).toMatch(/sent 3 times/);
	});

	it('a dropped connection on a create is not sent again, so no credit is made twice', async () => {
		waldur
			.intercept('POST', '/api/project-credits/')
			.reply({ status: 0, networkError: 'ECONNRESET' });

		const result = await runWaldur(create);

		expect(waldur.requests()).toHaveLength(1);
		expect(result.error?.message).toMatch(/^Could not reach Waldur/);
		expect(result.error?.description).toMatch(/sent once \(a write is not repeated automatically/);
	});

	it('a response that is not JSON is reported, with what came instead', async () => {
		waldur.intercept('GET', CREDIT_PATH).reply({
			status: 200,
			body: '<html><body>Maintenance</body></html>',
			headers: { 'Content-Type': 'text/html' },
			violates: /not JSON/,
		});

		const result = await runWaldur(get);

		expect(result.error?.message).toBe(
			'Waldur answered with an HTML page instead of JSON: "Maintenance"',
		);
		expect(result.error?.description).toContain('(Content-Type: text/html)');
		expect(result.error?.httpCode).toBe('200');
	});

	it('a 200 without a body is an error naming the credit, never an empty output item', async () => {
		waldur.intercept('GET', CREDIT_PATH).reply({ status: 200, body: '', violates: /not JSON/ });

		const result = await runWaldur(get);

		expect(result.error?.message).toBe(
			`Waldur answered with an empty body instead of the project credit ${PROJECT_CREDIT_UUID}`,
		);
		expect(result.error?.description).toMatch(`HTTP 200 from GET ${CREDIT_PATH} had no body`);
		expect(result.items).toEqual([]);
	});

	it('a list reply that is not a JSON array is reported', async () => {
		waldur.intercept('GET', '/api/project-credits/').reply({
			status: 200,
			body: projectCreditRecord(),
			violates: /must be array/,
		});

		const result = await runWaldur({ resource: 'projectCredit', operation: 'getAll' });

		expect(result.error?.message).toBe('Waldur sent a response that is not a JSON array');
		expect(result.items).toEqual([]);
	});

	it('a server that does not answer in time is reported as a timeout', async () => {
		waldur.intercept('GET', CREDIT_PATH).delay(500).reply(200, projectCreditRecord());

		const result = await runWaldur({ ...get, options: { timeout: 50, maxRetries: 0 } });

		expect(result.error?.message).toBe('Waldur did not answer within 50 ms');
	});

	it('never shows the token, even when the server echoes it', async () => {
		waldur
			.intercept('GET', CREDIT_PATH)
			.reply({ status: 401, body: { detail: `Invalid token ${TOKEN}.` } });

		const result = await runWaldur(get, { continueOnFail: true });

		expect(JSON.stringify(result.items)).not.toContain(TOKEN);
		expect(result.items[0].json.error).toBe('Invalid token [redacted].');
		expect(JSON.stringify(result.nodeError ?? {})).not.toContain(TOKEN);
	});
});

describe('Continue On Fail', () => {
	it('turns a failed item into an error item, pairs every output and goes on', async () => {
		const second = 'c4f1c2d4e5a64789b0c1d2e3f4a5b6c8';
		waldur.intercept('GET', CREDIT_PATH).reply({ status: 200, body: projectCreditRecord() });
		waldur.intercept('GET', `/api/project-credits/${second}/`).reply({
			status: 404,
			body: { detail: 'Not found.' },
		});

		const result = await runWaldur(
			{ resource: 'projectCredit', operation: 'get', uuid: '={{ $json.uuid }}' },
			{
				continueOnFail: true,
				items: [{ uuid: PROJECT_CREDIT_UUID }, { uuid: second }, { uuid: 'not-a-uuid' }],
			},
		);

		expect(result.error).toBeUndefined();
		expect(waldur.requests()).toHaveLength(2);
		const [raw] = result.rawOutputs[0];
		expect(raw.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(raw[0].json.uuid).toBe(PROJECT_CREDIT_UUID);
		expect(raw[1].json).toEqual({
			error: 'Not found.',
			httpCode: '404',
			description: expect.stringContaining('Check the ID'),
		});
		expect(raw[2].json.error).toMatch(
			/The parameter "Credit UUID" must be a Waldur UUID .* got "not-a-uuid" \(item 2\)/,
		);
	});

	it('without it, the first failure stops the node and names the item', async () => {
		waldur.intercept('GET', CREDIT_PATH).reply({
			status: 403,
			body: { detail: 'You do not have permission to perform this action.' },
		});

		const result = await runWaldur(get);

		expect(result.error?.message).toBe('You do not have permission to perform this action.');
		expect(result.items).toEqual([]);
	});
});
