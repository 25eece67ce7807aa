import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { concurrencyProperty } from './concurrency';
import { byDisplayName } from './descriptions';
import { dryRunProperty } from './pipeline/dryRun';
import type { Operation } from './pipeline/operation';
import { errorItem } from './pipeline/errorItems';
import { runOperation } from './pipeline/run';
import { isToolRun } from './toolRun';

export type { Operation };

/** Operations by resource and name; each may plan its own kind of item (see Operation). */
export type OperationTable = Record<string, Record<string, Operation<unknown>>>;

/**
 * n8n adds "Custom API Call" (this value) to the Resource and Operation lists of every node whose
 * credential has `authenticate`; the editor then points to the HTTP Request node, which makes the
 * call with the node's credential. The node itself has nothing to run for it.
 */
export const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

function customApiCallError(ctx: IExecuteFunctions, credentialDisplayName: string) {
	return new NodeOperationError(
		ctx.getNode(),
		'Custom API Call is made with the HTTP Request node',
		{
			description: `Add an HTTP Request node, set Authentication to "Predefined Credential Type" and Credential Type to "${credentialDisplayName}", and choose your credential: n8n adds its authentication to the request. See https://docs.n8n.io/integrations/custom-operations/`,
		},
	);
}

/**
 * Runs the selected operation. `credentialDisplayName` names the credential type the HTTP Request
 * node offers for a Custom API Call. A failure stops the node, except in an AI agent's tool call:
 * there it is the tool's answer, so that the model can read it (toolRun.ts).
 */
export async function routeOperation(
	ctx: IExecuteFunctions,
	table: OperationTable,
	credentialDisplayName: string,
): Promise<INodeExecutionData[][]> {
	if (!isToolRun(ctx)) return await runSelectedOperation(ctx, table, credentialDisplayName);
	try {
		return await runSelectedOperation(ctx, table, credentialDisplayName);
	} catch (error) {
		// A tool call is one input item: the model's arguments.
		return [[errorItem(ctx, error, 0)]];
	}
}

async function runSelectedOperation(
	ctx: IExecuteFunctions,
	table: OperationTable,
	credentialDisplayName: string,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	// With Custom API Call as the resource the editor hides Operation, so it may not be set at all.
	if (resource === CUSTOM_API_CALL) throw customApiCallError(ctx, credentialDisplayName);
	const operation = ctx.getNodeParameter('operation', 0) as string;
	if (operation === CUSTOM_API_CALL) throw customApiCallError(ctx, credentialDisplayName);
	const selected = table[resource]?.[operation];
	if (!selected) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for the resource "${resource}"`,
		);
	}
	return [await runOperation(ctx, selected)];
}

/**
 * An operation's parameters, its Options collection completed with the options the pipeline reads:
 * Concurrency with the operation's default, and Dry Run for writes.
 */
function withRunOptions(operation: Operation<unknown>): INodeProperties[] {
	const { sending } = operation;
	const runOptions = [concurrencyProperty(sending.concurrency)];
	if (sending.writes) runOptions.push(dryRunProperty);
	return operation.description.map((property) =>
		property.name === 'options' && property.type === 'collection'
			? {
					...property,
					options: [...(property.options as INodeProperties[]), ...runOptions].sort(byDisplayName),
				}
			: property,
	);
}

/** Every operation's parameters, in table order, for the node description. */
export function operationProperties(table: OperationTable): INodeProperties[] {
	return Object.values(table).flatMap((operations) =>
		Object.values(operations).flatMap(withRunOptions),
	);
}
