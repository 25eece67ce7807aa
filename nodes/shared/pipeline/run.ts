import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readConcurrency } from '../concurrency';
import type { RequestSettings } from '../requestSettings';
import { newRunState, readRequestSettings } from '../requestSettings';
import type { SendTask } from '../sendQueue';
import { sendBounded } from '../sendQueue';
import type { WireRequest } from './dryRun';
import { PlannedWrite, readDryRun } from './dryRun';
import { errorItem, errorItemOrThrow } from './errorItems';
import type {
	ItemPlan,
	ItemResult,
	Operation,
	PlannedItem,
	Run,
	SendUnit,
	Sending,
	Staged,
} from './operation';
import type { ItemStatuses } from './stopError';
import { stopError } from './stopError';

function startRun(ctx: IExecuteFunctions, sending: Sending): Run {
	const shared = new Map<unknown, unknown>();
	return {
		ctx,
		sending,
		concurrency: readConcurrency(ctx, sending.concurrency),
		state: newRunState(ctx, sending.writes && readDryRun(ctx)),
		continueOnFail: ctx.continueOnFail(),
		once<T>(read: (ctx: IExecuteFunctions) => T): T {
			if (!shared.has(read)) shared.set(read, read(ctx));
			return shared.get(read) as T;
		},
	};
}

function settingsOf(run: Run, itemIndex: number): RequestSettings {
	return readRequestSettings(run.ctx, itemIndex, run.state);
}

/** A unit that went through the queue: its results, or in a dry run the write it would have sent. */
type UnitOutcome = { results: ItemResult[] } | { planned: WireRequest };

/** What a run's items came to, for the output and for the stop error. */
class Ledger {
	readonly outputs: INodeExecutionData[][];
	readonly units: SendUnit[] = [];
	/** In a dry run: how many writes (requests) the transport held back. */
	plannedWrites = 0;

	constructor(private readonly run: Run) {
		this.outputs = run.ctx.getInputData().map(() => []);
	}

	/** The output items of one input item: its records, paired (and marked in a dry run). */
	result(itemIndex: number, result: ItemResult): void {
		const records = Array.isArray(result) ? result : [result];
		this.outputs[itemIndex] = records.map((json) => ({
			json: this.run.state.dryRun ? { ...json, dryRun: true } : json,
			pairedItem: { item: itemIndex },
		}));
	}

	/** A bad item before anything of it was sent: stops the node, or becomes its error item. */
	badItem(itemIndex: number, error: unknown): void {
		this.outputs[itemIndex] = [errorItemOrThrow(this.run.ctx, error, itemIndex)];
	}

	failedItem(itemIndex: number, error: unknown): void {
		this.outputs[itemIndex] = [errorItem(this.run.ctx, error, itemIndex)];
	}

	unitDone(unit: SendUnit, outcome: UnitOutcome): void {
		if ('planned' in outcome) this.plannedWrites++;
		unit.itemIndexes.forEach((itemIndex, position) => {
			if ('results' in outcome) this.result(itemIndex, outcome.results[position]);
			else
				this.result(
					itemIndex,
					unit.plannedItem?.(position, outcome.planned) ?? { request: outcome.planned },
				);
		});
	}
}

async function planItem(
	run: Run,
	operation: Operation<unknown>,
	itemIndex: number,
): Promise<PlannedItem<unknown>> {
	const settings = settingsOf(run, itemIndex);
	const plan = await operation.plan.call(run.ctx, itemIndex, settings, run);
	return { itemIndex, settings, plan };
}

/** Each item on its own: the default unit, for operations whose plan is an ItemPlan. */
function unitOf({ itemIndex, plan }: PlannedItem<unknown>): SendUnit {
	const { send, recordKey } = plan as ItemPlan;
	return {
		itemIndexes: [itemIndex],
		recordKeys: recordKey === undefined ? [] : [recordKey],
		send: async () => [await send()],
	};
}

/** The queue's task for a unit; in a dry run the write the transport held back is an outcome, not a failure. */
function taskOf(unit: SendUnit): SendTask<UnitOutcome> {
	return {
		recordKeys: unit.recordKeys,
		send: async () =>
			await unit.send().then(
				(results) => ({ results }),
				(error: unknown) => {
					if (error instanceof PlannedWrite) return { planned: error.request };
					// The queue records the failure as it is; the pipeline makes it a node error.
					return Promise.reject(error);
				},
			),
	};
}

/** Writes: every item is planned (a bad one stops the run before anything is sent), then the stages, then the units. */
async function plannedUnits(
	run: Run,
	operation: Operation<unknown>,
	ledger: Ledger,
): Promise<SendUnit[]> {
	let planned: Array<PlannedItem<unknown>> = [];
	for (let itemIndex = 0; itemIndex < ledger.outputs.length; itemIndex++) {
		try {
			planned.push(await planItem(run, operation, itemIndex));
		} catch (error) {
			ledger.badItem(itemIndex, error);
		}
	}
	for (const stage of operation.stages ?? []) {
		planned = continuing(await stage.run(run, planned), ledger);
	}
	return operation.batch ? operation.batch(run, planned) : planned.map(unitOf);
}

/** The items a stage passes on; the ones it finished or failed get their output now. */
function continuing(staged: Array<Staged<unknown>>, ledger: Ledger): Array<PlannedItem<unknown>> {
	const planned: Array<PlannedItem<unknown>> = [];
	for (const item of staged) {
		if ('plan' in item) planned.push(item);
		else if ('result' in item) ledger.result(item.itemIndex, item.result);
		else ledger.badItem(item.itemIndex, item.error);
	}
	return planned;
}

/**
 * Reads: item i+1 is planned while item i is in flight. A bad item stops the run (or becomes its
 * error item) when its turn comes; reads sent before it change nothing.
 */
function streamedUnits(
	run: Run,
	operation: Operation<unknown>,
	ledger: Ledger,
	onBadItem: (itemIndex: number, error: unknown) => void,
) {
	let next = 0;
	const count = ledger.outputs.length;
	return {
		next: async (): Promise<SendTask<UnitOutcome> | undefined> => {
			while (next < count) {
				const itemIndex = next++;
				try {
					const unit = unitOf(await planItem(run, operation, itemIndex));
					ledger.units.push(unit);
					return taskOf(unit);
				} catch (error) {
					if (!run.continueOnFail) {
						onBadItem(itemIndex, error);
						return undefined;
					}
					ledger.failedItem(itemIndex, error);
				}
			}
			return undefined;
		},
	};
}

/**
 * Runs one operation over every input item: plans them (writes all before the first request, reads
 * streaming), passes the plans through the operation's stages, puts them into units (its batches, or
 * one item each), sends those with at most Concurrency in flight (the same record in input order,
 * one rate-limit gate) and folds the results into output items, paired and in input order. A failure
 * stops the node (requests in flight finish; the error says which items were done and which were not
 * sent), or with Continue On Fail becomes the error item of each of its items.
 */
export async function runOperation(
	ctx: IExecuteFunctions,
	operation: Operation<unknown>,
): Promise<INodeExecutionData[]> {
	const run = startRun(ctx, operation.sending);
	const ledger = new Ledger(run);
	const streams = !operation.sending.writes && !operation.batch && !operation.stages;
	let badItem: { itemIndexes: number[]; error: unknown } | undefined;
	let source;
	if (streams) {
		source = streamedUnits(run, operation, ledger, (itemIndex, error) => {
			badItem = { itemIndexes: [itemIndex], error };
		});
	} else {
		ledger.units.push(...(await plannedUnits(run, operation, ledger)));
		source = ledger.units.map(taskOf);
	}
	const report = await sendBounded(source, run.concurrency, !run.continueOnFail);
	const { units } = ledger;
	report.outcomes.forEach((outcome, position) => {
		if (outcome.status === 'done') ledger.unitDone(units[position], outcome.value);
		if (outcome.status !== 'failed') return;
		units[position].explainFailure?.(outcome.error);
		for (const itemIndex of units[position].itemIndexes)
			ledger.failedItem(itemIndex, outcome.error);
	});
	const firstFailure =
		badItem ??
		(report.firstFailure === undefined
			? undefined
			: {
					itemIndexes: units[report.firstFailure].itemIndexes,
					error: (report.outcomes[report.firstFailure] as { error: unknown }).error,
				});
	if (!run.continueOnFail && firstFailure) {
		const statuses = itemStatuses(ledger, report.outcomes, firstFailure.itemIndexes);
		throw stopError(run, operation, firstFailure, statuses);
	}
	const outputs = ledger.outputs.flat();
	addHints(run, operation, ledger.plannedWrites, outputs);
	return outputs;
}

/** What the user must not miss, as notices above the output (an n8n without them: none). */
function addHints(
	run: Run,
	operation: Operation<unknown>,
	plannedWrites: number,
	outputs: INodeExecutionData[],
): void {
	const messages: string[] = [];
	if (run.state.dryRun) {
		const writes = plannedWrites === 1 ? 'write' : 'writes';
		messages.push(`Dry run: ${plannedWrites} ${writes} planned, nothing sent`);
	}
	messages.push(...(operation.hints?.(outputs.map((item) => item.json)) ?? []));
	if (messages.length === 0 || typeof run.ctx.addExecutionHints !== 'function') return;
	run.ctx.addExecutionHints(
		...messages.map((message) => ({
			message,
			type: 'info' as const,
			location: 'outputPane' as const,
		})),
	);
}

/** Each item's status for the stop error: done, failed, or not sent (items never planned included). */
function itemStatuses(
	ledger: Ledger,
	outcomes: Array<{ status: string }>,
	failedItems: number[],
): ItemStatuses {
	const statusOf: Array<string | undefined> = ledger.outputs.map((output, itemIndex) =>
		output.length > 0 || failedItems.includes(itemIndex) ? 'output' : 'notSent',
	);
	ledger.units.forEach((unit, position) => {
		for (const itemIndex of unit.itemIndexes)
			statusOf[itemIndex] = outcomes[position]?.status ?? 'notSent';
	});
	const having = (status: string | undefined) =>
		statusOf.flatMap((itemStatus, itemIndex) => (itemStatus === status ? [itemIndex] : []));
	return { done: having('done'), failed: having('failed'), notSent: having('notSent') };
}
