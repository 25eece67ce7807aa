import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readConcurrency } from './concurrency';
import type { RequestSettings, RunState } from './requestSettings';
import { newRunState, readRequestSettings } from './requestSettings';
import { itemsPhrase } from './itemRanges';
import type { SendReport } from './sendQueue';
import { sendBounded } from './sendQueue';
import type { FailureFacts } from './toolRun';
import { isToolRun, toolFailureItem } from './toolRun';

export type ItemResult = IDataObject | IDataObject[];

/** The message a failed item carries when "Continue On Fail" is on. */
export function errorMessageOf(error: unknown): string {
	if (error instanceof Error) return error.message;
	return String(error);
}

/** Keeps NodeApiError/NodeOperationError as they are; anything else becomes a NodeOperationError for that item. */
export function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** What an error item says besides the message: the HTTP status of an API failure (as text) and the hint. */
export function errorFacts(error: unknown): FailureFacts {
	const facts: FailureFacts = {};
	if (error instanceof NodeApiError && error.httpCode) facts.httpCode = String(error.httpCode);
	if ((error instanceof NodeApiError || error instanceof NodeOperationError) && error.description)
		facts.description = error.description;
	return facts;
}

/**
 * The error item that "Continue On Fail" puts in place of a failed input item: the message, the
 * HTTP status of an API failure as text (as n8n's own errors carry it) and the hint. The node's
 * errors are built without request data and with secrets redacted, so all of it is safe to output.
 * n8n moves an item to the error output only when its JSON holds nothing but `error`, `message` and
 * `details`, so there the status and hint go under `details`. An AI agent's tool call gets the
 * failure as its model reads it (toolRun.ts), whether or not the node continues on fail.
 */
export function errorItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	const facts = errorFacts(error);
	if (isToolRun(ctx)) return toolFailureItem(ctx, errorMessageOf(error), facts, itemIndex);
	const toErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const json: IDataObject = toErrorOutput
		? { error: errorMessageOf(error), details: facts }
		: { error: errorMessageOf(error), ...facts };
	return { json, pairedItem: { item: itemIndex } };
}

/** For loops of their own (batched writes): stops the node, or with "Continue On Fail" returns the item's error item. */
export function errorItemOrThrow(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	if (!ctx.continueOnFail()) throw asNodeError(ctx, error, itemIndex);
	return errorItem(ctx, error, itemIndex);
}

/** What an operation plans for one item: every parameter is read and checked, nothing is sent yet. */
export interface ItemPlan {
	send: () => Promise<ItemResult>;
	/** The record the item changes (a subscriber, a credit, an agent's awards): such items keep input order. */
	recordKey?: string;
}

/** Reads and checks one item's parameters (no request) and says what to send, with these request settings. */
export type ItemPlanner = (
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
) => ItemPlan | Promise<ItemPlan>;

/** The output items of one input item: its records, or its error item. */
function outputOf(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	return (Array.isArray(result) ? result : [result]).map((json) => ({
		json,
		pairedItem: { item: itemIndex },
	}));
}

/** Plans every item before anything is sent: a bad item stops the node, or with "Continue On Fail" becomes its error item. */
async function planAll(
	ctx: IExecuteFunctions,
	planner: ItemPlanner,
	run: RunState,
	outputs: INodeExecutionData[][],
): Promise<Array<{ itemIndex: number; plan: ItemPlan }>> {
	const planned: Array<{ itemIndex: number; plan: ItemPlan }> = [];
	for (let itemIndex = 0; itemIndex < outputs.length; itemIndex++) {
		try {
			const settings = readRequestSettings(ctx, itemIndex, run);
			planned.push({ itemIndex, plan: await planner.call(ctx, itemIndex, settings) });
		} catch (error) {
			outputs[itemIndex] = [errorItemOrThrow(ctx, error, itemIndex)];
		}
	}
	return planned;
}

/**
 * Plans every input item, then sends them with at most `concurrency` requests in flight (items on
 * the same record one after another), one output per returned record, paired and in input order.
 * A failure stops the node (requests in flight finish, and the error says which items were done and
 * which were not sent), or with "Continue On Fail" becomes that item's error item.
 */
export async function runPlannedItems(
	ctx: IExecuteFunctions,
	planner: ItemPlanner,
	defaultConcurrency: number,
): Promise<INodeExecutionData[]> {
	const outputs: INodeExecutionData[][] = ctx.getInputData().map(() => []);
	const concurrency = readConcurrency(ctx, defaultConcurrency);
	const planned = await planAll(ctx, planner, newRunState(ctx), outputs);
	const continueOnFail = ctx.continueOnFail();
	const report = await sendBounded(
		planned.map(({ plan }) => ({
			recordKeys: plan.recordKey === undefined ? [] : [plan.recordKey],
			send: plan.send,
		})),
		concurrency,
		!continueOnFail,
	);
	if (!continueOnFail && report.firstFailure !== undefined) {
		throw stoppedRunError(
			ctx,
			report,
			planned.map(({ itemIndex }) => itemIndex),
		);
	}
	report.outcomes.forEach((outcome, position) => {
		const { itemIndex } = planned[position];
		if (outcome.status === 'done') outputs[itemIndex] = outputOf(outcome.value, itemIndex);
		if (outcome.status === 'failed')
			outputs[itemIndex] = [errorItem(ctx, outcome.error, itemIndex)];
	});
	return outputs.flat();
}

/** The first failure, saying which items were done before the node stopped and which were never sent. */
function stoppedRunError(
	ctx: IExecuteFunctions,
	report: SendReport<ItemResult>,
	itemIndexes: number[],
): NodeApiError | NodeOperationError {
	const first = report.firstFailure as number;
	const failure = report.outcomes[first] as { error: unknown };
	const error = asNodeError(ctx, failure.error, itemIndexes[first]);
	const having = (status: string) =>
		itemIndexes.filter((_, position) => report.outcomes[position].status === status);
	const [done, failed, notSent] = [having('done'), having('failed'), having('notSent')];
	const progress: string[] = [];
	if (done.length > 0)
		progress.push(
			`${itemsPhrase(done)} ${done.length === 1 ? 'was' : 'were'} already done: what they wrote stays written, so do not send them again.`,
		);
	if (failed.length > 1) progress.push(`${itemsPhrase(failed)} failed.`);
	if (notSent.length > 0)
		progress.push(`${itemsPhrase(notSent)} ${notSent.length === 1 ? 'was' : 'were'} not sent.`);
	if (progress.length > 0)
		error.description = [error.description, ...progress].filter(Boolean).join(' ');
	return error;
}
