import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { READS } from '../shared/pipeline/operation';
import type { ApiContext } from '../shared/context';
import { forOperation, optionsCollection } from '../shared/descriptions';
import { returnAllAndLimit } from '../shared/fields';
import { unexpectedResponseError } from '../shared/errors';
import type { Collection } from '../shared/collection';
import type { Page } from '../shared/paging';
import { planList } from '../shared/pipeline/list';
import type { RequestSettings } from '../shared/requestSettings';
import type { Operation } from '../shared/router';
import { rootValue } from './results';
import { spreedlyRequest } from './transport';

/** A Get Many operation of `resource`: one GET of `path` per item (`what`: "subscriber", for messages). */
export function listOperation(resource: string, path: string, what: string): Operation {
	return {
		sending: READS,
		description: forOperation(resource, 'getAll', [...returnAllAndLimit(), optionsCollection([])]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings) {
			const list = { ctx: this, path, query: {}, itemIndex, settings };
			return planList(this, itemIndex, async (limit) => await listRecords(list, limit, what));
		},
	};
}

/**
 * The records of a list response (`<subscribers type="array">`, or `<nil-classes type="array"/>` when
 * empty): anything that is not an XML array is an error, never an empty list.
 */
function recordsOf(
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
 * One page of a list, from any n8n context (a run or a picker): Spreedly sends plans and subscribers
 * whole, in one response; transactions 50 at a time after `since_id`. `what` names the records in errors.
 */
export async function fetchPage(
	{ ctx, path, query, itemIndex, settings }: Collection,
	what: string,
): Promise<Page<IDataObject, never>> {
	const request = { method: 'GET' as const, path, qs: query };
	const body = await spreedlyRequest(ctx, request, itemIndex, settings);
	return { items: recordsOf(ctx, body, what, itemIndex) };
}

/** A list Spreedly sends whole: Limit only shortens the output. */
export async function listRecords(
	collection: Collection,
	limit: number | undefined,
	what: string,
): Promise<IDataObject[]> {
	const { items } = await fetchPage(collection, what);
	return limit === undefined ? items : items.slice(0, limit);
}
