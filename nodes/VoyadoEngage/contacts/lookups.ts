import type { IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../../shared/pipeline/errorItems';
import type { RequestSettings } from '../../shared/requestSettings';
import { sendBounded } from '../../shared/sendQueue';
import type { ContactQuery } from './identifiers';
import type { LookupOutcome } from './lookup';
import { findContact } from './lookup';

/** What became of one identifier's lookup: Engage's answer, or a failure. */
export type Resolution = LookupOutcome | { failed: true; error: unknown };

/** An item, the identifier its contact is to be found by, and its request settings (with the run's gate). */
export interface IdentifiedItem {
	itemIndex: number;
	query: ContactQuery;
	settings: RequestSettings;
}

const keyOf = (query: ContactQuery) =>
	[query.findBy, query.value, query.contactType ?? ''].join('\u0000');

/**
 * Looks up every distinct identifier of `items` once (the first item that has it is the one its
 * errors name, and whose settings it is sent with), at most `concurrency` at a time, through the
 * run's rate gate.
 * With `stopOnFailure` the first failed lookup keeps the others from starting and is thrown (for the
 * first item that has its identifier); without, it is that identifier's resolution.
 */
export async function lookupContacts(
	ctx: IExecuteFunctions,
	items: IdentifiedItem[],
	concurrency: number,
	stopOnFailure: boolean,
): Promise<(query: ContactQuery) => Resolution> {
	const distinct = new Map<string, IdentifiedItem>();
	for (const item of items)
		if (!distinct.has(keyOf(item.query))) distinct.set(keyOf(item.query), item);
	const firsts = [...distinct.values()];
	const report = await sendBounded(
		firsts.map(({ itemIndex, query, settings }) => ({
			recordKeys: [],
			send: async () => await findContact(ctx, query, itemIndex, settings),
		})),
		concurrency,
		stopOnFailure,
	);
	if (stopOnFailure && report.firstFailure !== undefined) {
		const failure = report.outcomes[report.firstFailure] as { error: unknown };
		throw asNodeError(ctx, failure.error, firsts[report.firstFailure].itemIndex);
	}
	const resolutions = new Map<string, Resolution>();
	report.outcomes.forEach((outcome, position) => {
		if (outcome.status === 'notSent') return;
		resolutions.set(
			keyOf(firsts[position].query),
			outcome.status === 'done' ? outcome.value : { failed: true, error: outcome.error },
		);
	});
	return (query) => resolutions.get(keyOf(query)) as Resolution;
}
