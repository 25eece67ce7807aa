import { VoyadoEngageApi } from '../../credentials/VoyadoEngageApi.credentials';
import { VoyadoEngage } from '../../nodes/VoyadoEngage/VoyadoEngage.node';
import { pickersOf, runListSearch } from '../harness/listSearch';
import { API_KEY, BASE, CONTACT, engage, recordPosts, runVoyado } from './helpers';

const DEFINITIONS = '/api/v2/point-accounts/definitions';
const definition = (id: number, name = `Points ${id}`) => ({
	id,
	name,
	description: `About ${id}`,
});
const definitions = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => definition(from + index));

function searchDefinitions(filter?: string, paginationToken?: string) {
	return runListSearch({
		node: new VoyadoEngage(),
		credentialTypes: [new VoyadoEngageApi()],
		credentials: { voyadoEngageApi: { apiKey: API_KEY, baseUrl: BASE } },
		method: 'searchDefinitions',
		parameterPath: 'definitionId',
		parameters: { resource: 'pointDefinition', operation: 'get' },
		filter,
		paginationToken,
	});
}

describe('Voyado point definition picker', () => {
	it('is on every Definition ID', () => {
		expect(pickersOf(new VoyadoEngage())).toEqual([
			{ name: 'definitionId', method: 'searchDefinitions' },
			{ name: 'definitionId', method: 'searchDefinitions' },
			{ name: 'definitionId', method: 'searchDefinitions' },
		]);
	});

	it('shows the definitions by name and description, with the apikey and headers Engage needs', async () => {
		engage()
			.get(DEFINITIONS)
			.query({ offset: '0', count: '50' })
			.reply(200, [definition(1, 'Bonus points'), definition(2, 'Level points')]);
		expect(await searchDefinitions()).toEqual({
			results: [
				{ name: 'Bonus points (About 1)', value: '1' },
				{ name: 'Level points (About 2)', value: '2' },
			],
		});
	});

	it('searches the names itself (Engage cannot filter), in any letter case', async () => {
		engage()
			.get(DEFINITIONS)
			.query({ offset: '0', count: '50' })
			.reply(200, [definition(1, 'Bonus points'), definition(2, 'Level points')]);
		expect((await searchDefinitions('LEVEL')).results.map((entry) => entry.value)).toEqual(['2']);
	});

	it('pages with offset/count, and keeps fetching while a search finds nothing on a page', async () => {
		engage()
			.get(DEFINITIONS)
			.query({ offset: '0', count: '50' })
			.reply(200, definitions(1, 50))
			.get(DEFINITIONS)
			.query({ offset: '50', count: '50' })
			.reply(200, [...definitions(51, 49), definition(100, 'Rare badge')])
			.get(DEFINITIONS)
			.query({ offset: '100', count: '50' })
			.reply(200, [definition(101, 'Rare gem')]);
		const first = await searchDefinitions('rare');
		expect(first).toEqual({
			results: [{ name: 'Rare badge (About 100)', value: '100' }],
			paginationToken: '100',
		});
		const second = await searchDefinitions('rare', first.paginationToken);
		expect(second).toEqual({
			results: [{ name: 'Rare gem (About 101)', value: '101' }],
		});
	});

	it('shows a definition without a description or name by what it has', async () => {
		engage()
			.get(DEFINITIONS)
			.query(true)
			.reply(200, [
				{ id: 3, name: 'Plain points' },
				{ id: 4, description: 'Unnamed' },
			]);
		expect((await searchDefinitions()).results).toEqual([
			{ name: 'Plain points', value: '3' },
			{ name: 'Definition 4 (Unnamed)', value: '4' },
		]);
	});

	it('answers an empty list with no entries and no token', async () => {
		engage().get(DEFINITIONS).query(true).reply(200, []);
		expect(await searchDefinitions()).toEqual({ results: [] });
	});

	it("shows Engage's own words when the API key is refused", async () => {
		engage()
			.get(DEFINITIONS)
			.query(true)
			.reply(401, { errorCode: 'Unauthorized', message: 'The API key is not valid.' });
		await expect(searchDefinitions()).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'The API key is not valid.',
			httpCode: '401',
		});
	});
});

describe('Voyado definition IDs in picker shape', () => {
	const picked = { __rl: true, mode: 'list', value: '2', cachedResultName: 'Level points' };

	it('gets the picked definition', async () => {
		engage().get(`${DEFINITIONS}/2`).reply(200, definition(2));
		const { items } = await runVoyado({
			resource: 'pointDefinition',
			operation: 'get',
			definitionId: picked,
		});
		expect(items[0].json).toEqual(definition(2));
	});

	it("lists a contact's transactions of the picked definition", async () => {
		engage()
			.get('/api/v2/point-accounts/transactions')
			.query({ contactId: CONTACT, definitionId: '2', offset: '0', count: '50' })
			.reply(200, { items: [], totalCount: 0 });
		await runVoyado({
			resource: 'pointTransaction',
			operation: 'getAll',
			lookupBy: 'contactAndDefinition',
			contactId: CONTACT,
			definitionId: picked,
		});
	});

	it('sends the picked definition as a number in every row of a batch', async () => {
		const { posts } = recordPosts(1);
		await runVoyado(
			{
				resource: 'pointTransaction',
				operation: 'add',
				contactId: CONTACT,
				definitionId: picked,
				amount: '={{ $json.amount }}',
				source: 'Purchase',
				description: 'Order',
			},
			{ items: [{ amount: 5 }, { amount: 7 }] },
		);
		expect(posts[0].body.map((row) => [row.definitionId, row.amount])).toEqual([
			[2, 5],
			[2, 7],
		]);
	});

	it('stops before any request when the picker is left empty for a contact lookup', async () => {
		await expect(
			runVoyado({
				resource: 'pointTransaction',
				operation: 'getAll',
				lookupBy: 'contactAndDefinition',
				contactId: CONTACT,
				definitionId: { __rl: true, mode: 'list', value: '' },
			}),
		).rejects.toThrow('Parameter "Definition ID" is required.');
	});
});
