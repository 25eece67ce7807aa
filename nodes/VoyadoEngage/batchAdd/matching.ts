import type { IDataObject } from 'n8n-workflow';

import { textOf } from '../../shared/text';
import type { TransactionRow } from './rows';

/** A field in camelCase or PascalCase: the casing of Engage's JSON is not documented. */
export function pick(record: IDataObject, name: string): unknown {
	return record[name] ?? record[name.charAt(0).toUpperCase() + name.slice(1)];
}

export function listField(record: IDataObject, name: string): unknown[] {
	const value = pick(record, name);
	return Array.isArray(value) ? value : [];
}

function numberText(value: unknown): string {
	const raw = textOf(value);
	return raw !== '' && Number.isFinite(Number(raw)) ? String(Number(raw)) : raw;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/;

/**
 * Dates with a zone compare as instants, so `+00:00` and `Z` match; dates without one in a single
 * notation, so `2026-01-01` matches the `2026-01-01T00:00:00` a server writes back; others as text.
 */
function dateText(value: unknown): string {
	const raw = textOf(value);
	if (/(z|[+-]\d{2}:?\d{2})$/i.test(raw)) {
		const instant = Date.parse(raw);
		return Number.isNaN(instant) ? raw : String(instant);
	}
	const local = LOCAL_DATE_TIME.exec(raw);
	if (!local) return raw;
	const [, date, hours = '00', minutes = '00', seconds = '00', fraction = ''] = local;
	const millis = fraction.replace(/0+$/, '');
	return `${date}T${hours}:${minutes}:${seconds}${millis ? `.${millis}` : ''}`;
}

const DATE_FIELDS = ['timeStamp', 'validFrom', 'validTo'] as const;
type DateField = (typeof DATE_FIELDS)[number];

const contactOf = (row: IDataObject) => textOf(pick(row, 'contactId')).toLowerCase();
const coreKey = (row: IDataObject) =>
	[
		contactOf(row),
		numberText(pick(row, 'definitionId')),
		numberText(pick(row, 'amount')),
		textOf(pick(row, 'source')),
		textOf(pick(row, 'description')),
	].join('\u0000');

/** The core fields and the dates; the dates in `blank` count as not given. */
function keyWithDates(row: IDataObject, blank: DateField[] = []): string {
	const dates = DATE_FIELDS.map((field) =>
		blank.includes(field) ? '' : dateText(pick(row, field)),
	);
	return [coreKey(row), ...dates].join('\u0000');
}

/** How a sent row and a rejected row are compared at one level of strictness. */
interface MatchLevel {
	sent: (row: IDataObject) => string;
	rejected: (row: IDataObject) => string;
}

const sameKey = (key: (row: IDataObject) => string): MatchLevel => ({ sent: key, rejected: key });

/** Every set of date fields, fewest first: Engage writes "now" (or a default) into dates left empty. */
const BLANKABLE: DateField[][] = [
	['timeStamp'],
	['validFrom'],
	['validTo'],
	['timeStamp', 'validFrom'],
	['timeStamp', 'validTo'],
	['validFrom', 'validTo'],
	[...DATE_FIELDS],
];

/**
 * From exact to loose. Engage may echo a row normalised (dates reformatted, casing changed) and
 * with the dates it filled in for those left empty, so a rejected row that matches no sent row
 * exactly is matched first ignoring dates the sent row did not have, then on fewer fields.
 */
const MATCH_LEVELS: MatchLevel[] = [
	sameKey((row) => keyWithDates(row)),
	...BLANKABLE.map((blank) => ({
		sent: (row: IDataObject) => keyWithDates(row),
		rejected: (row: IDataObject) => keyWithDates(row, blank),
	})),
	sameKey(coreKey),
	sameKey((row) =>
		[contactOf(row), numberText(pick(row, 'definitionId')), numberText(pick(row, 'amount'))].join(
			'\u0000',
		),
	),
	sameKey(contactOf),
];

/**
 * Pairs each rejected row with one sent row (by position). Identical sent rows are used up one at a
 * time, so of two identical rows only as many are marked rejected as Engage returned.
 */
export function matchRejected(
	sent: TransactionRow[],
	rejected: IDataObject[],
): { positions: number[]; unmatched: IDataObject[] } {
	const taken = new Uint8Array(sent.length);
	const positions: number[] = [];
	let open = rejected;
	for (const level of MATCH_LEVELS) {
		if (open.length === 0) break;
		const free = new Map<string, number[]>();
		for (let position = sent.length - 1; position >= 0; position--) {
			if (taken[position]) continue;
			const key = level.sent(sent[position]);
			const bucket = free.get(key);
			if (bucket) bucket.push(position);
			else free.set(key, [position]);
		}
		const stillOpen: IDataObject[] = [];
		for (const row of open) {
			const position = free.get(level.rejected(row))?.pop();
			if (position === undefined) {
				stillOpen.push(row);
				continue;
			}
			taken[position] = 1;
			positions.push(position);
		}
		open = stillOpen;
	}
	return { positions, unmatched: open };
}
