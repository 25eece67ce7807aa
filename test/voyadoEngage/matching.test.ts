import type { IDataObject } from 'n8n-workflow';

import { matchRejected } from '../../nodes/VoyadoEngage/batchAdd/matching';
import type { TransactionRow } from '../../nodes/VoyadoEngage/batchAdd/rows';

/**
 * Each case needs exactly one matching level: a decoy row in position 0 shares what the looser
 * levels compare, so without the level under test the rejected row is paired with the decoy (or
 * with nothing), and the test fails.
 */
const CORE = {
	contactId: 'c-1',
	definitionId: 7,
	amount: 10,
	source: 'shop',
	description: 'Purchase',
};
const DATES = ['timeStamp', 'validFrom', 'validTo'] as const;
type DateField = (typeof DATES)[number];

const GIVEN: Record<DateField, string> = {
	timeStamp: '2026-03-01T10:00:00Z',
	validFrom: '2026-03-02T00:00:00Z',
	validTo: '2026-12-31T00:00:00Z',
};
const DECOY: Record<DateField, string> = {
	timeStamp: '2026-04-01T10:00:00Z',
	validFrom: '2026-04-02T00:00:00Z',
	validTo: '2027-01-31T00:00:00Z',
};
const FILLED_BY_ENGAGE: Record<DateField, string> = {
	timeStamp: '2026-03-05T08:15:00Z',
	validFrom: '2026-03-05T08:15:00Z',
	validTo: '2027-03-05T08:15:00Z',
};

function row(fields: Partial<TransactionRow>): TransactionRow {
	return { ...CORE, ...fields } as TransactionRow;
}

function datesOf(source: Record<DateField, string>, fields: readonly DateField[]): IDataObject {
	return Object.fromEntries(fields.map((field) => [field, source[field]]));
}

function matchedPosition(sent: TransactionRow[], rejected: IDataObject): number | undefined {
	const { positions, unmatched } = matchRejected(sent, [rejected]);
	return unmatched.length === 0 ? positions[0] : undefined;
}

describe('Voyado rejected-row matching: every level is needed', () => {
	it('exact: dates given on both sides pick the row with the same dates', () => {
		const sent = [row(DECOY), row(GIVEN)];
		expect(matchedPosition(sent, { ...CORE, ...GIVEN })).toBe(1);
	});

	it.each([
		[['timeStamp']],
		[['validFrom']],
		[['validTo']],
		[['timeStamp', 'validFrom']],
		[['timeStamp', 'validTo']],
		[['validFrom', 'validTo']],
		[['timeStamp', 'validFrom', 'validTo']],
	] as DateField[][][])(
		'dates %j left empty and filled in by Engage still pick the row that left them empty',
		(blank) => {
			const kept = DATES.filter((field) => !blank.includes(field));
			const target = row(datesOf(GIVEN, kept));
			// With every date blank, the decoy differs by a date it did give.
			const decoy = row(kept.length > 0 ? datesOf(DECOY, kept) : { timeStamp: DECOY.timeStamp });
			const rejected = { ...CORE, ...datesOf(GIVEN, kept), ...datesOf(FILLED_BY_ENGAGE, blank) };
			expect(matchedPosition([decoy, target], rejected)).toBe(1);
		},
	);

	it('core fields: a changed date still pairs on source and description', () => {
		const sent = [
			row({ source: 'app', timeStamp: GIVEN.timeStamp }),
			row({ timeStamp: GIVEN.timeStamp }),
		];
		expect(matchedPosition(sent, { ...CORE, timeStamp: DECOY.timeStamp })).toBe(1);
	});

	it('contact, definition and amount: a reworded description still pairs on the amount', () => {
		const sent = [row({ amount: 99 }), row({})];
		expect(matchedPosition(sent, { ...CORE, description: 'purchase (web)' })).toBe(1);
	});

	it('contact alone: a row Engage echoes with another amount is still paired, not lost', () => {
		const sent = [row({})];
		expect(matchedPosition(sent, { ...CORE, amount: 12 })).toBe(0);
	});
});
