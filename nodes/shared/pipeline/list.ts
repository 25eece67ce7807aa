import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../fields';
import type { ItemPlan } from './operation';

/** A Get Many item's plan: Return All / Limit are read now, `list` fetches that many records on send. */
export function planList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	list: (limit: number | undefined) => Promise<IDataObject[]>,
): ItemPlan {
	const limit = readLimit(ctx, itemIndex);
	return { send: async () => await list(limit) };
}
