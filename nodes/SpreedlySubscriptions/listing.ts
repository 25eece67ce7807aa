import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiContext } from '../shared/context';
import { unexpectedResponseError } from '../shared/errors';
import { readLimit } from '../shared/validate';
import { rootValue } from './results';
import { spreedlyRequest } from './transport';

/**
 * The records of a list response (`<subscribers type="array">`, or `<nil-classes type="array"/>` when
 * empty): anything that is not an XML array is an error, never an empty list.
 */
export function recordsOf(
	ctx: ApiContext,
	body: IDataObject | string | undefined,
	what: string,
	itemIndex: number,
): IDataObject[] {
	if (body === undefined) return [];
	const value = typeof body === 'string' ? body : rootValue(body);
	if (!Array.isArray(value)) {
		throw unexpectedResponseError(
			ctx.getNode(),
			`Spreedly sent a ${what} list that is not an XML array`,
			`Got: ${JSON.stringify(body).slice(0, 200)}`,
			itemIndex,
		);
	}
	return value as IDataObject[];
}

/**
 * GETs a list and returns one record per item. The API sends the whole list in one response, so
 * Limit only shortens the output.
 */
export async function fetchList(
	ctx: IExecuteFunctions,
	path: string,
	itemIndex: number,
	what: string,
): Promise<IDataObject[]> {
	const limit = readLimit(ctx, itemIndex);
	const records = await fetchRecords(ctx, path, itemIndex, what);
	return limit === undefined ? records : records.slice(0, limit);
}

/** Every record of a list, from any n8n context (a run or a picker). */
export async function fetchRecords(
	ctx: ApiContext,
	path: string,
	itemIndex: number,
	what: string,
): Promise<IDataObject[]> {
	const body = await spreedlyRequest(ctx, { method: 'GET', path }, itemIndex);
	return recordsOf(ctx, body, what, itemIndex);
}
