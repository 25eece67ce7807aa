import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { unexpectedResponseError } from '../shared/errors';
import { readLimit } from '../shared/validate';
import { rootValue } from './results';
import { spreedlyRequest } from './transport';

/**
 * GETs a list (`<subscribers type="array">`, or `<nil-classes type="array"/>` when empty) and returns
 * one record per item. The API sends the whole list in one response, so Limit only shortens the output.
 */
export async function fetchList(
	ctx: IExecuteFunctions,
	path: string,
	itemIndex: number,
	what: string,
): Promise<IDataObject[]> {
	const limit = readLimit(ctx, itemIndex);
	const body = await spreedlyRequest(ctx, { method: 'GET', path }, itemIndex);
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
	const records = value as IDataObject[];
	return limit === undefined ? records : records.slice(0, limit);
}
