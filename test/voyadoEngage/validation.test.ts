import type { IDataObject } from 'n8n-workflow';
import { expectNoRequests } from '../harness/mockApi';

import {
	addFromItems,
	CONTACT,
	expectOnlyItem2Failed,
	purchases,
	recordPosts,
	runVoyado,
} from './helpers';

const withDates = {
	...addFromItems,
	additionalFields: {
		timeStamp: '={{ $json.timeStamp }}',
		validFrom: '={{ $json.validFrom }}',
		validTo: '={{ $json.validTo }}',
	},
};

/** Each bad row (in item 2 of 4) and the message that names it. */
const BAD_ROWS: Array<[string, IDataObject, RegExp]> = [
	[
		'contact ID not a GUID',
		{ contactId: 'customer-42' },
		/^The parameter "Contact ID" must be a GUID .*got "customer-42" \(item 2\)$/,
	],
	[
		'contact ID empty',
		{ contactId: '' },
		/^The parameter "Contact ID" is required but empty \(item 2\)$/,
	],
	[
		'amount not a number',
		{ amount: 'ten' },
		/^The parameter "Amount" must be a number, got "ten" \(item 2\)$/,
	],
	['amount infinite', { amount: 'Infinity' }, /^The parameter "Amount" must be a number/],
	['amount empty', { amount: '' }, /^The parameter "Amount" must be a number/],
	['source empty', { source: '' }, /^The parameter "Source" is required but empty \(item 2\)$/],
	['source blank', { source: '   ' }, /^The parameter "Source" is required but empty \(item 2\)$/],
	[
		'description missing',
		{ description: undefined },
		/^The parameter "Description" is required but empty \(item 2\)$/,
	],
	[
		'definition ID not a whole number',
		{ definitionId: 'bonus' },
		/^The parameter "Definition ID" must be a whole number of 1 or more/,
	],
	[
		'time stamp not a date',
		{ timeStamp: 'yesterday' },
		/^The parameter "Timestamp" must be a real date .*got "yesterday" \(item 2\)$/,
	],
	[
		'valid from not ISO',
		{ validFrom: '03/01/2026' },
		/^The parameter "Valid From" must be a real date/,
	],
	[
		'valid to impossible',
		{ validTo: '2026-13-45' },
		/^The parameter "Valid To" must be a real date/,
	],
];

function itemsWithBadRow(bad: IDataObject): IDataObject[] {
	return purchases(4, (index) => (index === 2 ? bad : {}));
}

describe('Voyado Engage pointTransaction.add checks every row before sending', () => {
	it.each(BAD_ROWS)('%s: fails the node before anything is sent', async (_name, bad, message) => {
		const { error } = await runVoyado(withDates, { items: itemsWithBadRow(bad) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expectNoRequests();
	});

	it.each(BAD_ROWS)(
		'%s: with Continue On Fail, yields its own error item and sends the valid rows',
		async (_name, bad, message) => {
			const { posts } = recordPosts(1);
			const { rawOutputs, error } = await runVoyado(withDates, {
				items: itemsWithBadRow(bad),
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expectOnlyItem2Failed(posts, rawOutputs, message);
		},
	);

	it('fails on the first bad row when several are bad, before anything is sent', async () => {
		const items = purchases(5, (index) =>
			index === 1 ? { amount: 'x' } : index === 3 ? { contactId: 'y' } : {},
		);
		const { error } = await runVoyado(addFromItems, { items });
		expect(error?.message).toContain('(item 1)');
		expectNoRequests();
	});

	it('with Continue On Fail and only bad rows, sends nothing and outputs an error item for each', async () => {
		const { rawOutputs } = await runVoyado(addFromItems, {
			items: purchases(2, () => ({ contactId: 'nope' })),
			continueOnFail: true,
		});
		expectNoRequests();
		expect(rawOutputs[0][0].map((item) => [Object.keys(item.json), item.pairedItem])).toEqual([
			[['error'], { item: 0 }],
			[['error'], { item: 1 }],
		]);
	});

	it('accepts negative and decimal amounts and ISO dates with or without time and zone', async () => {
		const { posts } = recordPosts(1);
		const items = purchases(
			3,
			(index) =>
				[
					{ amount: -5, timeStamp: '2026-03-01' },
					{ amount: 0.5, validFrom: '2026-03-01T10:00' },
					{ amount: '-1e2', validTo: '2026-03-01T10:00:00.123+0100' },
				][index],
		);
		const { error } = await runVoyado(withDates, { items });
		expect(error).toBeUndefined();
		expect(
			posts[0].body.map((row) => [row.amount, row.timeStamp, row.validFrom, row.validTo]),
		).toEqual([
			[-5, '2026-03-01', undefined, undefined],
			[0.5, undefined, '2026-03-01T10:00', undefined],
			[-100, undefined, undefined, '2026-03-01T10:00:00.123+0100'],
		]);
	});

	it('turns a date from an expression (Luxon DateTime) into ISO 8601', async () => {
		const { posts } = recordPosts(1);
		await runVoyado(
			{
				...addFromItems,
				additionalFields: {
					validTo: "={{ DateTime.fromISO('2027-12-31T23:59:00', { zone: 'utc' }) }}",
				},
			},
			{ items: purchases(1) },
		);
		expect(posts[0].body[0].validTo).toBe('2027-12-31T23:59:00.000Z');
	});

	it('keeps the contact ID as given (Engage matches GUIDs in any case)', async () => {
		const { posts } = recordPosts(1);
		await runVoyado(addFromItems, {
			items: purchases(1, () => ({ contactId: CONTACT.toUpperCase() })),
		});
		expect(posts[0].body[0].contactId).toBe(CONTACT.toUpperCase());
	});
});
