import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { collectOffsetPages } from '../shared/paging';
import { readLimit, toFiniteNumber } from '../shared/validate';
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

function nonEmpty(value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	return text === '' ? undefined : text;
}

/**
 * Lists a SignTraker collection with `$top`/`$skip` paging. `query` holds the endpoint's own
 * filters; `$filter`, `$orderby`, `$select` and `$skip` come from the operation's parameters.
 */
export async function listRecords(
	ctx: IExecuteFunctions,
	path: string,
	query: IDataObject,
	itemIndex: number,
): Promise<IDataObject[]> {
	const limit = readLimit(ctx, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const skip =
		options.skip === undefined ? 0 : toFiniteNumber(ctx, options.skip, itemIndex, 'Skip');
	const odata: IDataObject = {
		...query,
		$filter: nonEmpty(filters.filter),
		$orderby: nonEmpty(options.orderBy),
		$select: nonEmpty(options.select),
	};
	for (const key of Object.keys(odata)) if (odata[key] === undefined) delete odata[key];

	return await collectOffsetPages(skip, limit, PAGE_SIZE, async (offset, count) => {
		const qs: IDataObject = { ...odata, $top: count };
		if (offset > 0) qs.$skip = offset;
		const body = await signTrakerRequest<unknown>(ctx, { method: 'GET', path, qs }, itemIndex);
		if (body === undefined) return { items: [] };
		if (!Array.isArray(body)) {
			throw new NodeApiError(
				ctx.getNode(),
				{ message: 'SignTraker sent a list response that is not a JSON array' },
				{
					message: 'SignTraker sent a list response that is not a JSON array',
					description: `Expected a JSON array from ${path}`,
					itemIndex,
				},
			);
		}
		return { items: body as IDataObject[] };
	});
}
