import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { expectNoRequests } from '../harness/mockApi';

import { VoyadoEngage } from '../../nodes/VoyadoEngage/VoyadoEngage.node';
import {
	CONTACT,
	expectOnlyItem2Failed,
	OTHER_CONTACT,
	purchases,
	recordPosts,
	runVoyado,
} from './helpers';

const autoMapped: IDataObject = {
	resource: 'pointTransaction',
	operation: 'add',
	mappingMode: 'autoMapInputData',
};

function ignoringExtraFields(): IDataObject {
	return { ...autoMapped, options: { handlingExtraData: 'ignoreIt' } };
}

describe('Voyado Engage pointTransaction.add offers Map Automatically', () => {
	const addProperties = new VoyadoEngage().description.properties.filter((property) =>
		(property.displayOptions?.show?.operation as string[] | undefined)?.includes('add'),
	);
	const named = (name: string) =>
		addProperties.find((property) => property.name === name) as INodeProperties;

	it('as mappingMode autoMapInputData, next to defineBelow, the default for saved workflows', () => {
		const mappingMode = named('mappingMode');
		expect(mappingMode.default).toBe('defineBelow');
		expect(mappingMode.options?.map((option) => (option as { value: string }).value)).toEqual([
			'defineBelow',
			'autoMapInputData',
		]);
	});

	it('shows the row parameters only for Map Each Field Below', () => {
		for (const name of ['contactId', 'definitionId', 'amount', 'source', 'description'])
			expect(named(name).displayOptions?.show?.mappingMode).toEqual(['defineBelow']);
		expect(named('additionalFields').displayOptions?.show?.mappingMode).toEqual(['defineBelow']);
	});
});

describe('Voyado Engage pointTransaction.add with Map Automatically', () => {
	it('sends each item as its row, converted and checked as with Map Each Field Below', async () => {
		const { posts } = recordPosts(1);
		const dates = {
			timeStamp: '2026-03-01T10:00:00Z',
			validFrom: '2026-03-02',
			validTo: '2027-03-01',
		};
		const fromText = { contactId: CONTACT, definitionId: '2', amount: '-12.5', source: ' Return ' };
		const emptyDates = { timeStamp: null, validFrom: '' };
		const [plain] = purchases(1, () => ({ contactId: OTHER_CONTACT }));
		const { rawOutputs, error } = await runVoyado(autoMapped, {
			items: [
				{ ...fromText, description: 'Order 1001 returned', ...dates },
				{ ...plain, ...emptyDates },
			],
		});
		expect(error).toBeUndefined();
		const expectedRows = [
			{
				contactId: CONTACT,
				definitionId: 2,
				amount: -12.5,
				source: 'Return',
				description: 'Order 1001 returned',
				...dates,
			},
			plain,
		];
		expect(posts[0].body).toEqual(expectedRows);
		expect(rawOutputs[0][0]).toEqual([
			{ json: { ...expectedRows[0], accepted: true }, pairedItem: { item: 0 } },
			{ json: { ...expectedRows[1], accepted: true }, pairedItem: { item: 1 } },
		]);
	});

	it('never evaluates the row parameters of Map Each Field Below', async () => {
		const { posts } = recordPosts(1);
		const { error } = await runVoyado(
			{ ...autoMapped, contactId: OTHER_CONTACT, source: 'From the parameter' },
			{ items: purchases(1) },
		);
		expect(error).toBeUndefined();
		expect(posts[0].body[0]).toMatchObject({ contactId: CONTACT, source: 'Purchase' });
	});

	it('still batches and keys the rows: 2,500 items go as 1000 + 1000 + 500 with their own keys', async () => {
		const { posts } = recordPosts(3);
		const { items, error } = await runVoyado(autoMapped, { items: purchases(2500) });
		expect(error).toBeUndefined();
		expect(posts.map((post) => post.body.length)).toEqual([1000, 1000, 500]);
		expect(new Set(posts.map((post) => post.key)).size).toBe(3);
		expect(posts[2].body[499].description).toBe('Order 3499');
		expect(items).toHaveLength(2500);
	});
});

/** Each bad item (item 2 of 4) and the message that names its field. */
const BAD_ITEMS: Array<[string, (item: IDataObject) => IDataObject, RegExp]> = [
	[
		'a row field in another letter case',
		({ contactId, ...rest }) => ({ ...rest, ContactId: contactId }),
		/^The input field "ContactId" must be written "contactId" \(field names are case-sensitive\) \(item 2\)$/,
	],
	[
		'an optional row field in another letter case',
		(item) => ({ ...item, ValidTo: '2027-01-01' }),
		/^The input field "ValidTo" must be written "validTo"/,
	],
	[
		'a required field missing',
		({ source: _source, ...rest }) => rest,
		/^The input field "source" is missing \(item 2\)$/,
	],
	[
		'a required field empty',
		(item) => ({ ...item, description: '  ' }),
		/^The input field "description" is required but empty \(item 2\)$/,
	],
	[
		'a required field null',
		(item) => ({ ...item, contactId: null }),
		/^The input field "contactId" is required but empty \(item 2\)$/,
	],
	[
		'a contact ID that is not a GUID',
		(item) => ({ ...item, contactId: 'customer-42' }),
		/^The input field "contactId" must be a GUID .*got "customer-42" \(item 2\)$/,
	],
	[
		'an amount that is not a number',
		(item) => ({ ...item, amount: 'ten' }),
		/^The input field "amount" must be a number, got "ten" \(item 2\)$/,
	],
	[
		'a definition ID that is not a whole number',
		(item) => ({ ...item, definitionId: 1.5 }),
		/^The input field "definitionId" must be a whole number of 1 or more, got 1.5 \(item 2\)$/,
	],
	[
		'a date that is not ISO 8601',
		(item) => ({ ...item, timeStamp: 'yesterday' }),
		/^The input field "timeStamp" must be a real date .*got "yesterday" \(item 2\)$/,
	],
	[
		'a text field holding an object',
		(item) => ({ ...item, source: { name: 'Purchase' } }),
		/^The input field "source" must be text/,
	],
];

function itemsWithBad(change: (item: IDataObject) => IDataObject): IDataObject[] {
	return purchases(4).map((item, index) => (index === 2 ? change(item) : item));
}

describe('Voyado Engage pointTransaction.add with Map Automatically checks every item first', () => {
	it.each(BAD_ITEMS)(
		'%s: fails the node before anything is sent',
		async (_name, change, message) => {
			const { error } = await runVoyado(autoMapped, { items: itemsWithBad(change) });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(message);
			expectNoRequests();
		},
	);

	it.each(BAD_ITEMS)(
		'%s: is an error also when extra fields are ignored',
		async (_name, change, message) => {
			const { error } = await runVoyado(ignoringExtraFields(), { items: itemsWithBad(change) });
			expect(error?.message).toMatch(message);
			expectNoRequests();
		},
	);

	it.each(BAD_ITEMS)(
		'%s: with Continue On Fail, yields its own error item and sends the other rows',
		async (_name, change, message) => {
			const { posts } = recordPosts(1);
			const { rawOutputs, error } = await runVoyado(autoMapped, {
				items: itemsWithBad(change),
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expectOnlyItem2Failed(posts, rawOutputs, message);
		},
	);

	it('checks the last item before sending the first batch', async () => {
		const items = purchases(2500);
		items[2499] = { ...items[2499], Amount: 3 };
		const { error } = await runVoyado(autoMapped, { items });
		expect(error?.message).toMatch(
			/^The input field "Amount" must be written "amount".*\(item 2499\)$/,
		);
		expectNoRequests();
	});
});

describe('Voyado Engage pointTransaction.add with Map Automatically and fields that are not row fields', () => {
	const withOrderId = () => purchases(2, (index) => ({ orderId: `A-${index}`, channel: 'web' }));

	it('fails by default, naming the first such field, the item and all of them', async () => {
		const { error } = await runVoyado(autoMapped, { items: withOrderId() });
		expect(error?.message).toBe(
			'The input field "orderId" is not a field of a point transaction (item 0)',
		);
		expect(error?.description).toContain('("orderId", "channel")');
		expect(error?.description).toContain('Ignore Them');
		expectNoRequests();
	});

	it('with "Ignore Them", sends only the row fields and outputs the sent row', async () => {
		const { posts } = recordPosts(1);
		const { rawOutputs, error } = await runVoyado(ignoringExtraFields(), { items: withOrderId() });
		expect(error).toBeUndefined();
		expect(posts[0].body).toEqual(purchases(2));
		expect(rawOutputs[0][0].map((item) => item.json)).toEqual(
			purchases(2).map((row) => ({ ...row, accepted: true })),
		);
	});

	it('a per-item Idempotency Key can still come from such a field', async () => {
		const { posts } = recordPosts(2);
		const { error } = await runVoyado(
			{
				...autoMapped,
				options: { handlingExtraData: 'ignoreIt', idempotencyKey: '={{ $json.orderId }}' },
			},
			{ items: withOrderId() },
		);
		expect(error).toBeUndefined();
		expect(posts.map((post) => post.key)).toEqual(['A-0-1', 'A-1-1']);
	});
});
