import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from '../shared/context';
import { unexpectedResponseError } from '../shared/errors';
import type { Collection } from '../shared/collection';
import type { Page } from '../shared/paging';
import { collectOffsetPages, offsetPage } from '../shared/paging';
import { voyadoRequest } from './transport';

/** Engage's own default `count`. */
export const PAGE_SIZE = 100;

interface ListPage {
	items: IDataObject[];
	total?: number;
}

/** Accepts both list shapes Engage uses: `{items, totalCount, ...}` and a plain array (definitions). */
function readListPage(ctx: ApiContext, body: unknown, path: string, itemIndex: number): ListPage {
	if (body === undefined || body === null) return { items: [] };
	if (Array.isArray(body)) return { items: body as IDataObject[] };
	const record = body as IDataObject;
	if (typeof body === 'object' && Array.isArray(record.items)) {
		const total = Number(record.totalCount);
		return {
			items: record.items as IDataObject[],
			total: Number.isFinite(total) ? total : undefined,
		};
	}
	throw unexpectedResponseError(
		ctx.getNode(),
		'Voyado Engage sent a list response that is neither a JSON array nor {items, totalCount}',
		`Unexpected answer from ${path}`,
		itemIndex,
	);
}

/** Lists an Engage collection with `offset`/`count`, until its `totalCount` (or a short page of a plain array). */
export async function listRecords(
	collection: Collection,
	limit: number | undefined,
): Promise<IDataObject[]> {
	return await collectOffsetPages(
		0,
		limit,
		PAGE_SIZE,
		async (offset, count) => await fetchPage(collection, offset, count),
	);
}

/** One `offset`/`count` page of an Engage collection, from any n8n context (a run or a picker). */
export async function fetchPage(
	{ ctx, path, query, itemIndex, settings }: Collection,
	offset: number,
	count: number,
): Promise<Page<IDataObject, number>> {
	const body = await voyadoRequest<unknown>(
		ctx,
		{ method: 'GET', path, qs: { ...query, offset, count } },
		itemIndex,
		settings,
	);
	const { items, total } = readListPage(ctx, body, path, itemIndex);
	return offsetPage(offset, count, items, total);
}
