import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { SignTraker } from '../../nodes/SignTraker/SignTraker.node';
import { pickersOf, runListSearch } from '../harness/listSearch';
import { API_KEY, BASE, runSignTraker } from './helpers';
import { mockApi } from '../harness/mockApi';

const agent = (id: number, first = `First${id}`, last = `Last${id}`) => ({
	Id: id,
	FirstName: first,
	LastName: last,
	Email: `${first.toLowerCase()}@example.com`,
});
const agents = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => agent(from + index));

function searchAgents(filter?: string, paginationToken?: string) {
	return runListSearch({
		node: new SignTraker(),
		credentialTypes: [new SignTrakerApi()],
		credentials: { signTrakerApi: { apiKey: API_KEY, subdomain: 'acme' } },
		method: 'searchAgents',
		parameterPath: 'awardedTo',
		parameters: { resource: 'creditAward', operation: 'create' },
		filter,
		paginationToken,
	});
}

const signTraker = () => mockApi(BASE, { headers: { authorization: `ST-API ${API_KEY}` } });

describe('SignTraker agent picker', () => {
	it('is on Agent ID, Awarded To and the Awarded To filter, all calling searchAgents', () => {
		const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
		expect(pickersOf(new SignTraker()).sort(byName)).toEqual([
			{ name: 'agentId', method: 'searchAgents' },
			{ name: 'awardedTo', method: 'searchAgents' },
			{ name: 'awardedTo', method: 'searchAgents' },
		]);
	});

	it('lets SignTraker search first name, last name and email, shown as "name (email)"', async () => {
		signTraker()
			.get('/api/agents')
			.query({
				$filter:
					"contains(tolower(FirstName),'jane') or contains(tolower(LastName),'jane') or contains(tolower(Email),'jane')",
				$orderby: 'LastName,FirstName',
				$top: '50',
			})
			.reply(200, [agent(101, 'Jane', 'Doe')]);
		expect(await searchAgents(' Jane ')).toEqual({
			results: [{ name: 'Jane Doe (jane@example.com)', value: '101' }],
		});
	});

	it('doubles a quote in the search, as OData string literals need', async () => {
		signTraker()
			.get('/api/agents')
			.query(
				(query) =>
					query.$filter ===
					"contains(tolower(FirstName),'o''brien') or contains(tolower(LastName),'o''brien') or contains(tolower(Email),'o''brien')",
			)
			.reply(200, []);
		expect(await searchAgents("O'Brien")).toEqual({ results: [] });
	});

	it('pages with $skip: a full page hands back a token, the short page after it none', async () => {
		signTraker()
			.get('/api/agents')
			.query({ $orderby: 'LastName,FirstName', $top: '50' })
			.reply(200, agents(1, 50))
			.get('/api/agents')
			.query({ $orderby: 'LastName,FirstName', $top: '50', $skip: '50' })
			.reply(200, agents(51, 3));
		const first = await searchAgents();
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		const second = await searchAgents(undefined, first.paginationToken);
		expect(second.results.map((entry) => entry.value)).toEqual(['51', '52', '53']);
		expect(second.paginationToken).toBeUndefined();
	});

	it('shows an agent without a name by user name, or by ID', async () => {
		signTraker()
			.get('/api/agents')
			.query(true)
			.reply(200, [
				{ Id: 7, UserName: 'jdoe' },
				{ Id: 8, Email: 'x@example.com' },
			]);
		expect((await searchAgents()).results).toEqual([
			{ name: 'jdoe', value: '7' },
			{ name: 'Agent 8 (x@example.com)', value: '8' },
		]);
	});

	it("shows SignTraker's own words when the API key is refused", async () => {
		signTraker()
			.get('/api/agents')
			.query(true)
			.reply(401, { Message: 'Authorization has been denied for this request.' });
		await expect(searchAgents()).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Authorization has been denied for this request.',
			httpCode: '401',
			description: expect.stringContaining('Check the API key in the SignTraker credential'),
		});
	});

	it('refuses a reply that is not a list', async () => {
		signTraker().get('/api/agents').query(true).reply(200, { Id: 1 });
		await expect(searchAgents()).rejects.toThrow(
			'SignTraker sent a list response that is not a JSON array',
		);
	});
});

describe('SignTraker agent IDs in picker shape', () => {
	const fromList = (value: string) => ({
		__rl: true,
		mode: 'list',
		value,
		cachedResultName: 'Jane Doe (jane@example.com)',
	});

	it('gets the agent picked from the list', async () => {
		mockApi(BASE)
			.get('/api/agents/101')
			.reply(200, agent(101, 'Jane', 'Doe'));
		const { items } = await runSignTraker({
			resource: 'agent',
			operation: 'get',
			agentId: fromList('101'),
		});
		expect(items[0].json.Id).toBe(101);
	});

	it('awards to an agent given By ID through an expression, and lists by the picked filter', async () => {
		mockApi(BASE)
			.post('/api/credits/awards', { Name: 'Bonus', AwardedTo: { Id: 101 }, TotalAmount: 5 })
			.reply(200, { Id: 9 })
			.get('/api/credits/awards')
			.query({ awardedTo: '101', $top: '50' })
			.reply(200, []);
		const created = await runSignTraker(
			{
				resource: 'creditAward',
				operation: 'create',
				name: 'Bonus',
				awardedTo: { __rl: true, mode: 'id', value: '={{ $json.agent }}' },
				totalAmount: 5,
			},
			{ items: [{ agent: 101 }] },
		);
		expect(created.items[0].json).toEqual({ Id: 9 });
		await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			filters: { awardedTo: fromList('101') },
		});
	});

	it('takes the agent ID an AI agent gives through $fromAI in By ID', async () => {
		mockApi(BASE).get('/api/agents/55').reply(200, agent(55));
		const { items } = await runSignTraker(
			{
				resource: 'agent',
				operation: 'get',
				agentId: {
					__rl: true,
					mode: 'id',
					value: "={{ $fromAI('agentId', 'The numeric ID of the agent', 'number') }}",
				},
			},
			{ items: [{ query: { agentId: 55 } }] },
		);
		expect(items[0].json.Id).toBe(55);
	});

	it('refuses a By ID value that is no agent ID before the run, as the editor flags it', async () => {
		await expect(
			runSignTraker({
				resource: 'agent',
				operation: 'get',
				agentId: { __rl: true, mode: 'id', value: 'jane' },
			}),
		).rejects.toThrow('The Agent ID must be a whole number, such as 42');
	});

	it('validates an ID an expression gives By ID as before, naming the parameter and the item', async () => {
		const { error } = await runSignTraker(
			{
				resource: 'agent',
				operation: 'get',
				agentId: { __rl: true, mode: 'id', value: '={{ $json.agent }}' },
			},
			{ items: [{ agent: 'jane' }] },
		);
		expect(error?.message).toBe(
			'The parameter "Agent ID" must be a whole number of 1 or more, got "jane" (item 0)',
		);
	});

	it('refuses an Awarded To filter whose picker was left empty instead of listing every award', async () => {
		const { error } = await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			filters: { awardedTo: { __rl: true, mode: 'list', value: '' } },
		});
		expect(error?.message).toBe('The parameter "Awarded To (Agent ID)" is empty (item 0)');
	});
});
