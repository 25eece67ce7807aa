import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READ_CONCURRENCY, WRITE_CONCURRENCY } from '../concurrency';
import type { RequestSettings, RunState } from '../requestSettings';
import type { WireRequest } from './dryRun';

/** What every item of one node run shares. Created per execution, never kept. */
export interface Run {
	ctx: IExecuteFunctions;
	sending: Sending;
	concurrency: number;
	/**
	 * What every request of the run shares: one rate-limit gate, the credentials read once, and
	 * Options → Dry Run (writes only: the transport sends no write, the pipeline outputs it).
	 */
	state: RunState;
	continueOnFail: boolean;
	/** `read(ctx)`, called once per run: what every item's plan shares (a mode, a reader built for it). */
	once<T>(read: (ctx: IExecuteFunctions) => T): T;
}

/** What one item's send returns: a record, or (Get Many) a list of records, one output item each. */
export type ItemResult = IDataObject | IDataObject[];

/** What an operation plans for one item: every parameter is read and checked, nothing is sent yet. */
export interface ItemPlan {
	send: () => Promise<ItemResult>;
	/** The record the item changes (a subscriber, a credit, an agent's awards): such items keep input order. */
	recordKey?: string;
}

/**
 * Reads and checks one item's parameters (no request) and says what to send, with these request
 * settings. What is the same for every item is read once per run with `run.once(read)`.
 */
export type ItemPlanner<Plan = ItemPlan> = (
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	run: Run,
) => Plan | Promise<Plan>;

/** How an operation sends: reads stream, writes are planned in full first and offer Dry Run. */
export interface Sending {
	writes: boolean;
	/** The default of Options → Concurrency. */
	concurrency: number;
}

/** Repeating a read costs nothing: side by side by default, each item planned while earlier ones are in flight. */
export const READS: Sending = { writes: false, concurrency: READ_CONCURRENCY };
/** Every item is planned (and checked) before the first write; fewer at a time; Options → Dry Run. */
export const WRITES: Sending = { writes: true, concurrency: WRITE_CONCURRENCY };

export interface PlannedItem<Plan> {
	itemIndex: number;
	plan: Plan;
	/** The item's Timeout / Max Retries with the run's state. */
	settings: RequestSettings;
}

/** What a stage makes of one planned item: still to send, finished without a request, or failed. */
export type Staged<Plan> =
	| PlannedItem<Plan>
	| { itemIndex: number; result: ItemResult }
	| { itemIndex: number; error: unknown };

/**
 * A step between planning every item and the first write: it sees all planned items and may send
 * reads (lookups) through the run's gate. It returns each item as it goes on, finished or failed.
 */
export interface Stage<Plan> {
	run(run: Run, planned: Array<PlannedItem<Plan>>): Promise<Array<Staged<Plan>>>;
}

/** What the pipeline sends as one: an item, or a batch of items (Voyado's rows in one request). */
export interface SendUnit {
	itemIndexes: number[];
	/** The records it changes: units on the same record are sent in input order. */
	recordKeys: string[];
	/** One result per item, in `itemIndexes` order. */
	send: () => Promise<ItemResult[]>;
	/**
	 * In a dry run, the output of the item at `position` for the write the unit would have sent; by
	 * default `{ request }` (a batch: its number, key and row instead of every row of the body).
	 */
	plannedItem?: (position: number, request: WireRequest) => IDataObject;
	/** Adds what the unit knows to its failure (which batch failed; what a 2xx that could not be read means). */
	explainFailure?: (error: unknown) => void;
}

/**
 * One operation, as the pipeline runs it: its parameters (with displayOptions), how it sends, and
 * how it plans one item. Optional: stages before the first write (lookups, skip existing), and
 * `batch`, which puts planned items into units (without it each item is its own unit, and the plan
 * must be an ItemPlan).
 */
export interface Operation<Plan = ItemPlan> {
	description: INodeProperties[];
	sending: Sending;
	plan: ItemPlanner<Plan>;
	stages?: Array<Stage<Plan>>;
	batch?(run: Run, planned: Array<PlannedItem<Plan>>): SendUnit[];
	/** For the stop error: how to run the operation again without doing twice what was done. */
	rerunAdvice?: string;
	/** Notices above the output that a user must not miss (rows refused, items skipped), from the output items. */
	hints?(outputs: IDataObject[]): string[];
}
