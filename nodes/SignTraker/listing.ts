import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { unexpectedResponseError } from '../shared/errors';
import { extractLocatorValue, readLimit } from '../shared/fields';
import type { Collection } from '../shared/collection';
import type { Page } from '../shared/paging';
import { collectOffsetPages, offsetPage } from '../shared/paging';
import { invalidParameter, toFiniteNumber } from '../shared/checks';
import type { ItemPlan } from '../shared/pipeline/operation';
import type { RequestSettings } from '../shared/requestSettings';
import { signTrakerRequest } from './transport';

/** SignTraker's page size for Return All. Its API documents no cap on `$top`. */
export const PAGE_SIZE = 100;

/** The OData options both list operations share. */
export const odataOptions: INodeProperties[] = [
	{
		displayName: 'Order By',
		name: 'orderBy',
		type: 'string',
		default: '',
		placeholder: 'Name asc',
		description:
			'OData $orderby: one or more fields, each optionally followed by asc or desc, separated by commas',
	},
	{
		displayName: 'Select',
		name: 'select',
		type: 'string',
		default: '',
		placeholder: 'Name,TotalAmount',
		description: 'OData $select: the fields to return, separated by commas',
	},
	{
		displayName: 'Skip',
		name: 'skip',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'OData $skip: how many records to pass over before the first one returned',
	},
];

export const odataFilter: INodeProperties = {
	displayName: 'Filter (OData)',
	name: 'filter',
	type: 'string',
	default: '',
	placeholder: "Name eq 'Spring'",
	description: 'An OData $filter expression, sent as it is',
};

/**
 * An OData option as text; `undefined` when empty. `$orderby`/`$select` may also be given as a list
 * of fields (from an expression), joined with "," as the SDK does. Anything else is refused, not dropped.
 */
function odataText(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
	allowList = false,
): string | undefined {
	if (value === undefined || value === null) return undefined;
	const isFieldList =
		allowList && Array.isArray(value) && value.every((entry) => typeof entry === 'string');
	const text = isFieldList
		? (value as string[])
				.map((entry) => entry.trim())
				.filter(Boolean)
				.join(',')
		: typeof value === 'string' || typeof value === 'number'
			? String(value).trim()
			: undefined;
	if (text === undefined) {
		throw invalidParameter(ctx, itemIndex, label, `must be text, got ${JSON.stringify(value)}`);
	}
	return text === '' ? undefined : text;
}

function toSkip(ctx: IExecuteFunctions, value: unknown, itemIndex: number): number {
	if (value === undefined || value === null || value === '') return 0;
	const skip = toFiniteNumber(ctx, value, itemIndex, 'Skip');
	if (!Number.isInteger(skip) || skip < 0) {
		throw invalidParameter(
			ctx,
			itemIndex,
			'Skip',
			`must be a whole number of 0 or more, got ${skip}`,
		);
	}
	return skip;
}

/**
 * A filter that picks one agent's records (Email, Awarded To). Once added it must have a value: an
 * empty one (say, an expression that found nothing) would silently list every record instead.
 */
export function identityFilter(
	ctx: IExecuteFunctions,
	filters: IDataObject,
	name: string,
	itemIndex: number,
	label: string,
): string | undefined {
	if (!(name in filters)) return undefined;
	const text = odataText(ctx, extractLocatorValue(filters[name]), itemIndex, label);
	if (text === undefined) {
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			'is empty',
			`Give a value, or remove the ${label} filter to list every record.`,
		);
	}
	return text;
}

/**
 * Plans a listing of a SignTraker collection with `$top`/`$skip` paging. `query` holds the endpoint's
 * own filters; `$filter`, `$orderby`, `$select` and `$skip` come from the operation's parameters.
 */
export function planListing(
	ctx: IExecuteFunctions,
	path: string,
	query: IDataObject,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const limit = readLimit(ctx, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const skip = toSkip(ctx, options.skip, itemIndex);
	const odata: IDataObject = {
		...query,
		$filter: odataText(ctx, filters.filter, itemIndex, 'Filter (OData)'),
		$orderby: odataText(ctx, options.orderBy, itemIndex, 'Order By', true),
		$select: odataText(ctx, options.select, itemIndex, 'Select', true),
	};
	for (const key of Object.keys(odata)) if (odata[key] === undefined) delete odata[key];

	const collection = { ctx, path, query: odata, itemIndex, settings };
	return { send: async () => await listRecords(collection, limit, skip) };
}

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
