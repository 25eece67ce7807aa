const MAX_RANGES = 5;

/** `0–999, 2000 and 2500–2999`, shortened after a few ranges. */
export function itemRanges(indexes: number[]): string {
	const sorted = [...indexes].sort((a, b) => a - b);
	const ranges: string[] = [];
	for (let start = 0; start < sorted.length; ) {
		let end = start;
		while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
		ranges.push(end === start ? `${sorted[start]}` : `${sorted[start]}–${sorted[end]}`);
		start = end + 1;
	}
	if (ranges.length > MAX_RANGES) {
		return `${ranges.slice(0, MAX_RANGES).join(', ')} and ${ranges.length - MAX_RANGES} more ranges (${sorted.length} items)`;
	}
	return ranges.length > 1
		? `${ranges.slice(0, -1).join(', ')} and ${ranges[ranges.length - 1]}`
		: (ranges[0] ?? '');
}

/** "Item 3" or "Items 0–2 and 5". */
export function itemsPhrase(indexes: number[]): string {
	return `${indexes.length === 1 ? 'Item' : 'Items'} ${itemRanges(indexes)}`;
}
