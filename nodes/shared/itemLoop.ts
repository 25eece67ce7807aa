import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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
export function errorFacts(error: unknown): IDataObject {
	const facts: IDataObject = {};
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
 * `details`, so there the status and hint go under `details`.
 */
export function errorItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	const facts = errorFacts(error);
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

/**
 * Runs `handler` once per input item: one output item per returned record, each paired with its
 * input item. A failure stops the node, or with "Continue On Fail" becomes that item's error item.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const itemCount = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const result = await handler(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, itemIndex);
			output.push(errorItem(ctx, error, itemIndex));
		}
	}
	return output;
}
