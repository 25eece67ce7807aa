export interface PendingRow {
	itemIndex: number;
	/** The user's base key, or '' for the automatic one. */
	userKey: string;
}

export interface Batch {
	itemIndexes: number[];
	idempotencyKey: string;
}

/**
 * Splits the rows into as few batches as `batchSize` allows. Rows with different user keys never
 * share a batch (a key promises what was sent under it); each batch's key is `<base>-<n>`.
 */
export function planBatches(rows: PendingRow[], batchSize: number, automaticBase: string): Batch[] {
	const groups = new Map<string, number[]>();
	for (const { itemIndex, userKey } of rows) {
		const group = groups.get(userKey);
		if (group) group.push(itemIndex);
		else groups.set(userKey, [itemIndex]);
	}
	const batches: Batch[] = [];
	for (const [userKey, itemIndexes] of groups) {
		const base = userKey || automaticBase;
		for (let start = 0; start < itemIndexes.length; start += batchSize) {
			batches.push({
				itemIndexes: itemIndexes.slice(start, start + batchSize),
				idempotencyKey: `${base}-${start / batchSize + 1}`,
			});
		}
	}
	return batches;
}
