import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { SpreedlySubscriptionsApi } from '../../credentials/SpreedlySubscriptionsApi.credentials';
import { WaldurApi } from '../../credentials/WaldurApi.credentials';
import { SignTrakerTrigger } from '../../nodes/SignTraker/SignTrakerTrigger.node';
import { SpreedlySubscriptionsTrigger } from '../../nodes/SpreedlySubscriptions/SpreedlySubscriptionsTrigger.node';
import { Waldur } from '../../nodes/Waldur/Waldur.node';
import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { runListSearch } from '../harness/listSearch';
import { mockApi } from '../harness/mockApi';
import { TriggerHarness } from '../harness/triggers';
import { API_KEY, BASE, runSignTraker } from '../signTraker/helpers';
import {
	API,
	BASIC_AUTH,
	credentials as spreedlyCredentials,
	fixture,
	spreedlyApi,
	XML,
} from '../spreedlySubscriptions/helpers';
import {
	AUTH as WALDUR_AUTH,
	BASE as WALDUR_BASE,
	runWaldur,
	TOKEN,
	waldur,
} from '../waldur/helpers';
import { PROJECT_CREDIT_UUID, projectCreditRecord } from '../waldur/records';

/*
 * (Webhook registration: test/waldur/trigger.test.ts.) In a real n8n every credential read is database queries and a decryption (credentialsHelper.getDecrypted),
 * as costly as a request. A run (a node execution, a poll, a picker page, a hook call, a delivery) reads
 * its credential once and hands it to n8n's httpRequestWithAuthentication, which then does not read it again.
 */
let reads: jest.SpyInstance;
beforeEach(() => {
	reads = jest.spyOn(TestCredentialsHelper.prototype, 'getDecrypted');
});
afterEach(() => reads.mockRestore());

const AUTH = `ST-API ${API_KEY}`;
const agentIds = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ id: index + 1 }));
const awards = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => ({ Id: from + index }));

describe('The credential is read once per run', () => {
	it('item-wise Gets: one read for all items, every request authenticated', async () => {
		const api = mockApi(BASE);
		for (const { id } of agentIds(5)) api.get(`/api/agents/${id}`).reply(200, { Id: id });
		const { items, error } = await runSignTraker(
			{ resource: 'agent', operation: 'get', agentId: '={{ $json.id }}' },
			{ items: agentIds(5) },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.Id)).toEqual([1, 2, 3, 4, 5]);
		expect(api.requests().map((request) => request.headers.authorization)).toEqual(
			Array(5).fill(AUTH),
		);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('writes: one read for all items', async () => {
		const api = mockApi(BASE);
		api.post('/api/credits/awards').times(3).reply(201, { Id: 9 });
		const { items } = await runSignTraker(
			{
				resource: 'creditAward',
				operation: 'create',
				name: 'Spring',
				awardedTo: '={{ $json.id }}',
				totalAmount: 10,
			},
			{ items: agentIds(3) },
		);
		expect(items).toHaveLength(3);
		expect(api.requests().map((request) => request.headers.authorization)).toEqual(
			Array(3).fill(AUTH),
		);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('Return All: one read for every page', async () => {
		const api = mockApi(BASE);
		api.get('/api/credits/awards').query({ $top: '100' }).reply(200, awards(1, 100));
		api
			.get('/api/credits/awards')
			.query({ $top: '100', $skip: '100' })
			.reply(200, awards(101, 100));
		api.get('/api/credits/awards').query({ $top: '100', $skip: '200' }).reply(200, awards(201, 3));
		const { items } = await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			returnAll: true,
		});
		expect(items).toHaveLength(203);
		expect(api.requests().every((request) => request.headers.authorization === AUTH)).toBe(true);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('a plan that needs the address (Waldur links) shares the read with the request', async () => {
		waldur
			.intercept('PATCH', `/api/project-credits/${PROJECT_CREDIT_UUID}/`)
			.reply({ status: 200, body: projectCreditRecord() });
		const { error } = await runWaldur({
			resource: 'projectCredit',
			operation: 'update',
			uuid: PROJECT_CREDIT_UUID,
			updateFields: { project: 'ffffffffeeeeddddccccbbbbbbbbbbbb' },
		});
		expect(error).toBeUndefined();
		expect(waldur.requests()[0].body).toEqual({
			project: `${WALDUR_BASE}/api/projects/ffffffffeeeeddddccccbbbbbbbbbbbb/`,
		});
		expect(waldur.requests()[0].headers.authorization).toBe(WALDUR_AUTH);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('a picker page: one read for the address and the request', async () => {
		waldur
			.intercept('GET', '/api/projects/')
			.reply({ status: 200, body: [], headers: { 'X-Result-Count': '0' } });
		await runListSearch({
			node: new Waldur(),
			credentialTypes: [new WaldurApi()],
			credentials: { waldurApi: { baseUrl: WALDUR_BASE, token: TOKEN } },
			method: 'searchProjects',
			parameterPath: 'project',
			parameters: { resource: 'projectCredit', operation: 'create' },
		});
		expect(waldur.requests()[0].headers.authorization).toBe(WALDUR_AUTH);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('a poll: one read for every page it fetches', async () => {
		const node = new TriggerHarness({
			node: new SignTrakerTrigger(),
			parameters: { event: 'newCreditAward', filters: {} },
			credentials: { signTrakerApi: { apiKey: API_KEY, subdomain: 'acme' } },
			credentialTypes: [new SignTrakerApi()],
			staticData: { 'node:Trigger': { lastAwardId: 0 } },
		});
		const api = mockApi(BASE, { headers: { authorization: AUTH } });
		const filtered = { $filter: 'Id gt 0', $orderby: 'Id asc' };
		api
			.get('/api/credits/awards')
			.query({ ...filtered, $top: '100' })
			.reply(200, awards(1, 100));
		api
			.get('/api/credits/awards')
			.query({ ...filtered, $top: '100', $skip: '100' })
			.reply(200, awards(101, 2));
		expect(await node.poll()).toHaveLength(102);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('a webhook delivery that fetches several records: one read', async () => {
		const api = spreedlyApi();
		const subscriber = fixture('rspreedly_subscriber.xml');
		for (const id of ['7', '42'])
			api.get(`${API}/subscribers/${id}.xml`).reply(200, subscriber, XML);
		const node = new TriggerHarness({
			node: new SpreedlySubscriptionsTrigger(),
			parameters: { options: {} },
			credentials: { spreedlySubscriptionsApi: spreedlyCredentials },
			credentialTypes: [new SpreedlySubscriptionsApi()],
		});
		const result = await node.deliver({
			body: { subscriber_ids: '7,42' },
			rawBody: 'subscriber_ids=7%2C42',
		});
		expect(result.items).toHaveLength(2);
		expect(api.requests().map((request) => request.headers.authorization)).toEqual([
			BASIC_AUTH,
			BASIC_AUTH,
		]);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('a read that failed is tried again by the next request of the run', async () => {
		reads.mockRejectedValueOnce(new Error('The credential store is unreachable'));
		const api = mockApi(BASE);
		api.get('/api/agents/2').reply(200, { Id: 2 });
		const { items } = await runSignTraker(
			{
				resource: 'agent',
				operation: 'get',
				agentId: '={{ $json.id }}',
				options: { concurrency: 1 },
			},
			{ items: agentIds(2), continueOnFail: true },
		);
		expect(items.map((item) => item.json)).toEqual([
			{ error: 'The credential store is unreachable' },
			{ Id: 2 },
		]);
		expect(api.requests()[0].headers.authorization).toBe(AUTH);
		expect(reads).toHaveBeenCalledTimes(2);
	});
});

describe('A credential field that holds an expression', () => {
	it('is resolved with the first input item, for every item of the run (address and key alike)', async () => {
		const first = mockApi('https://first.example.com');
		first.get('/api/agents/1').reply(200, { Id: 1 });
		first.get('/api/agents/2').reply(200, { Id: 2 });
		const { items, error } = await runSignTraker(
			{ resource: 'agent', operation: 'get', agentId: '={{ $json.id }}' },
			{
				items: [
					{ id: 1, host: 'https://first.example.com', key: 'key-of-first' },
					{ id: 2, host: 'https://second.example.com', key: 'key-of-second' },
				],
				credentials: {
					signTrakerApi: { baseUrl: '={{ $json.host }}', apiKey: '={{ $json.key }}' },
				},
			},
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.Id)).toEqual([1, 2]);
		expect(first.requests().map((request) => request.headers.authorization)).toEqual([
			'ST-API key-of-first',
			'ST-API key-of-first',
		]);
		expect(reads).toHaveBeenCalledTimes(1);
	});
});
