import { BASE, runSignTraker } from './helpers';
import { mockApi } from '../harness/mockApi';

describe('SignTraker agents', () => {
	it('gets an agent by ID', async () => {
		mockApi(BASE)
			.get('/api/agents/42')
			.matchHeader('accept', 'application/json')
			.reply(200, { Id: 42, Email: 'jane@example.com' });
		const { items } = await runSignTraker({ resource: 'agent', operation: 'get', agentId: '42' });
		expect(items).toEqual([
			{ json: { Id: 42, Email: 'jane@example.com' }, pairedItem: { item: 0 } },
		]);
	});

	it('finds an agent by email', async () => {
		mockApi(BASE)
			.get('/api/agents')
			.query({ email: 'jane@example.com', $top: '50' })
			.reply(200, [{ Id: 42, Email: 'jane@example.com' }]);
		const { items } = await runSignTraker({
			resource: 'agent',
			operation: 'getAll',
			filters: { email: 'jane@example.com' },
		});
		expect(items.map((item) => item.json.Id)).toEqual([42]);
	});

	it('outputs nothing for an email that matches no agent', async () => {
		mockApi(BASE)
			.get('/api/agents')
			.query({ email: 'nobody@example.com', $top: '50' })
			.reply(200, []);
		const { items, error } = await runSignTraker({
			resource: 'agent',
			operation: 'getAll',
			filters: { email: 'nobody@example.com' },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0);
	});

	it('refuses an Email filter that came out empty instead of listing every agent', async () => {
		const { error, items } = await runSignTraker(
			{
				resource: 'agent',
				operation: 'getAll',
				limit: 1,
				filters: { email: '={{ $json.email }}' },
			},
			{ items: [{ name: 'no email here' }] },
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('The parameter "Email" is empty (item 0)');
		expect(error?.description).toContain('remove the Email filter');
		expect(items).toHaveLength(0);
	});

	it('pages through all agents with an OData filter and ordering', async () => {
		const page = (from: number, count: number) =>
			Array.from({ length: count }, (_, index) => ({ Id: from + index }));
		mockApi(BASE)
			.get('/api/agents')
			.query({ $filter: 'Active eq true', $orderby: 'Id', $top: '100' })
			.reply(200, page(1, 100))
			.get('/api/agents')
			.query({ $filter: 'Active eq true', $orderby: 'Id', $top: '100', $skip: '100' })
			.reply(200, []);
		const { items } = await runSignTraker({
			resource: 'agent',
			operation: 'getAll',
			returnAll: true,
			filters: { filter: 'Active eq true' },
			options: { orderBy: 'Id' },
		});
		expect(items).toHaveLength(100);
	});

	it('says which agent was not found when the API answers 404 with an empty body', async () => {
		mockApi(BASE).get('/api/agents/999').reply(404, '');
		const { error } = await runSignTraker({ resource: 'agent', operation: 'get', agentId: '999' });
		expect(error?.message).toBe('No SignTraker agent with ID 999 was found');
		expect(error?.httpCode).toBe('404');
	});

	it('rejects an agent ID that is not a number', async () => {
		const { error } = await runSignTraker({ resource: 'agent', operation: 'get', agentId: 'jane' });
		expect(error?.message).toBe(
			'The parameter "Agent ID" must be a whole number of 1 or more, got "jane" (item 0)',
		);
	});
});
