export interface Page<T, Cursor> {
	items: T[];
	/** Where the next page starts; undefined when this was the last page. */
	next?: Cursor;
}

/**
 * Collects pages until the API has no more or `limit` items are in hand. `fetchPage` is told how
 * many items are still wanted, so it can ask for exactly that many and never fetch a page too many.
 */
export async function collectPages<T, Cursor>(
	first: Cursor,
	limit: number | undefined,
	fetchPage: (cursor: Cursor, wanted: number) => Promise<Page<T, Cursor>>,
): Promise<T[]> {
	const collected: T[] = [];
	let cursor: Cursor | undefined = first;
	while (cursor !== undefined) {
		const wanted = limit === undefined ? Number.POSITIVE_INFINITY : limit - collected.length;
		if (wanted <= 0) break;
		const page: Page<T, Cursor> = await fetchPage(cursor, wanted);
		collected.push(...page.items);
		cursor = page.items.length === 0 ? undefined : page.next;
	}
	return limit === undefined ? collected : collected.slice(0, limit);
}

/**
 * Offset paging (`$skip`/`$top`, `offset`/`count`) with a provider's `fetchPage`, which is asked for
 * min(wanted, pageSize) items per page and says where the next page starts (see offsetPage).
 */
export async function collectOffsetPages<T>(
	startOffset: number,
	limit: number | undefined,
	pageSize: number,
	fetchPage: (offset: number, count: number) => Promise<Page<T, number>>,
): Promise<T[]> {
	return await collectPages<T, number>(
		startOffset,
		limit,
		async (offset, wanted) => await fetchPage(offset, Math.min(pageSize, wanted)),
	);
}

/**
 * A page of an offset-paged list. With a `total` the API reports, the list runs until the total is
 * reached (a short page does not end it, in case the API caps the page size); without one it ends on
 * a short page. An empty page always ends it (see collectPages).
 */
export function offsetPage<T>(
	offset: number,
	count: number,
	items: T[],
	total?: number,
): Page<T, number> {
	const nextOffset = offset + items.length;
	const more = total === undefined ? items.length === count : nextOffset < total;
	return { items, next: more ? nextOffset : undefined };
}

/**
 * One page for a list picker: fetches pages from `first` until one holds a record `keep` accepts or
 * the list ends, so a search the node applies itself never shows an empty page while more remain.
 */
export async function pickerPage<T, Cursor>(
	first: Cursor,
	fetchPage: (cursor: Cursor) => Promise<Page<T, Cursor>>,
	keep: (record: T) => boolean = () => true,
): Promise<Page<T, Cursor>> {
	let cursor: Cursor | undefined = first;
	while (cursor !== undefined) {
		const page: Page<T, Cursor> = await fetchPage(cursor);
		const kept = page.items.filter(keep);
		const next = page.items.length === 0 ? undefined : page.next;
		if (kept.length > 0 || next === undefined) return { items: kept, next };
		cursor = next;
	}
	return { items: [] };
}
