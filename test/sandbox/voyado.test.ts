import { useSandbox } from './sandboxProcess';

const CONTACT = '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b';
const headers = {
	apikey: 'sandbox-voyado-key',
	'Content-Type': 'application/json',
	'User-Agent': 'test/1',
};
const row = (amount: number, extra: object = {}) => ({
	contactId: CONTACT,
	definitionId: 1,
	amount,
	source: 'Purchase',
	description: 'test',
	...extra,
});
const sandbox = useSandbox();

const post = (rows: unknown, extraHeaders: Record<string, string> = {}) =>
	sandbox().request('/voyado/api/v2/point-accounts/transactions', {
		method: 'POST',
		headers: { ...headers, ...extraHeaders },
		body: JSON.stringify(rows),
	});
const balance = async (accountId: number) =>
	(await sandbox().request(`/voyado/api/v2/point-accounts/${accountId}`, { headers })).json<{
		balance: number;
	}>().balance;

describe('sandbox: Voyado Engage', () => {
	it('wants the apikey header and a JSON content type on every request', async () => {
		const wrongKey = await sandbox().request('/voyado/api/v2/point-accounts/definitions', {
			headers: { ...headers, apikey: 'x' },
		});
		expect(wrongKey.status).toBe(401);
		const noContentType = await sandbox().request('/voyado/api/v2/point-accounts/definitions', {
			headers: { apikey: headers.apikey },
		});
		expect(noContentType.status).toBe(500);
	});

	it('returns definitions as a plain array and accounts as a paged result with a next link', async () => {
		const definitions = await sandbox().request(
			'/voyado/api/v2/point-accounts/definitions?offset=0&count=1',
			{ headers },
		);
		expect(definitions.json()).toEqual([expect.objectContaining({ id: 1, name: 'Bonus points' })]);

		const page = await sandbox().request(
			`/voyado/api/v2/point-accounts?contactId=${CONTACT}&offset=0&count=1`,
			{ headers },
		);
		const result = page.json<{
			items: unknown[];
			totalCount: number;
			offset: number;
			count: number;
			links: Array<{ rel: string; href: string }>;
		}>();
		expect(result).toMatchObject({ totalCount: 2, offset: 0, count: 1 });
		expect(result.items).toHaveLength(1);
		expect(result.links.find((link) => link.rel === 'next')?.href).toContain('offset=1');
	});

	it('adds points to the balance and reports rows it did not accept', async () => {
		const reply = await post([
			row(10),
			row(1, { contactId: 'not-a-guid' }),
			row(1, { source: undefined }),
			row(1, { definitionId: 99 }),
			row(1, { contactId: '00000000-0000-4000-8000-000000000000' }),
		]);
		expect(reply.status).toBe(200);
		const result = reply.json<{
			notAccepted: unknown[];
			errorMessages: string[];
			missingDefinitionIds: number[];
			missingContactIds: string[];
		}>();
		expect(result.notAccepted).toHaveLength(4);
		expect(result.missingDefinitionIds).toEqual([99]);
		expect(result.missingContactIds).toEqual(['00000000-0000-4000-8000-000000000000']);
		expect(result.errorMessages.join('\n')).toMatch(
			/Row 1: .*not a valid GUID[\s\S]*Row 2: source is required/,
		);
		expect(await balance(1001)).toBe(260);
	});

	it('refuses more than 1000 rows in one request', async () => {
		const reply = await post(Array.from({ length: 1001 }, () => row(1)));
		expect(reply.status).toBe(400);
		expect(await balance(1001)).toBe(250);
	});

	it('replays the stored response for a repeated Idempotency-Key without applying it twice', async () => {
		const first = await post([row(5)], { 'Idempotency-Key': 'order-1' });
		const second = await post([row(5)], { 'Idempotency-Key': 'order-1' });
		expect(second.text).toBe(first.text);
		expect(await balance(1001)).toBe(255);
		const replays = (await sandbox().recorded('voyado'))
			.filter((request) => request.method === 'POST')
			.map((request) => request.replayed);
		expect(replays).toEqual([false, true]);
	});

	it('lists transactions by account or by contact and definition', async () => {
		await post([row(7)]);
		const byAccount = await sandbox().request(
			'/voyado/api/v2/point-accounts/transactions?accountId=1001&filter=Active',
			{ headers },
		);
		expect(byAccount.json<{ totalCount: number }>().totalCount).toBe(2);
		const byContact = await sandbox().request(
			`/voyado/api/v2/point-accounts/transactions?contactId=${CONTACT}&definitionId=1`,
			{ headers },
		);
		expect(byContact.json<{ totalCount: number }>().totalCount).toBe(2);
		const neither = await sandbox().request('/voyado/api/v2/point-accounts/transactions', {
			headers,
		});
		expect(neither.status).toBe(400);
	});

	describe('contacts, as "Find contact" documents the lookup', () => {
		const lookup = async (query: string) => {
			const answer = await sandbox().request(`/voyado/api/v2/contacts/id?${query}`, { headers });
			return [answer.status, answer.json<unknown>()];
		};
		const code = (errorCode: string) => expect.objectContaining({ errorCode });

		it('finds the ID (a JSON string) by email (with its + encoded), phone, social security number or member number', async () => {
			for (const query of [
				'email=jane%2Bshop%40example.com',
				'email=JANE%2BSHOP%40example.com',
				'mobilePhone=%2B46701234567',
				'socialSecurityNumber=19850101-1234',
				'customKey=100234',
				'customKey=100234&contactType=Member',
			])
				expect(await lookup(query)).toEqual([200, CONTACT]);
		});

		it('"any" tries email, social security number, phone, then custom key, and stops at the first valid kind', async () => {
			expect(await lookup('any=jane%2Bshop%40example.com')).toEqual([200, CONTACT]);
			expect(await lookup('any=198501011234')).toEqual([200, CONTACT]);
			expect(await lookup('any=%2B46701234567')).toEqual([200, CONTACT]);
			// A member number that looks like a phone number is searched as one.
			expect(await lookup('any=1002340')).toEqual([404, code('ContactNotFound')]);
		});

		it('404 ContactNotFound, 409 MultipleMatches, 400 Invalid*', async () => {
			expect(await lookup('email=jane%20shop%40example.com')).toEqual([
				400,
				code('InvalidEmailAddress'),
			]);
			expect(await lookup('email=nobody%40example.com')).toEqual([404, code('ContactNotFound')]);
			expect(await lookup('email=family%40example.com')).toEqual([409, code('MultipleMatches')]);
			expect(await lookup('customKey=100234&contactType=Contact')).toEqual([
				404,
				code('ContactNotFound'),
			]);
			expect(await lookup('mobilePhone=12')).toEqual([400, code('InvalidPhoneNumber')]);
			expect(await lookup('socialSecurityNumber=1985')).toEqual([
				400,
				code('InvalidSocialSecurityNumber'),
			]);
			expect(await lookup('email=a%40b.se&contactType=Gold')).toEqual([
				400,
				code('InvalidContactType'),
			]);
			expect(await lookup('email=a%40b.se&customKey=1')).toEqual([400, code('InvalidSearchQuery')]);
		});

		it('reads a contact by ID', async () => {
			const contact = await sandbox().request(`/voyado/api/v2/contacts/${CONTACT}`, { headers });
			expect(contact.json()).toMatchObject({ id: CONTACT, contactType: 'Member' });
			const missing = await sandbox().request(
				'/voyado/api/v2/contacts/00000000-0000-4000-8000-000000000000',
				{ headers },
			);
			expect(missing.status).toBe(404);
		});
	});
});
