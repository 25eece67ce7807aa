import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FailureFacts } from '../toolRun';
import { isToolRun, toolFailureItem } from '../toolRun';

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

/** A bad item: stops the node, or with "Continue On Fail" becomes the item's error item. */
export function errorItemOrThrow(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	if (!ctx.continueOnFail()) throw asNodeError(ctx, error, itemIndex);
	return errorItem(ctx, error, itemIndex);
}
