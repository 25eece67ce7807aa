import type { IDataObject } from 'n8n-workflow';
import { expectNoRequests } from '../harness/mockApi';

import { CONTACT, engage, OTHER_CONTACT, runVoyado } from './helpers';

const ACCOUNTS = '/api/v2/point-accounts';
const DEFINITIONS = '/api/v2/point-accounts/definitions';
const TRANSACTIONS = '/api/v2/point-accounts/transactions';

function records(from: number, count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({ id: from + index }));
}

/** A paged result as Engage sends it. */
function paged(items: IDataObject[], totalCount: number, offset: number) {
	return { items, totalCount, offset, count: items.length, links: [] };
}

/** Runs the node and expects it to stop with `message` without having sent anything. */
async function expectRefusedBeforeAnyRequest(
	parameters: IDataObject,
	item: IDataObject,
	message: string | RegExp,
) {
	const { error } = await runVoyado(parameters, { items: [item] });
	expect(error?.message).toMatch(message);
	expectNoRequests();
}

const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.id);

describe('Voyado Engage get operations', () => {
	it.each([
		['pointAccount', 'accountId', '/api/v2/point-accounts/1001'],
		['pointDefinition', 'definitionId', '/api/v2/point-accounts/definitions/2'],
		['pointTransaction', 'transactionId', '/api/v2/point-accounts/transactions/5001'],
	])('%s.get sends GET %s and outputs the record as it is', async (resource, idName, path) => {
		const record = {
			id: Number(path.split('/').pop()),
			links: [{ href: `https://acme.voyado.com${path}`, method: 'GET', rel: 'self' }],
		};
		engage().get(path).reply(200, record);
		const { items, rawOutputs } = await runVoyado({
			resource,
			operation: 'get',
			[idName]: path.split('/').pop(),
		});
		expect(items.map((item) => item.json)).toEqual([record]);
		expect(rawOutputs[0][0][0].pairedItem).toEqual({ item: 0 });
	});

	it('gets one record per input item, paired with it', async () => {
		engage().get(`${ACCOUNTS}/1`).reply(200, { id: 1 }).get(`${ACCOUNTS}/2`).reply(200, { id: 2 });
		const { rawOutputs } = await runVoyado(
			{ resource: 'pointAccount', operation: 'get', accountId: '={{ $json.account }}' },
			{ items: [{ account: 1 }, { account: 2 }] },
		);
		expect(rawOutputs[0][0].map((item) => [item.json.id, item.pairedItem])).toEqual([
			[1, { item: 0 }],
			[2, { item: 1 }],
		]);
	});

	it.each(['abc', '0', '-3', '1.5'])(
		'rejects the account ID %j before any request',
		async (accountId) => {
			await expectRefusedBeforeAnyRequest(
				{ resource: 'pointAccount', operation: 'get', accountId },
				{},
				`The parameter "Account ID" must be a whole number of 1 or more, got "${accountId}" (item 0)`,
			);
		},
	);
});

/** One GET per page, in order: [offset, count asked for, records returned, totalCount]. */
type PageSpec = [offset: number, count: number, returned: number, total: number];

function expectAccountPages(pages: PageSpec[]) {
	const scope = engage();
	for (const [offset, count, returned, total] of pages) {
		scope
			.get(ACCOUNTS)
			.query({ contactId: CONTACT, offset, count })
			.reply(200, paged(records(offset + 1, returned), total, offset));
	}
	return scope;
}

const listAccounts = (extra: IDataObject = {}) =>
	runVoyado({ resource: 'pointAccount', operation: 'getAll', contactId: CONTACT, ...extra });

const idsUpTo = (count: number) => records(1, count).map((record) => record.id);

describe('Voyado Engage pointAccount.getAll', () => {
	it('sends contactId with offset/count and stops at the limit', async () => {
		expectAccountPages([[0, 50, 50, 300]]);
		const { items } = await listAccounts();
		expect(ids(items)).toEqual(idsUpTo(50));
	});

	it('returns all pages of 100 until totalCount is reached', async () => {
		expectAccountPages([
			[0, 100, 100, 250],
			[100, 100, 100, 250],
			[200, 100, 50, 250],
		]);
		const { items, rawOutputs } = await listAccounts({ returnAll: true });
		expect(ids(items)).toEqual(idsUpTo(250));
		const pairs = new Set(rawOutputs[0][0].map((item) => JSON.stringify(item.pairedItem)));
		expect([...pairs]).toEqual([JSON.stringify({ item: 0 })]);
	});

	it('does not ask for a page past totalCount when the last page is full', async () => {
		expectAccountPages([[0, 100, 100, 100]]);
		const { items } = await listAccounts({ returnAll: true });
		expect(items).toHaveLength(100);
	});

	it('keeps paging after a short page while totalCount says there is more (Engage may cap count)', async () => {
		expectAccountPages([
			[0, 100, 60, 120],
			[60, 100, 60, 120],
		]);
		const { items } = await listAccounts({ returnAll: true });
		expect(ids(items)).toEqual(idsUpTo(120));
	});

	it('honours the limit exactly across pages', async () => {
		expectAccountPages([
			[0, 100, 100, 500],
			[100, 50, 50, 500],
		]);
		const { items } = await listAccounts({ limit: 150 });
		expect(ids(items)).toEqual(idsUpTo(150));
	});

	it('outputs nothing for a contact without accounts', async () => {
		engage()
			.get(ACCOUNTS)
			.query(true)
			.reply(200, paged([], 0, 0));
		const { items, error } = await listAccounts({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0);
	});

	// Empty values reach the node through expressions; n8n itself refuses an empty required field.
	it.each(['', '  ', 'not-a-guid', '5b8f3c3e2d9a4e1f9c7b0a1d2e3f4a5b'])(
		'rejects the contact ID %j before any request',
		async (contact) => {
			await expectRefusedBeforeAnyRequest(
				{ resource: 'pointAccount', operation: 'getAll', contactId: '={{ $json.contact }}' },
				{ contact },
				/^The parameter "Contact ID" (is required but empty|must be a GUID.*) \(item 0\)$/,
			);
		},
	);

	it('rejects a list body that is neither an array nor {items}', async () => {
		engage().get(ACCOUNTS).query(true).reply(200, { something: 'else' });
		const { error } = await listAccounts();
		expect(error?.message).toContain('neither a JSON array nor {items, totalCount}');
	});
});

/** One GET per page, in order: [offset, count asked for, records returned as a plain array]. */
function expectDefinitionPages(pages: Array<[offset: number, count: number, returned: number]>) {
	const scope = engage();
	for (const [offset, count, returned] of pages) {
		scope
			.get(DEFINITIONS)
			.query({ offset, count })
			.reply(200, records(offset + 1, returned));
	}
	return scope;
}

const listDefinitions = (extra: IDataObject) =>
	runVoyado({ resource: 'pointDefinition', operation: 'getAll', ...extra });

describe('Voyado Engage pointDefinition.getAll (a plain array)', () => {
	it('stops on a short page', async () => {
		expectDefinitionPages([
			[0, 100, 100],
			[100, 100, 30],
		]);
		const { items } = await listDefinitions({ returnAll: true });
		expect(ids(items)).toEqual(idsUpTo(130));
	});

	it('stops on an empty page after a full one', async () => {
		expectDefinitionPages([
			[0, 100, 100],
			[100, 100, 0],
		]);
		const { items } = await listDefinitions({ returnAll: true });
		expect(items).toHaveLength(100);
	});

	it('asks for no more than the limit', async () => {
		expectDefinitionPages([[0, 3, 3]]);
		const { items } = await listDefinitions({ limit: 3 });
		expect(ids(items)).toEqual([1, 2, 3]);
	});

	it('also reads definitions sent as a paged result', async () => {
		engage()
			.get(DEFINITIONS)
			.query(true)
			.reply(200, paged(records(1, 2), 2, 0));
		const { items } = await listDefinitions({ returnAll: true });
		expect(ids(items)).toEqual([1, 2]);
	});
});

describe('Voyado Engage pointTransaction.getAll', () => {
	it('lists by account with the status filter', async () => {
		engage()
			.get(TRANSACTIONS)
			.query({ accountId: 1001, offset: 0, count: 100, filter: 'Pending' })
			.reply(200, paged(records(1, 100), 150, 0))
			.get(TRANSACTIONS)
			.query({ accountId: 1001, offset: 100, count: 100, filter: 'Pending' })
			.reply(200, paged(records(101, 50), 150, 100));
		const { items } = await runVoyado({
			resource: 'pointTransaction',
			operation: 'getAll',
			lookupBy: 'account',
			accountId: '1001',
			returnAll: true,
			filters: { status: 'Pending' },
		});
		expect(items).toHaveLength(150);
	});

	it('lists by contact and definition, without a filter when none is chosen', async () => {
		engage()
			.get(TRANSACTIONS)
			.query(
				(query) =>
					JSON.stringify(query) ===
					JSON.stringify({ contactId: CONTACT, definitionId: '2', offset: '0', count: '50' }),
			)
			.reply(200, paged(records(1, 2), 2, 0));
		const { items } = await runVoyado({
			resource: 'pointTransaction',
			operation: 'getAll',
			lookupBy: 'contactAndDefinition',
			contactId: CONTACT,
			definitionId: '2',
		});
		expect(ids(items)).toEqual([1, 2]);
	});

	it.each(['All', 'Active'])('sends the %s status as filter', async (status) => {
		engage()
			.get(TRANSACTIONS)
			.query({ accountId: 7, offset: 0, count: 50, filter: status })
			.reply(200, paged([], 0, 0));
		await runVoyado({
			resource: 'pointTransaction',
			operation: 'getAll',
			accountId: '7',
			filters: { status },
		});
	});

	it.each([
		[{ contact: CONTACT }, 'Definition ID'],
		[{ definition: 2 }, 'Contact ID'],
		[{}, 'Contact ID'],
	])('requires contact and definition together (%j) before any request', async (item, missing) => {
		await expectRefusedBeforeAnyRequest(
			{
				resource: 'pointTransaction',
				operation: 'getAll',
				lookupBy: 'contactAndDefinition',
				contactId: '={{ $json.contact }}',
				definitionId: '={{ $json.definition }}',
			},
			item,
			`The parameter "${missing}" is required: Contact ID and Definition ID must be given together (item 0)`,
		);
	});

	it('rejects a contact ID that is not a GUID before any request', async () => {
		await expectRefusedBeforeAnyRequest(
			{
				resource: 'pointTransaction',
				operation: 'getAll',
				lookupBy: 'contactAndDefinition',
				contactId: 'someone@example.com',
				definitionId: '2',
			},
			{},
			/^The parameter "Contact ID" must be a GUID/,
		);
	});

	it('rejects a missing account ID before any request', async () => {
		await expectRefusedBeforeAnyRequest(
			{
				resource: 'pointTransaction',
				operation: 'getAll',
				lookupBy: 'account',
				accountId: '={{ $json.account }}',
			},
			{},
			'The parameter "Account ID" must be a whole number of 1 or more, got undefined (item 0)',
		);
	});

	it('with Continue On Fail, a bad item yields its error item and the others are listed', async () => {
		engage()
			.get(TRANSACTIONS)
			.query({ contactId: OTHER_CONTACT, definitionId: 1, offset: 0, count: 50 })
			.reply(200, paged(records(9, 1), 1, 0));
		const { rawOutputs } = await runVoyado(
			{
				resource: 'pointTransaction',
				operation: 'getAll',
				lookupBy: 'contactAndDefinition',
				contactId: '={{ $json.contact }}',
				definitionId: '1',
			},
			{ items: [{ contact: 'nobody' }, { contact: OTHER_CONTACT }], continueOnFail: true },
		);
		expect(rawOutputs[0][0]).toEqual([
			{ json: { error: expect.stringContaining('must be a GUID') }, pairedItem: { item: 0 } },
			{ json: { id: 9 }, pairedItem: { item: 1 } },
		]);
	});
});
