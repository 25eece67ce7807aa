import type { IDataObject } from 'n8n-workflow';

import type { Collection } from '../shared/collection';
import { unexpectedResponseError } from '../shared/errors';
import type { Page } from '../shared/paging';
import { collectOffsetPages, offsetPage } from '../shared/paging';
import { signTrakerRequest } from './transport';

/** SignTraker's page size for Return All. Its API documents no cap on `$top`. */
export const PAGE_SIZE = 100;

/** Lists a SignTraker collection from `skip` with `$top`/`$skip` pages, never a page too many. */
export async function listRecords(
	collection: Collection,
	limit: number | undefined,
	skip = 0,
): Promise<IDataObject[]> {
	return await collectOffsetPages(
		skip,
		limit,
		PAGE_SIZE,
		async (offset, count) => await fetchPage(collection, offset, count),
	);
}

/**
 * One `$top`/`$skip` page of a SignTraker collection (a bare JSON array), from any n8n context. SignTraker
 * reports no total, so a short page is the last.
 */
export async function fetchPage(
	{ ctx, path, query, itemIndex, settings }: Collection,
	offset: number,
	count: number,
): Promise<Page<IDataObject, number>> {
	const qs: IDataObject = { ...query, $top: count };
	if (offset > 0) qs.$skip = offset;
	const request = { method: 'GET' as const, path, qs };
	const body = await signTrakerRequest<unknown>(ctx, request, itemIndex, settings);
	if (body === undefined) return { items: [] };
	if (!Array.isArray(body)) {
		throw unexpectedResponseError(
			ctx.getNode(),
			'SignTraker sent a list response that is not a JSON array',
			`Expected a JSON array from ${path}`,
			itemIndex,
		);
	}
	return offsetPage(offset, count, body as IDataObject[]);
}
