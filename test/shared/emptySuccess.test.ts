import type { IDataObject } from 'n8n-workflow';

import { BASE as ST_BASE, runSignTraker } from '../signTraker/helpers';
import { API, runSpreedly, spreedlyApi } from '../spreedlySubscriptions/helpers';
import { engage, runVoyado } from '../voyadoEngage/helpers';
import { BASE as WALDUR_BASE, waldur, runWaldur } from '../waldur/helpers';
import { PROJECT_CREDIT_UUID, PROJECT_UUID } from '../waldur/records';
import { mockApi } from '../harness/mockApi';

/**
 * One policy for a 2xx without a body, in every provider: a read that must return a record stops
 * with an error that names what was asked for; a write outputs `{ success: true }` with what it acted
 * on; a list has no records.
 */
describe('an empty success body: a read that needs a record is an error naming it', () => {
	it.each([
		['pointAccount', 'accountId', '/api/v2/point-accounts/1001', 'point account 1001'],
		[
			'pointDefinition',
			'definitionId',
			'/api/v2/point-accounts/definitions/2',
			'point definition 2',
		],
		[
			'pointTransaction',
			'transactionId',
			'/api/v2/point-accounts/transactions/5001',
			'point transaction 5001',
		],
	])('Voyado Engage %s → Get', async (resource, idName, path, what) => {
		engage().get(path).reply(200, '');
		const { error, items } = await runVoyado({
			resource,
			operation: 'get',
			[idName]: path.split('/').pop(),
		});
		expect(error?.message).toBe(`Voyado Engage answered with an empty body instead of the ${what}`);
		expect(error?.description).toMatch(new RegExp(`^HTTP 200 from GET ${path} had no body`));
		expect(items).toEqual([]);
	});

	it('with Continue On Fail it is the item’s error item, and the other items still come out', async () => {
		engage()
			.get('/api/v2/point-accounts/1')
			.reply(200, { id: 1 })
			.get('/api/v2/point-accounts/2')
			.reply(204);
		const { rawOutputs } = await runVoyado(
			{ resource: 'pointAccount', operation: 'get', accountId: '={{ $json.id }}' },
			{ items: [{ id: 1 }, { id: 2 }], continueOnFail: true },
		);
		const output = rawOutputs[0][0];
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json).toEqual({ id: 1 });
		expect(output[1].json).toMatchObject({
			error: 'Voyado Engage answered with an empty body instead of the point account 2',
			httpCode: '204',
		});
	});

	it('SignTraker Agent → Get', async () => {
		mockApi(ST_BASE).get('/api/agents/5').reply(200, '');
		const { error } = await runSignTraker({ resource: 'agent', operation: 'get', agentId: 5 });
		expect(error?.message).toBe('SignTraker answered with an empty body instead of the agent 5');
		expect(error?.description).toMatch(/^HTTP 200 from GET \/api\/agents\/5 had no body/);
	});

	it.each([
		['get', {}],
		// Get or Create must not create a subscriber that the GET answered for without saying anything.
		['getOrCreate', { screenName: 'jane' }],
	])('Spreedly Subscriber → %s', async (operation, extra: IDataObject) => {
		const spreedly = spreedlyApi();
		spreedly.get(`${API}/subscribers/42.xml`).reply(200, '');
		const { error } = await runSpreedly({
			resource: 'subscriber',
			operation,
			customerId: '42',
			...extra,
		});
		expect(spreedly.requests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET ${API}/subscribers/42.xml`,
		]);
		expect(error?.message).toBe(
			'Spreedly answered with an empty body instead of the subscriber "42"',
		);
	});
});

describe('an empty success body: a write outputs { success: true } and what it acted on', () => {
	it('Waldur Project Credit → Create names the project', async () => {
		waldur
			.intercept('POST', '/api/project-credits/')
			.reply({ status: 201, body: '', violates: /not JSON/ });
		const { items } = await runWaldur({
			resource: 'projectCredit',
			operation: 'create',
			project: PROJECT_UUID,
			value: '100',
		});
		expect(waldur.requests().map((call) => call.method)).toEqual(['POST']);
		expect(items.map((item) => item.json)).toEqual([
			{ success: true, project: `${WALDUR_BASE}/api/projects/${PROJECT_UUID}/` },
		]);
	});

	it.each([
		['update', 'PATCH', { updateFields: { value: '5' } }],
		['replace', 'PUT', { project: PROJECT_UUID, value: '5' }],
	])(
		'Waldur Project Credit → %s names the credit',
		async (operation, method, extra: IDataObject) => {
			const path = `/api/project-credits/${PROJECT_CREDIT_UUID}/`;
			waldur.intercept(method, path).reply({ status: 200, body: '', violates: /not JSON/ });
			const { items } = await runWaldur({
				resource: 'projectCredit',
				operation,
				uuid: PROJECT_CREDIT_UUID,
				...extra,
			});
			expect(waldur.requests().map((call) => `${call.method} ${call.path}`)).toEqual([
				`${method} ${path}`,
			]);
			expect(items.map((item) => item.json)).toEqual([
				{ success: true, uuid: PROJECT_CREDIT_UUID },
			]);
		},
	);
	it('Spreedly Subscriber → Create names the customer ID', async () => {
		const spreedly = spreedlyApi();
		spreedly.post(`${API}/subscribers.xml`).reply(201, '');
		const { items } = await runSpreedly({
			resource: 'subscriber',
			operation: 'create',
			customerId: '42',
			screenName: 'jane',
		});
		expect(spreedly.requests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST ${API}/subscribers.xml`,
		]);
		expect(items.map((item) => item.json)).toEqual([{ success: true, customerId: '42' }]);
	});
});

describe('an empty success body: a list has no records', () => {
	it('Voyado Engage Point Definition → Get Many', async () => {
		engage()
			.get('/api/v2/point-accounts/definitions')
			.query({ offset: 0, count: 100 })
			.reply(200, '');
		const { items, error } = await runVoyado({
			resource: 'pointDefinition',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});
