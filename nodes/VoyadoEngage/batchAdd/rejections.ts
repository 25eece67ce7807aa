import type { IDataObject } from 'n8n-workflow';

import type { TransactionRow } from './rows';

/** What the output item of one sent row adds to the row. */
export interface RowOutcome extends IDataObject {
	accepted: boolean;
}

/** A field in camelCase or PascalCase: the casing of Engage's JSON is not documented. */
function pick(record: IDataObject, name: string): unknown {
	return record[name] ?? record[name.charAt(0).toUpperCase() + name.slice(1)];
}

function listField(record: IDataObject, name: string): unknown[] {
	const value = pick(record, name);
	return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

function numberText(value: unknown): string {
	const raw = text(value);
	return raw !== '' && Number.isFinite(Number(raw)) ? String(Number(raw)) : raw;
}

/** Dates with a zone compare as instants, so `+00:00` and `Z` match; others as text. */
function dateText(value: unknown): string {
	const raw = text(value);
	const instant = /(z|[+-]\d{2}:?\d{2})$/i.test(raw) ? Date.parse(raw) : Number.NaN;
	return Number.isNaN(instant) ? raw : String(instant);
}

const contactOf = (row: IDataObject) => text(pick(row, 'contactId')).toLowerCase();
const coreKey = (row: IDataObject) =>
	[
		contactOf(row),
		numberText(pick(row, 'definitionId')),
		numberText(pick(row, 'amount')),
		text(pick(row, 'source')),
		text(pick(row, 'description')),
	].join('\u0000');

/**
 * From exact to loose: Engage may echo a row normalised (dates reformatted, casing changed), so a
 * rejected row that matches no sent row exactly is matched on fewer fields.
 */
const MATCH_KEYS: Array<(row: IDataObject) => string> = [
	(row) =>
		[
			coreKey(row),
			dateText(pick(row, 'timeStamp')),
			dateText(pick(row, 'validFrom')),
			dateText(pick(row, 'validTo')),
		].join('\u0000'),
	coreKey,
	(row) =>
		[contactOf(row), numberText(pick(row, 'definitionId')), numberText(pick(row, 'amount'))].join(
			'\u0000',
		),
	contactOf,
];

/**
 * Pairs each rejected row with one sent row (by position). Identical sent rows are used up one at a
 * time, so of two identical rows only as many are marked rejected as Engage returned.
 */
function matchRejected(
	sent: TransactionRow[],
	rejected: IDataObject[],
): { positions: number[]; unmatched: IDataObject[] } {
	const taken = new Uint8Array(sent.length);
	const positions: number[] = [];
	let open = rejected;
	for (const keyOf of MATCH_KEYS) {
		if (open.length === 0) break;
		const free = new Map<string, number[]>();
		for (let position = sent.length - 1; position >= 0; position--) {
			if (taken[position]) continue;
			const key = keyOf(sent[position]);
			const bucket = free.get(key);
			if (bucket) bucket.push(position);
			else free.set(key, [position]);
		}
		const stillOpen: IDataObject[] = [];
		for (const row of open) {
			const position = free.get(keyOf(row))?.pop();
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

const GUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface Message {
	text: string;
	/** The rejected contacts it names; empty when it names none of them and so may concern any. */
	contacts: Set<string>;
}

function readMessages(result: IDataObject, rejectedContacts: Set<string>): Message[] {
	return listField(result, 'errorMessages').map((entry) => {
		const messageText = typeof entry === 'string' ? entry : JSON.stringify(entry);
		const named = (messageText.match(GUID_IN_TEXT) ?? [])
			.map((id) => id.toLowerCase())
			.filter((id) => rejectedContacts.has(id));
		return { text: messageText, contacts: new Set(named) };
	});
}

/**
 * One outcome per sent row: `accepted: true`, or `accepted: false` with the response's messages and
 * missing IDs that concern the row. A message is given to the rows whose contact it names, or to
 * every rejected row when it names none.
 */
export function rowOutcomes(sent: TransactionRow[], response: unknown): RowOutcome[] {
	const outcomes: RowOutcome[] = sent.map(() => ({ accepted: true }));
	const result =
		response !== null && typeof response === 'object' && !Array.isArray(response)
			? (response as IDataObject)
			: {};
	const rejected = listField(result, 'notAccepted').map((row) =>
		row !== null && typeof row === 'object' ? (row as IDataObject) : {},
	);
	if (rejected.length === 0) return outcomes;

	const { positions, unmatched } = matchRejected(sent, rejected);
	const rejectedContacts = new Set(
		positions.map((position) => sent[position].contactId.toLowerCase()),
	);
	const messages = readMessages(result, rejectedContacts);
	const missingContactIds = listField(result, 'missingContactIds');
	const missingDefinitionIds = listField(result, 'missingDefinitionIds');
	for (const position of positions) {
		const row = sent[position];
		const contact = row.contactId.toLowerCase();
		outcomes[position] = {
			accepted: false,
			errorMessages: messages
				.filter((message) => message.contacts.size === 0 || message.contacts.has(contact))
				.map((message) => message.text),
			missingContactIds: missingContactIds.filter(
				(id) => text(id).toLowerCase() === contact,
			) as string[],
			missingDefinitionIds: missingDefinitionIds.filter(
				(id) => Number(id) === row.definitionId,
			) as number[],
		};
	}
	if (unmatched.length > 0) {
		// Engage named rows this batch did not send as such: say so on every row rather than guess.
		for (const outcome of outcomes) outcome.unattributedRejections = unmatched;
	}
	return outcomes;
}
