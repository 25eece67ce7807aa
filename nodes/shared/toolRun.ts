import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { withoutItemSuffix } from './checks';

/**
 * Whether an AI agent runs the node as a tool. n8n's engine-run tools (the AI Agent from version 3)
 * mark the node by sending its log to `ai_tool` (`rewireOutputLogTo`); tools the agent calls itself
 * (n8n 1.x, and AI Agent 2.x on n8n 2.x) get the model's arguments on the node's `ai_tool` input.
 */
export function isToolRun(ctx: IExecuteFunctions): boolean {
	if (ctx.getNode().rewireOutputLogTo === NodeConnectionTypes.AiTool) return true;
	return ctx.getInputData(0, NodeConnectionTypes.AiTool).length > 0;
}

/** What a failure says besides its message: the HTTP status of an API failure and the hint. */
export type FailureFacts = {
	httpCode?: string;
	description?: string;
};

/**
 * A failed tool call as the AI model reads it. A tool's failure is answered, never thrown: n8n gives
 * the model nothing readable for a thrown error (an empty string), but hands it the tool's output
 * items as JSON. So the answer is one item with the message (without "(item 0)": a tool call is one
 * item), the hint and the HTTP status; the tool's run in the execution log carries the failure as a
 * hint, since an answered call is not marked as an error there.
 */
export function toolFailureItem(
	ctx: IExecuteFunctions,
	message: string,
	facts: FailureFacts,
	itemIndex: number,
): INodeExecutionData {
	const error = withoutItemSuffix(message, itemIndex);
	const json: IDataObject = { error };
	if (facts.description) json.hint = facts.description;
	if (facts.httpCode) json.httpCode = facts.httpCode;
	ctx.addExecutionHints?.({
		type: 'warning',
		location: 'outputPane',
		message: `This tool call failed, and the AI agent was told why: ${error}`,
	});
	return { json, pairedItem: { item: itemIndex } };
}
