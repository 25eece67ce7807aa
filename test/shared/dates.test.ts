import type { RunResult } from '../harness/harness';
import { runSignTraker } from '../signTraker/helpers';
import { runSpreedly, subscriberParams } from '../spreedlySubscriptions/helpers';
import { addFromItems, purchases, runVoyado } from '../voyadoEngage/helpers';
import { runWaldur } from '../waldur/helpers';
import { PROJECT_UUID } from '../waldur/records';
import { expectNoRequests } from '../harness/mockApi';

/** Runs one node with `date` in one date parameter of item 0. */
type DateCase = [node: string, label: string, run: (date: string) => Promise<RunResult>];

const CASES: DateCase[] = [
	[
		'SignTraker Credit Award → Create',
		'Expiration Date',
		async (date) =>
			await runSignTraker({
				resource: 'creditAward',
				operation: 'create',
				name: 'Spring',
				awardedTo: '42',
				totalAmount: 100,
				additionalFields: { expirationDate: date },
			}),
	],
	...(['timeStamp', 'validFrom', 'validTo'] as const).map(
		(field): DateCase => [
			'Voyado Engage Point Transaction → Add',
			{ timeStamp: 'Timestamp', validFrom: 'Valid From', validTo: 'Valid To' }[field],
			async (date) =>
				await runVoyado(
					{ ...addFromItems, additionalFields: { [field]: `={{ $json.${field} }}` } },
					{ items: purchases(1, () => ({ [field]: date })) },
				),
		],
	),
	[
		'Waldur Project Credit → Create',
		'End Date',
		async (date) =>
			await runWaldur({
				resource: 'projectCredit',
				operation: 'create',
				project: PROJECT_UUID,
				value: '100',
				additionalFields: { endDate: date },
			}),
	],
	[
		'Spreedly Subscriber → Add Complimentary Subscription',
		'Start Time',
		async (date) =>
			await runSpreedly(
				subscriberParams('addComplimentarySubscription', {
					durationQuantity: 1,
					durationUnits: 'days',
					featureLevel: 'Pro',
					additionalFields: { startTime: date },
				}),
			),
	],
];

const IMPOSSIBLE: Array<[date: string, problem: string]> = [
	['2026-02-30', 'February 2026 has no day 30'],
	['2026-13-01', 'there is no month 13'],
	['2026-04-31', 'April 2026 has no day 31'],
	['2026-05-01T25:00', 'there is no hour 25'],
	['2026-05-01T10:60:00Z', 'there is no minute 60'],
	['2025-02-29', 'February 2025 has no day 29'],
];

describe.each(CASES)('%s refuses impossible dates in "%s"', (_node, label, run) => {
	it.each(IMPOSSIBLE)('%s (%s), before any request', async (date, problem) => {
		const { error, items } = await run(date);
		expect(error?.message).toBe(
			`The parameter "${label}" must be a real date such as ${label === 'End Date' ? '2026-07-01 (a time after it is ignored)' : '2026-12-31 or 2026-12-31T23:59:00Z'}, got "${date}" (${problem}) (item 0)`,
		);
		expect(items).toEqual([]);
		expectNoRequests();
	});
});
