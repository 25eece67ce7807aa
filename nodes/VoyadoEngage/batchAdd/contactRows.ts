import type { IDataObject } from 'n8n-workflow';

import { lookupStage } from '../../shared/pipeline/lookups';
import type { PlannedItem, Staged } from '../../shared/pipeline/operation';
import type { ContactQuery } from '../contacts/identifiers';
import type { LookupOutcome } from '../contacts/lookup';
import { findContact } from '../contacts/lookup';
import type { RowDraft } from './rows';

/** One item of Add as planned: its row (or what to look its contact up by) and the user's base key. */
export interface PlannedRow {
	draft: RowDraft;
	/** The user's base key for its batch ('' for the automatic one). */
	userKey: string;
}

type Lookup = Extract<RowDraft, { lookup: unknown }>;

/** The row an item sends and the identifier it shows: after the contact stage every draft has its row. */
export function rowOf(plan: PlannedRow): Extract<RowDraft, { row: unknown }> {
	return plan.draft as Extract<RowDraft, { row: unknown }>;
}

/** The item's output when its identifier found no contact, or several: nothing booked, nothing guessed. */
function notBooked(
	draft: Lookup,
	resolution: Extract<LookupOutcome, { found: false }>,
): IDataObject {
	return {
		[draft.lookup.findBy]: draft.lookup.value,
		contactId: null,
		...draft.fields,
		accepted: false,
		errorMessages: [resolution.error.message],
		contactLookup: resolution.code,
	};
}

/** What the item becomes with its identifier's resolution. */
function resolved(
	item: PlannedItem<PlannedRow>,
	draft: Lookup,
	resolution: LookupOutcome,
): Staged<PlannedRow> {
	const { itemIndex } = item;
	if (!resolution.found) return { itemIndex, result: notBooked(draft, resolution) };
	const { findBy, value } = draft.lookup;
	const row = { contactId: resolution.contactId, ...draft.fields };
	return { ...item, plan: { ...item.plan, draft: { row, shownWith: { [findBy]: value } } } };
}

const queryOf = (plan: PlannedRow): ContactQuery | undefined =>
	'lookup' in plan.draft ? plan.draft.lookup : undefined;

/**
 * Add's stage before the first batch: the contact of every row given by email, mobile phone or
 * member number is looked up (each distinct identifier once, up to Concurrency at a time, through the
 * run's gate), and the row goes on with the contact ID found. A row whose identifier finds no contact,
 * or several, is finished as `accepted: false` with the reason. A lookup that fails stops the node
 * before anything is booked, or with Continue On Fail is the error item of every row that needs it.
 */
export const contactLookupStage = lookupStage<PlannedRow, LookupOutcome>({
	keyOf: ({ plan }) => {
		const query = queryOf(plan);
		return query && [query.findBy, query.value, query.contactType ?? ''].join('\u0000');
	},
	find: async (_key, { itemIndex, plan, settings }, run) =>
		await findContact(run.ctx, queryOf(plan) as ContactQuery, itemIndex, settings),
	apply: (item, outcome) => resolved(item, item.plan.draft as Lookup, outcome),
	stopNote: 'No points were booked: every contact is looked up before the first batch is sent.',
});
