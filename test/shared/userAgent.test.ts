import { name, version } from '../../package.json';
import { runSignTraker } from '../signTraker/helpers';
import { fixture, HOST, API, runSpreedly, XML } from '../spreedlySubscriptions/helpers';
import { BASE as VOYADO, runVoyado } from '../voyadoEngage/helpers';
import { BASE as WALDUR, runWaldur } from '../waldur/helpers';
import { mockApi } from '../harness/mockApi';

const EXPECTED = `${name}/${version}`;
const CREDIT_UUID = 'b3f1c2d4e5a64789b0c1d2e3f4a5b6c7';

describe('every provider names the package in its User-Agent', () => {
	it('reads n8n-nodes-credits/<version> from package.json', () => {
		expect(EXPECTED).toMatch(/^n8n-nodes-credits\/\d+\.\d+\.\d+/);
	});

	it('SignTraker', async () => {
		mockApi('https://acme.signtraker.com')
			.get('/api/agents/7')
			.matchHeader('user-agent', EXPECTED)
			.reply(200, { Id: 7 });
		const { error } = await runSignTraker({ resource: 'agent', operation: 'get', agentId: '7' });
		expect(error).toBeUndefined();
	});

	it('Voyado Engage', async () => {
		mockApi(VOYADO)
			.get('/api/v2/point-accounts/7')
			.matchHeader('user-agent', EXPECTED)
			.reply(200, { id: 7 });
		const { error } = await runVoyado({
			resource: 'pointAccount',
			operation: 'get',
			accountId: '7',
		});
		expect(error).toBeUndefined();
	});

	it('Waldur', async () => {
		mockApi(WALDUR)
			.get(`/api/project-credits/${CREDIT_UUID}/`)
			.matchHeader('user-agent', EXPECTED)
			.reply(200, { uuid: CREDIT_UUID });
		const { error } = await runWaldur({
			resource: 'projectCredit',
			operation: 'get',
			uuid: CREDIT_UUID,
		});
		expect(error).toBeUndefined();
	});

	it('Spreedly, on a write with an XML body as on a read', async () => {
		mockApi(HOST)
			.get(`${API}/subscription_plans.xml`)
			.matchHeader('user-agent', EXPECTED)
			.reply(200, fixture('rspreedly_subscription_plan_list.xml'), XML)
			.post(`${API}/subscribers.xml`)
			.matchHeader('user-agent', EXPECTED)
			.matchHeader('content-type', 'application/xml')
			.reply(201, fixture('rspreedly_create_subscriber.xml'), XML);
		const plans = await runSpreedly({ resource: 'plan', operation: 'getAll', returnAll: true });
		expect(plans.error).toBeUndefined();
		const created = await runSpreedly({
			resource: 'subscriber',
			operation: 'create',
			customerId: '42',
			screenName: 'bob',
		});
		expect(created.error).toBeUndefined();
	});
});
