import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

import { SignTraker } from '../../nodes/SignTraker/SignTraker.node';
import { SpreedlySubscriptions } from '../../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import { VoyadoEngage } from '../../nodes/VoyadoEngage/VoyadoEngage.node';
import { Waldur } from '../../nodes/Waldur/Waldur.node';
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

/** Every parameter of `properties`, with the options of collections and fixed collections. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...allProperties(
			(property.options ?? []).flatMap((option) =>
				'values' in option
					? (option as INodePropertyCollection).values
					: 'type' in option
						? [option as INodeProperties]
						: [],
			),
		),
	]);
}

describe('date fields tell what to type (the picker clears a date typed alone)', () => {
	const nodes: INodeType[] = [
		new SignTraker(),
		new VoyadoEngage(),
		new Waldur(),
		new SpreedlySubscriptions(),
	];
	const dateFields = nodes.flatMap((node) =>
		allProperties(node.description.properties)
			.filter((property) => property.type === 'dateTime')
			.map((property): [string, INodeProperties] => [
				`${node.description.displayName} ${property.displayName}`,
				property,
			]),
	);

	it('finds the date pickers of all four nodes', () => {
		expect(dateFields.map(([name]) => name).sort()).toEqual([
			'SignTraker Expiration Date',
			'Spreedly Subscriptions Start Time',
			'Voyado Engage Timestamp',
			'Voyado Engage Valid From',
			'Voyado Engage Valid To',
		]);
	});

	const dateOnly = ['SignTraker Expiration Date'];

	it.each(dateFields.filter(([name]) => !dateOnly.includes(name)))(
		'%s shows the form to type as placeholder and hint',
		(_name, property) => {
			expect(property.typeOptions?.dateOnly).toBeUndefined();
			expect(property.placeholder).toBe('e.g. 2026-12-31 00:00:00');
			expect(property.hint).toMatch(/type a date with its time \(2026-12-31 00:00:00\)/);
		},
	);

	it.each(dateFields.filter(([name]) => dateOnly.includes(name)))(
		'%s is a date without a time, and says so',
		(_name, property) => {
			expect(property.typeOptions?.dateOnly).toBe(true);
			expect(property.placeholder).toBe('e.g. 2026-12-31');
			expect(property.hint).toMatch(/type it as 2026-12-31/);
		},
	);

	it('Waldur End Date is a month, typed as text', () => {
		const endDates = allProperties(new Waldur().description.properties).filter(
			(property) => property.name === 'endDate',
		);
		expect(endDates.length).toBeGreaterThan(0);
		for (const endDate of endDates) {
			expect(endDate).toMatchObject({ type: 'string', placeholder: 'e.g. 2026-07' });
			expect(endDate.hint).toMatch(/A month \(2026-07\) or its first day \(2026-07-01\)/);
		}
	});
});
