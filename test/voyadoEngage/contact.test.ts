import type { IDataObject } from 'n8n-workflow';

import { expectNoRequests } from '../harness/mockApi';
import { CONTACT, engage, OTHER_CONTACT, runVoyado } from './helpers';

/** Engage's contact lookup ("Find contact", developer.voyado.com/en/contacts/identify-contact/find-contact.html). */
const LOOKUP = '/api/v2/contacts/id';
const PHONE = '+46739876543';
const SSN = '198501011234';

const find = (findBy: string, value: string, options: IDataObject = {}): IDataObject => ({
	resource: 'contact',
	operation: 'find',
	findBy,
	value,
	options,
});

/** Engage's answer to a search for `query` (and the recorded request). */
const lookup = (query: IDataObject) =>
	engage()
		.get(LOOKUP)
		.query(query as Record<string, string>);

/** Engage's error body: the code and a text (the shape is not documented; the code is what counts). */
const engageError = (errorCode: string, message = errorCode) => ({ errorCode, message });

describe('Voyado Engage Contact → Find', () => {
	it.each([
		['email', 'jane@example.com'],
		['mobilePhone', PHONE],
		['socialSecurityNumber', SSN],
		['customKey', 'M-1001'],
		['any', 'jane@example.com'],
	])(
		'by %s: GET /api/v2/contacts/id?%s=…, the ID Engage returns as a JSON string',
		async (findBy, value) => {
			const api = lookup({ [findBy]: value }).reply(200, JSON.stringify(CONTACT));
			const { rawOutputs } = await runVoyado(find(findBy, value));
			expect(rawOutputs[0][0]).toEqual([
				{ json: { contactId: CONTACT, found: true, findBy, value }, pairedItem: { item: 0 } },
			]);
			expect(api.requests().map((request) => [request.method, request.path])).toEqual([
				['GET', LOOKUP],
			]);
		},
	);

	it('URL-encodes the value: an email with + arrives with its + (%2B), not as a space', async () => {
		const value = 'jane+shop@example.com';
		const api = lookup({ email: value }).reply(200, JSON.stringify(CONTACT));
		const { items } = await runVoyado(find('email', value));
		expect(items[0].json.contactId).toBe(CONTACT);
		const [request] = api.requests();
		expect(new URL(request.url).search).toMatch(/^\?email=jane%2Bshop(%40|@)example\.com$/);
	});

	it('sends Options → Contact Type as contactType', async () => {
		lookup({ customKey: 'M-1001', contactType: 'Member' }).reply(200, JSON.stringify(CONTACT));
		const { items } = await runVoyado(find('customKey', 'M-1001', { contactType: 'Member' }));
		expect(items[0].json.contactId).toBe(CONTACT);
	});

	it('one lookup per input item, each output paired with its item', async () => {
		lookup({ email: 'a@example.com' })
			.reply(200, JSON.stringify(CONTACT))
			.get(LOOKUP)
			.query({ email: 'b@example.com' })
			.reply(200, JSON.stringify(OTHER_CONTACT));
		const { rawOutputs } = await runVoyado(find('email', '={{ $json.email }}'), {
			items: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
		});
		expect(rawOutputs[0][0].map((item) => [item.json.contactId, item.pairedItem])).toEqual([
			[CONTACT, { item: 0 }],
			[OTHER_CONTACT, { item: 1 }],
		]);
	});

	// Find is a read: reads stream (issue 21), so an empty value in item 0 is what no request precedes.
	it('an empty value is refused before any request, naming the parameter and the item', async () => {
		const { error } = await runVoyado(find('email', '={{ $json.email }}'), {
			items: [{ email: '' }, { email: 'a@example.com' }],
		});
		expect(error?.message).toBe('The parameter "Value" is required but empty (item 0)');
		expectNoRequests();
	});

	describe('404 ContactNotFound', () => {
		it('is an error for the item, httpCode "404", naming what was searched', async () => {
			lookup({ email: 'new@example.com' }).reply(404, engageError('ContactNotFound'));
			const { error } = await runVoyado(find('email', 'new@example.com'));
			expect(error?.name).toBe('NodeApiError');
			expect(error?.httpCode).toBe('404');
			expect(error?.message).toBe('No Voyado Engage contact has the email "new@example.com"');
			expect(error?.description).toMatch(/When Not Found/);
		});

		it('with Continue On Fail: an error item with httpCode "404"; the other items go on', async () => {
			lookup({ email: 'new@example.com' })
				.reply(404, engageError('ContactNotFound'))
				.get(LOOKUP)
				.query({ email: 'jane@example.com' })
				.reply(200, JSON.stringify(CONTACT));
			const { rawOutputs } = await runVoyado(find('email', '={{ $json.email }}'), {
				items: [{ email: 'new@example.com' }, { email: 'jane@example.com' }],
				continueOnFail: true,
			});
			const [missing, found] = rawOutputs[0][0];
			expect(missing.pairedItem).toEqual({ item: 0 });
			expect(missing.json).toMatchObject({
				error: 'No Voyado Engage contact has the email "new@example.com"',
				httpCode: '404',
			});
			expect(found.json.contactId).toBe(CONTACT);
		});

		it('When Not Found → Output an Item: { contactId: null, found: false } for a buyer who is not a member yet', async () => {
			lookup({ email: 'new@example.com' }).reply(404, engageError('ContactNotFound'));
			const { rawOutputs } = await runVoyado(
				find('email', 'new@example.com', { whenNotFound: 'outputItem' }),
			);
			expect(rawOutputs[0][0]).toEqual([
				{
					json: { contactId: null, found: false, findBy: 'email', value: 'new@example.com' },
					pairedItem: { item: 0 },
				},
			]);
		});

		it('Find By "Any": the hint says which kinds Engage tries, and in which order', async () => {
			lookup({ any: '0701234567' }).reply(404, engageError('ContactNotFound'));
			const { error } = await runVoyado(find('any', '0701234567'));
			expect(error?.httpCode).toBe('404');
			expect(error?.description).toMatch(/email, then social security number, then mobile phone/);
		});
	});

	describe('409 MultipleMatches', () => {
		it('is an error saying more than one contact matched and how to narrow the search', async () => {
			lookup({ email: 'family@example.com' }).reply(409, engageError('MultipleMatches'));
			const { error } = await runVoyado(find('email', 'family@example.com'));
			expect(error?.httpCode).toBe('409');
			expect(error?.message).toBe(
				'More than one Voyado Engage contact has the email "family@example.com", so none was chosen',
			);
			expect(error?.description).toMatch(/member number .*Contact Type/);
		});

		it('stays an error with When Not Found → Output an Item: no contact is guessed', async () => {
			lookup({ email: 'family@example.com' }).reply(409, engageError('MultipleMatches'));
			const { error } = await runVoyado(
				find('email', 'family@example.com', { whenNotFound: 'outputItem' }),
			);
			expect(error?.httpCode).toBe('409');
		});
	});

	describe('400: the Invalid* code as an error naming the parameter', () => {
		it.each([
			[
				'email',
				'jane@',
				'InvalidEmailAddress',
				/^The parameter "Value" is not an email address Engage accepts/,
			],
			[
				'mobilePhone',
				'12',
				'InvalidPhoneNumber',
				/^The parameter "Value" is not a mobile phone number/,
			],
			[
				'socialSecurityNumber',
				'1985',
				'InvalidSocialSecurityNumber',
				/^The parameter "Value" is not a social security number/,
			],
			['email', '"', 'InvalidSearchQuery', /^The parameter "Value" is not a search Engage can run/],
		])('find by %s "%s": %s', async (findBy, value, code, message) => {
			lookup({ [findBy]: value }).reply(400, engageError(code));
			const { error } = await runVoyado(find(findBy, value));
			expect(error?.httpCode).toBe('400');
			expect(error?.message).toMatch(message);
			expect(error?.description).toContain(`Engage answered ${code}.`);
		});

		it('InvalidContactType names Options → Contact Type and its value', async () => {
			lookup({ email: 'jane@example.com', contactType: 'Gold' }).reply(
				400,
				engageError('InvalidContactType'),
			);
			const { error } = await runVoyado(find('email', 'jane@example.com', { contactType: 'Gold' }));
			expect(error?.message).toBe(
				'The parameter "Contact Type" is not a contact type of this Engage tenant ("Gold")',
			);
		});

		it('a 400 without a known code still names the value', async () => {
			lookup({ email: 'x' }).reply(400, { message: 'Bad request' });
			const { error } = await runVoyado(find('email', 'x'));
			expect(error?.httpCode).toBe('400');
			expect(error?.message).toBe(
				'The parameter "Value" was refused by Engage as a search value (the email "x")',
			);
		});
	});

	it('a 200 without a contact ID is an error, not an item without one', async () => {
		lookup({ email: 'jane@example.com' }).reply(200, { items: [] });
		const { error } = await runVoyado(find('email', 'jane@example.com'));
		expect(error?.message).toBe('Voyado Engage answered the contact lookup without a contact ID');
	});

	describe('a phone or social security number never appears whole in an error or hint', () => {
		/** Whether the error says the value anywhere but in `node` (n8n's copy of the node's own parameters). */
		const leaks = (error: unknown, value: string) => {
			const { node, ...said } = JSON.parse(JSON.stringify(error)) as IDataObject;
			expect(node).toBeDefined();
			return JSON.stringify(said).includes(value);
		};

		it.each([
			['mobilePhone', PHONE, 404, 'ContactNotFound', 'the mobile phone number "**********43"'],
			[
				'socialSecurityNumber',
				SSN,
				409,
				'MultipleMatches',
				'the social security number "**********34"',
			],
			['mobilePhone', PHONE, 400, 'InvalidPhoneNumber', '"**********43"'],
			['any', SSN, 404, 'ContactNotFound', '"**********34"'],
		])(
			'%s, HTTP %s: masked to its last two characters',
			async (findBy, value, status, code, shown) => {
				lookup({ [findBy]: value }).reply(status, engageError(code));
				const { error } = await runVoyado(find(findBy, value));
				expect(error?.message).toContain(shown);
				expect(leaks(error, value)).toBe(false);
			},
		);

		it('also where Engage repeats it in another error (a 500), as sent or URL-encoded', async () => {
			lookup({ mobilePhone: PHONE }).reply(500, {
				message: `Lookup of ${PHONE} (${encodeURIComponent(PHONE)}) failed`,
			});
			const { error } = await runVoyado(find('mobilePhone', PHONE, { maxRetries: 0 }));
			expect(error?.message).toBe('Lookup of **********43 (**********43) failed');
			expect(leaks(error, PHONE)).toBe(false);
			expect(leaks(error, encodeURIComponent(PHONE))).toBe(false);
		});

		it('and in the error item of Continue On Fail', async () => {
			lookup({ mobilePhone: PHONE }).reply(404, engageError('ContactNotFound'));
			const { items } = await runVoyado(find('mobilePhone', PHONE), { continueOnFail: true });
			expect(items[0].json.error).toBe(
				'No Voyado Engage contact has the mobile phone number "**********43"',
			);
			expect(JSON.stringify(items[0].json.description)).not.toContain(PHONE);
		});
	});
});

describe('Voyado Engage Contact → Get', () => {
	it('GET /api/v2/contacts/{contactId}: the contact as Engage returns it', async () => {
		const contact = { id: CONTACT, email: 'jane@example.com', firstName: 'Jane' };
		engage().get(`/api/v2/contacts/${CONTACT}`).reply(200, contact);
		const { rawOutputs } = await runVoyado({
			resource: 'contact',
			operation: 'get',
			contactId: CONTACT,
		});
		expect(rawOutputs[0][0]).toEqual([{ json: contact, pairedItem: { item: 0 } }]);
	});

	it('a contact ID that is not a GUID is refused before any request', async () => {
		const { error } = await runVoyado({
			resource: 'contact',
			operation: 'get',
			contactId: 'jane@example.com',
		});
		expect(error?.message).toMatch(/^The parameter "Contact ID" must be a GUID/);
		expectNoRequests();
	});

	it('404: names the contact ID', async () => {
		engage().get(`/api/v2/contacts/${CONTACT}`).reply(404);
		const { error } = await runVoyado({
			resource: 'contact',
			operation: 'get',
			contactId: CONTACT,
		});
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe(`No Voyado Engage contact with ID ${CONTACT} was found`);
	});
});
