import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { PlannedItem, Run, Stage, Staged } from '../../shared/pipeline/operation';
import type { IdentifiedItem, Resolution } from '../contacts/lookups';
import { lookupContacts } from '../contacts/lookups';
import type { RowDraft } from './rows';

/** One item of Add as planned: its row (or what to look its contact up by) and the user's base key. */
export interface PlannedRow {
	draft: RowDraft;
	/** The user's base key for its batch ('' for the automatic one). */
	userKey: string;
}

type Lookup = Extract<RowDraft, { lookup: unknown }>;

const NOTHING_BOOKED =
	'No points were booked: every contact is looked up before the first batch is sent.';

/** The row an item sends and the identifier it shows: after the contact stage every draft has its row. */
export function rowOf(plan: PlannedRow): Extract<RowDraft, { row: unknown }> {
	return plan.draft as Extract<RowDraft, { row: unknown }>;
}

/** The item's output when its identifier found no contact, or several: nothing booked, nothing guessed. */
function notBooked(draft: Lookup, resolution: Extract<Resolution, { found: false }>): IDataObject {
	return {
		[draft.lookup.findBy]: draft.lookup.value,
		contactId: null,
		...draft.fields,
		accepted: false,
		errorMessages: [resolution.error.message],
		contactLookup: resolution.code,
	};
}

/** The failed lookup's error, saying that nothing was booked (the run stops before any batch). */
function nothingBooked(error: unknown): never {
	if (error instanceof NodeApiError || error instanceof NodeOperationError)
		error.description = [error.description, NOTHING_BOOKED].filter(Boolean).join(' ');
	throw error;
}

/** What the item becomes with its identifier's resolution. */
function resolved(
	item: PlannedItem<PlannedRow>,
	draft: Lookup,
	resolution: Resolution,
): Staged<PlannedRow> {
	const { itemIndex } = item;
	if ('failed' in resolution) return { itemIndex, error: resolution.error };
	if (!resolution.found) return { itemIndex, result: notBooked(draft, resolution) };
	const { findBy, value } = draft.lookup;
	const row = { contactId: resolution.contactId, ...draft.fields };
	return { ...item, plan: { ...item.plan, draft: { row, shownWith: { [findBy]: value } } } };
}

/**
 * Add's stage before the first batch: the contact of every row given by email, mobile phone or
 * member number is looked up (each distinct identifier once, up to Concurrency at a time, through the
 * run's gate), and the row goes on with the contact ID found. A row whose identifier finds no contact,
 * or several, is finished as `accepted: false` with the reason. A lookup that fails stops the node
 * before anything is booked, or with Continue On Fail is the error item of every row that needs it.
 */
export const contactLookupStage: Stage<PlannedRow> = {
	async run(run: Run, planned: Array<PlannedItem<PlannedRow>>) {
		const identified: IdentifiedItem[] = [];
		for (const { itemIndex, plan, settings } of planned)
			if ('lookup' in plan.draft)
				identified.push({ itemIndex, query: plan.draft.lookup, settings });
		if (identified.length === 0) return planned;
		const resolutionOf = await lookupContacts(
			run.ctx,
			identified,
			run.concurrency,
			!run.continueOnFail,
		).catch(nothingBooked);
		return planned.map((item) => {
			const { draft } = item.plan;
			return 'lookup' in draft ? resolved(item, draft, resolutionOf(draft.lookup)) : item;
		});
	},
};
