import type { IDataObject } from 'n8n-workflow';

import type { ApiRequest } from '../shared/http';
import { apiRequest } from '../shared/http';
import type { Collection } from '../shared/collection';
import type { Page } from '../shared/paging';
import { collectPages } from '../shared/paging';
import { unexpectedReply, waldur, waldurBaseUrl } from './transport';

/** Waldur's documented largest page size (the code allows 300 in some versions; 100 is safe). */
export const MAX_PAGE_SIZE = 100;

interface Cursor {
	/** The server's `rel="next"` link, when it sent one. */
	link?: string;
	/** How many records earlier pages held. */
	offset: number;
	/** The page size in use: what was asked for, or less when the server capped it. */
	pageSize: number;
}

function headerText(value: unknown): string {
	return Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
}

/** The `rel="next"` target of a Link header (RFC 8288), if any. */
export function nextLinkOf(headers: IDataObject): string | undefined {
	for (const match of headerText(headers.link ?? headers.Link).matchAll(/<([^>]*)>([^,<]*)/g)) {
		const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(match[2])?.[1] ?? '';
		if (rel.toLowerCase().split(/\s+/).includes('next')) return match[1];
	}
	return undefined;
}

function resultCountOf(headers: IDataObject): number | undefined {
	const text = headerText(headers['x-result-count']);
	return /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

/**
 * A next link is always sent to the credential's host: behind a proxy Waldur may write its own
 * scheme or host into the link, and the token must never travel anywhere else.
 */
function onCredentialHost(link: string, baseUrl: string): string {
	const target = new URL(link, baseUrl);
	return new URL(`${target.pathname}${target.search}`, new URL(baseUrl).origin).href;
}

/** The smallest page size ≥ wanted whose pages start exactly at `offset`, so the last page holds no extras. */
function alignedPageSize(offset: number, wanted: number, pageSize: number): number | undefined {
	for (let size = wanted; size < pageSize; size++) if (offset % size === 0) return size;
	return undefined;
}

function pageQuery(query: IDataObject, offset: number, size: number): IDataObject {
	return offset === 0
		? { ...query, page_size: size }
		: { ...query, page: offset / size + 1, page_size: size };
}

/**
 * Lists a Waldur collection: follows `Link: <…>; rel="next"` at the largest page size, falls back to
 * `page`/`page_size` with `X-Result-Count` when the server sends no link, and asks for no more
 * records than `limit` needs.
 */
export async function listRecords(
	{ ctx, path, query, itemIndex, settings }: Collection,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const baseUrl = await waldurBaseUrl(ctx, settings);
	const first: Cursor = { offset: 0, pageSize: Math.min(MAX_PAGE_SIZE, limit ?? MAX_PAGE_SIZE) };

	return await collectPages<IDataObject, Cursor>(first, limit, async (cursor, wanted) => {
		const shrunk =
			wanted < cursor.pageSize
				? alignedPageSize(cursor.offset, wanted, cursor.pageSize)
				: undefined;
		const size = shrunk ?? cursor.pageSize;
		const request: ApiRequest =
			cursor.link && shrunk === undefined
				? { method: 'GET', path: onCredentialHost(cursor.link, baseUrl) }
				: { method: 'GET', path, qs: pageQuery(query, cursor.offset, size) };
		const { body, headers } = await apiRequest<unknown>(ctx, waldur, request, itemIndex, settings);
		if (body === undefined) return { items: [] };
		if (!Array.isArray(body)) throw unexpectedReply(ctx, 'a JSON array', path, itemIndex);

		const items = body as IDataObject[];
		const offset = cursor.offset + items.length;
		const total = resultCountOf(headers);
		const link = nextLinkOf(headers);
		const pageSize =
			cursor.offset === 0 && items.length > 0 && items.length < size
				? items.length
				: cursor.pageSize;
		if (link) return { items, next: { link, offset, pageSize } };
		const more = total !== undefined && offset < total && offset % pageSize === 0;
		return { items, next: more ? { offset, pageSize } : undefined };
	});
}

/**
 * One page for a picker: the first from `path` with `query`, the next ones from the `rel="next"` link
 * the previous page sent (the picker's page token), always on the credential's host.
 */
export async function fetchPage(
	{ ctx, path, query, itemIndex, settings }: Collection,
	pageSize: number,
	nextLink?: string,
): Promise<Page<IDataObject, string>> {
	const baseUrl = await waldurBaseUrl(ctx, settings);
	const request: ApiRequest = nextLink
		? { method: 'GET', path: onCredentialHost(nextLink, baseUrl) }
		: { method: 'GET', path, qs: { ...query, page_size: pageSize } };
	const { body, headers } = await apiRequest<unknown>(ctx, waldur, request, itemIndex, settings);
	if (body === undefined) return { items: [] };
	if (!Array.isArray(body)) throw unexpectedReply(ctx, 'a JSON array', path, itemIndex);
	return { items: body as IDataObject[], next: nextLinkOf(headers) };
}
