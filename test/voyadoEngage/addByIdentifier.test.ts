import type { IDataObject } from 'n8n-workflow';

import { CLOCK_START, virtualClock } from '../harness/clock';
import { requests } from '../harness/mockApi';
import {
	addFromItems,
	CONTACT,
	engage,
	OTHER_CONTACT,
	recordPosts,
	runVoyado,
	TRANSACTIONS,
} from './helpers';

/** Engage's contact lookup ("Find contact", developer.voyado.com/en/contacts/identify-contact/find-contact.html). */
const LOOKUP = '/api/v2/contacts/id';

/** The Engage contacts these tests know, by email; `family@…` is shared by two contacts (409). */
const BY_EMAIL: Record<string, string> = {
	'jane+shop@example.com': CONTACT,
	'john@example.com': OTHER_CONTACT,
};

/** Answers every lookup as Engage would for the contacts above, by whichever identifier it names. */
function contactsById(known: Record<string, string> = BY_EMAIL) {
	return engage()
		.get(LOOKUP)
		.query(true)
		.times('any')
		.reply(({ query }) => {
			const value = Object.values(query)[0] as string;
			if (value === 'family@example.com') return [409, { errorCode: 'MultipleMatches' }];
			if (value === 'not-an-email') return [400, { errorCode: 'InvalidEmailAddress' }];
			return known[value]
				? [200, JSON.stringify(known[value])]
				: [404, { errorCode: 'ContactNotFound' }];
		});
}

/** One purchase per email, as a shop hands them over. */
function orders(emails: string[], extra: (index: number) => IDataObject = () => ({})) {
	return emails.map((email, index) => ({
		email,
		definitionId: 1,
		amount: 10 * (index + 1),
		source: 'Purchase',
		description: `Order ${1000 + index}`,
		...extra(index),
	}));
}

/** Add with every row field from the item, the contact given as `identifyBy` in the item's field `field`. */
function addBy(identifyBy: string, field = identifyBy): IDataObject {
	const { contactId, ...rowFields } = addFromItems;
	expect(contactId).toBeDefined();
	return { ...rowFields, identifyBy, [identifyBy]: `={{ $json.${field} }}` };
}

const addByEmail = addBy('email');

const lookupsIn = (sent = requests()) =>
	sent.filter((request) => request.path === LOOKUP).map((request) => request.query);

describe('Voyado Engage Add by email, mobile phone or member number', () => {
	it('looks each distinct email up once, all before the first POST, and books the rows under the contact IDs', async () => {
		const lookups = contactsById();
		const { posts } = recordPosts(1);
		const { rawOutputs } = await runVoyado(addByEmail, {
			items: orders(['jane+shop@example.com', 'john@example.com', 'jane+shop@example.com']),
		});
		expect(lookupsIn(lookups.requests())).toEqual([
			{ email: 'jane+shop@example.com' },
			{ email: 'john@example.com' },
		]);
		expect(requests().map((request) => request.method)).toEqual(['GET', 'GET', 'POST']);
		expect(posts[0].body.map((row) => [row.contactId, row.amount])).toEqual([
			[CONTACT, 10],
			[OTHER_CONTACT, 20],
			[CONTACT, 30],
		]);
		expect(posts[0].body[0]).not.toHaveProperty('email');
		expect(rawOutputs[0][0].map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{ email: 'jane+shop@example.com', contactId: CONTACT, ...orderFields(0), accepted: true },
				{ item: 0 },
			],
			[
				{ email: 'john@example.com', contactId: OTHER_CONTACT, ...orderFields(1), accepted: true },
				{ item: 1 },
			],
			[
				{ email: 'jane+shop@example.com', contactId: CONTACT, ...orderFields(2), accepted: true },
				{ item: 2 },
			],
		]);
	});

	it('an email with + goes on the wire as %2B', async () => {
		const lookups = contactsById();
		recordPosts(1);
		await runVoyado(addByEmail, { items: orders(['jane+shop@example.com']) });
		expect(new URL(lookups.requests()[0].url).search).toMatch(/^\?email=jane%2Bshop/);
	});

	it('a row whose email finds no contact, or several, is accepted: false with the reason; nothing is booked or guessed for it', async () => {
		contactsById();
		const { posts } = recordPosts(1);
		const { rawOutputs } = await runVoyado(addByEmail, {
			items: orders(['new@example.com', 'john@example.com', 'family@example.com', 'not-an-email']),
		});
		expect(posts[0].body.map((row) => row.contactId)).toEqual([OTHER_CONTACT]);
		const output = rawOutputs[0][0];
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(output.map((item) => [item.json.accepted, item.json.contactLookup])).toEqual([
			[false, 'ContactNotFound'],
			[true, undefined],
			[false, 'MultipleMatches'],
			[false, 'InvalidEmailAddress'],
		]);
		expect(output[0].json).toEqual({
			email: 'new@example.com',
			contactId: null,
			...orderFields(0),
			accepted: false,
			errorMessages: ['No Voyado Engage contact has the email "new@example.com"'],
			contactLookup: 'ContactNotFound',
		});
		expect(output[2].json.errorMessages).toEqual([
			'More than one Voyado Engage contact has the email "family@example.com", so none was chosen',
		]);
	});

	it('when no row finds its contact, nothing is posted at all', async () => {
		contactsById();
		const { rawOutputs } = await runVoyado(addByEmail, { items: orders(['new@example.com']) });
		expect(rawOutputs[0][0][0].json.accepted).toBe(false);
		expect(requests().map((request) => request.method)).toEqual(['GET']);
	});

	it.each([
		['mobilePhone', '+46739876543', '**********43'],
		['customKey', '100234', '100234'],
	])(
		'by %s: the lookup asks for %s, a not-found reason masks a phone number',
		async (identifyBy, value, shown) => {
			const lookups = contactsById({});
			const { rawOutputs } = await runVoyado(addBy(identifyBy, 'key'), {
				items: orders(['unused']).map((order) => ({ ...order, key: value })),
			});
			expect(lookupsIn(lookups.requests())).toEqual([{ [identifyBy]: value }]);
			const [message] = rawOutputs[0][0][0].json.errorMessages as string[];
			expect(message).toContain(`"${shown}"`);
			if (identifyBy === 'mobilePhone') expect(message).not.toContain(value);
		},
	);

	describe('Map Automatically reads the chosen identifier field', () => {
		const autoByEmail = {
			resource: 'pointTransaction',
			operation: 'add',
			mappingMode: 'autoMapInputData',
			identifyBy: 'email',
		};

		it('email instead of contactId', async () => {
			contactsById();
			const { posts } = recordPosts(1);
			const { items } = await runVoyado(autoByEmail, { items: orders(['john@example.com']) });
			expect(posts[0].body).toEqual([{ contactId: OTHER_CONTACT, ...orderFields(0) }]);
			expect(items[0].json).toMatchObject({ email: 'john@example.com', accepted: true });
		});

		it('an item without the email field is refused before any request, naming the field', async () => {
			const { error } = await runVoyado(autoByEmail, {
				items: [{ contactId: CONTACT, definitionId: 1, amount: 1, source: 'S', description: 'D' }],
			});
			expect(error?.message).toBe('The input field "email" is missing (item 0)');
			expect(error?.description).toMatch(/needs the fields "email", "definitionId"/);
			expect(requests()).toEqual([]);
		});

		it('a misspelt Email is named as such', async () => {
			const [order] = orders(['john@example.com']);
			const { email, ...rest } = order;
			const { error } = await runVoyado(autoByEmail, { items: [{ Email: email, ...rest }] });
			expect(error?.message).toBe(
				'The input field "Email" must be written "email" (field names are case-sensitive) (item 0)',
			);
		});
	});

	describe('a lookup that fails', () => {
		it('stops the node before any POST, saying nothing was booked; no further lookup starts', async () => {
			engage()
				.get(LOOKUP)
				.query({ email: 'jane+shop@example.com' })
				.reply(401, { message: 'Invalid API key' });
			const { error } = await runVoyado(
				{ ...addByEmail, options: { concurrency: 1 } },
				{ items: orders(['jane+shop@example.com', 'john@example.com']) },
			);
			expect(error?.httpCode).toBe('401');
			expect(error?.description).toContain('No points were booked');
			expect(requests().map((request) => request.query)).toEqual([
				{ email: 'jane+shop@example.com' },
			]);
		});

		it('with Continue On Fail: the error item of each row that needs it; the other rows are booked', async () => {
			engage()
				.get(LOOKUP)
				.query({ email: 'jane+shop@example.com' })
				.reply(500, { message: 'An error has occurred.' })
				.get(LOOKUP)
				.query({ email: 'john@example.com' })
				.reply(200, JSON.stringify(OTHER_CONTACT));
			const { posts } = recordPosts(1);
			const { rawOutputs } = await runVoyado(
				{ ...addByEmail, options: { maxRetries: 0 } },
				{
					items: orders(['jane+shop@example.com', 'john@example.com', 'jane+shop@example.com']),
					continueOnFail: true,
				},
			);
			expect(posts[0].body.map((row) => row.contactId)).toEqual([OTHER_CONTACT]);
			expect(
				rawOutputs[0][0].map((item) => [item.json.error, item.json.httpCode ?? item.json.accepted]),
			).toEqual([
				['An error has occurred.', '500'],
				[undefined, true],
				['An error has occurred.', '500'],
			]);
		});
	});

	it('Dry Run: the lookups (reads) are sent, the POST is not; each item shows the row with the contact found', async () => {
		contactsById();
		const { rawOutputs } = await runVoyado(
			{ ...addByEmail, options: { dryRun: true } },
			{ items: orders(['john@example.com', 'new@example.com']) },
		);
		expect(requests().map((request) => request.method)).toEqual(['GET', 'GET']);
		const [booked, unknown] = rawOutputs[0][0];
		expect(booked.json).toMatchObject({ dryRun: true, row: { contactId: OTHER_CONTACT } });
		expect(unknown.json).toMatchObject({ accepted: false, contactLookup: 'ContactNotFound' });
	});

	it('a saved workflow (contact ID, no Identify Contact By) runs unchanged: no lookup', async () => {
		const { posts } = recordPosts(1);
		const { items } = await runVoyado(addFromItems, {
			items: orders(['x']).map(({ email, ...order }) => ({ ...order, contactId: CONTACT })),
		});
		expect(items[0].json).toEqual({ contactId: CONTACT, ...orderFields(0), accepted: true });
		expect(posts).toHaveLength(1);
		expect(requests().map((request) => request.path)).toEqual([TRANSACTIONS]);
	});
});

describe('Voyado Engage Add by email: lookups are paced by the run’s 200 requests/s', () => {
	const clock = virtualClock();

	it('250 distinct emails: the 201st lookup waits for the next second, and the POST comes after the last lookup', async () => {
		const emails = Array.from({ length: 250 }, (_, index) => `buyer${index}@example.com`);
		const starts: Array<[string, number]> = [];
		engage()
			.get(LOOKUP)
			.query(true)
			.times(250)
			.reply(({ query }) => {
				starts.push(['GET', clock.now()]);
				return [
					200,
					JSON.stringify(
						CONTACT.replace(
							/.{4}$/,
							String(emails.indexOf(query.email as string)).padStart(4, '0'),
						),
					),
				];
			});
		engage()
			.post(TRANSACTIONS)
			.reply(() => {
				starts.push(['POST', clock.now()]);
				return [200, { notAccepted: [] }];
			});
		const { items } = await runVoyado(addByEmail, { items: orders(emails) });
		expect(items.every((item) => item.json.accepted === true)).toBe(true);
		const gets = starts.filter(([method]) => method === 'GET').map(([, at]) => at);
		expect(gets).toHaveLength(250);
		expect(gets.filter((at) => at < CLOCK_START + 1000).length).toBeLessThanOrEqual(200);
		expect(Math.max(...gets)).toBeGreaterThanOrEqual(CLOCK_START + 1000);
		expect(starts.at(-1)?.[0]).toBe('POST');
		expect(clock.sleeps.length).toBeGreaterThan(0);
	});
});

/** The row fields of `orders(…)[index]`, as they go on the wire and come out. */
function orderFields(index: number): IDataObject {
	return {
		amount: 10 * (index + 1),
		definitionId: 1,
		source: 'Purchase',
		description: `Order ${1000 + index}`,
	};
}
