import { sendBounded } from '../sendQueue';
import { asNodeError } from './errorItems';
import type { PlannedItem, Run, Stage, Staged } from './operation';

/**
 * What an operation looks up before its first write (a contact by email, an award that already
 * exists): items that need the same lookup share one, sent once per run.
 */
export interface Lookup<Plan, Answer> {
	/** The lookup the item needs, as a key; undefined when it needs none (it goes on as planned). */
	keyOf(item: PlannedItem<Plan>, run: Run): string | undefined;
	/** Sends the lookup (a read), with the settings (and so the gate) of the first item that needs it. */
	find(key: string, first: PlannedItem<Plan>, run: Run): Promise<Answer>;
	/** What the item becomes with the answer; `first` is the run's first item with the same key. */
	apply(item: PlannedItem<Plan>, answer: Answer, first: PlannedItem<Plan>, run: Run): Staged<Plan>;
	/** Added to the error of a failed lookup that stops the run, e.g. that nothing was booked. */
	stopNote?: string;
}

/**
 * A stage that sends every distinct lookup of the run (up to Concurrency at once, through the run's
 * gate) before anything is written, then applies the answers. A failed lookup stops the node before
 * any write, or with Continue On Fail becomes the error item of each item that needed it.
 */
export function lookupStage<Plan, Answer>(lookup: Lookup<Plan, Answer>): Stage<Plan> {
	return {
		async run(run: Run, planned: Array<PlannedItem<Plan>>): Promise<Array<Staged<Plan>>> {
			const keyOf = new Map<PlannedItem<Plan>, string>();
			const firstWith = new Map<string, PlannedItem<Plan>>();
			for (const item of planned) {
				const key = lookup.keyOf(item, run);
				if (key === undefined) continue;
				keyOf.set(item, key);
				if (!firstWith.has(key)) firstWith.set(key, item);
			}
			const firsts = [...firstWith.values()];
			const report = await sendBounded(
				firsts.map((first) => ({
					recordKeys: [],
					send: async () => await lookup.find(keyOf.get(first) as string, first, run),
				})),
				run.concurrency,
				!run.continueOnFail,
			);
			if (!run.continueOnFail && report.firstFailure !== undefined) {
				const { error } = report.outcomes[report.firstFailure] as { error: unknown };
				const stop = asNodeError(run.ctx, error, firsts[report.firstFailure].itemIndex);
				if (lookup.stopNote)
					stop.description = [stop.description, lookup.stopNote].filter(Boolean).join(' ');
				throw stop;
			}
			const outcomeOf = new Map(
				firsts.map((first, position) => [first, report.outcomes[position]]),
			);
			return planned.map((item): Staged<Plan> => {
				const key = keyOf.get(item);
				if (key === undefined) return item;
				const first = firstWith.get(key) as PlannedItem<Plan>;
				const outcome = outcomeOf.get(first);
				if (outcome?.status === 'done') return lookup.apply(item, outcome.value, first, run);
				// With Continue On Fail every lookup is sent: one that did not answer failed.
				return { itemIndex: item.itemIndex, error: (outcome as { error: unknown }).error };
			});
		},
	};
}
