import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from './itemLoop';
import { runPerItem } from './itemLoop';

/** One operation: its parameters (with displayOptions) next to the code that maps them to the API. */
export interface Operation {
	description: INodeProperties[];
	/** Runs once per input item. */
	execute?: (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;
	/** Runs once for all input items (batched writes); must pair every output with its input. */
	executeAll?: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

export type OperationTable = Record<string, Record<string, Operation>>;

export async function routeOperation(
	ctx: IExecuteFunctions,
	table: OperationTable,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const selected = table[resource]?.[operation];
	if (!selected) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for the resource "${resource}"`,
		);
	}
	if (selected.executeAll) return [await selected.executeAll.call(ctx)];
	const execute = selected.execute;
	if (!execute)
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" has nothing to run`);
	return [await runPerItem(ctx, async (itemIndex) => await execute.call(ctx, itemIndex))];
}

/** Every operation's parameters, in table order, for the node description. */
export function operationProperties(table: OperationTable): INodeProperties[] {
	return Object.values(table).flatMap((operations) =>
		Object.values(operations).flatMap((op) => op.description),
	);
}
