import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { READ_CONCURRENCY } from '../shared/concurrency';
import type { ApiContext } from '../shared/context';
import { forOperation, optionsCollection, returnAllAndLimit } from '../shared/descriptions';
import { unexpectedResponseError } from '../shared/errors';
import { planList } from '../shared/paging';
import type { RequestSettings } from '../shared/requestSettings';
import type { Operation } from '../shared/router';
import { rootValue } from './results';
import { spreedlyRequest } from './transport';

/** A Get Many operation of `resource`: one GET of `path` per item (`what`: "subscriber", for messages). */
export function listOperation(resource: string, path: string, what: string): Operation {
	return {
		description: forOperation(resource, 'getAll', [
			...returnAllAndLimit(),
			optionsCollection([], READ_CONCURRENCY),
		]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings) {
			return planList(this, itemIndex, async (limit) => {
				const records = await fetchRecords(this, path, itemIndex, what, settings);
				return limit === undefined ? records : records.slice(0, limit);
			});
		},
	};
}

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
 * Every record of a list, from any n8n context (a run or a picker). The API sends the whole list in
 * one response, so Limit only shortens the output.
 */
export async function fetchRecords(
	ctx: ApiContext,
	path: string,
	itemIndex: number,
	what: string,
	settings: RequestSettings,
): Promise<IDataObject[]> {
	const body = await spreedlyRequest(ctx, { method: 'GET', path }, itemIndex, settings);
	return recordsOf(ctx, body, what, itemIndex);
}
