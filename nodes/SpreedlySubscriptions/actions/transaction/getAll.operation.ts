import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import { field, returnAllAndLimit } from '../../../shared/fields';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { collectPages } from '../../../shared/paging';
import { planList } from '../../../shared/pipeline/list';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { Check } from '../../../shared/checks';
import { invalidParameter } from '../../../shared/checks';
import { fetchPage } from '../../listing';

/** Since ID: a transaction ID, or empty for "from the first transaction" (0). */
const toSinceId: Check<number> = (ctx, value, itemIndex, label) => {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (text === '') return 0;
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be a transaction ID (a whole number), got ${JSON.stringify(value)}`,
		);
	return Number(text);
};

const sinceIdField = field(
	{
		displayName: 'Since ID',
		name: 'sinceId',
		type: 'string',
		default: '',
		placeholder: '12345',
		description:
			'Only transactions with a higher ID than this one (e.g. the last ID a previous run saw). Leave empty to start from the first transaction.',
	},
	toSinceId,
	{ wire: 'since_id' },
);

/** `transactions.xml` answers at most 50 transactions per request. */
export const TRANSACTION_BATCH = 50;

const properties: INodeProperties[] = [
	sinceIdField.property,
	...returnAllAndLimit(),
	optionsCollection([]),
];

export const sending = READS;

export const description = forOperation('transaction', 'getAll', properties);

function idOf(transaction: IDataObject): number {
	return typeof transaction.id === 'number' ? transaction.id : Number(transaction.id);
}

/** Batches of 50 via `since_id`, each continuing after the highest ID of the one before; oldest first. */
export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const sinceId = sinceIdField.read(this, itemIndex);
	return planList(this, itemIndex, async (limit) => {
		return await transactionsSince(this, sinceId, limit, itemIndex, settings);
	});
}

async function transactionsSince(
	ctx: IExecuteFunctions,
	sinceId: number,
	limit: number | undefined,
	itemIndex: number,
	settings: RequestSettings,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject, number>(sinceId, limit, async (cursor) => {
		const after = {
			ctx,
			path: '/transactions.xml',
			query: { [sinceIdField.wire]: cursor },
			itemIndex,
			settings,
		};
		const { items } = await fetchPage(after, 'transaction');
		const batch = items.sort((a, b) => idOf(a) - idOf(b));
		const last = batch.length > 0 ? idOf(batch[batch.length - 1]) : Number.NaN;
		const more = batch.length >= TRANSACTION_BATCH && Number.isSafeInteger(last) && last > cursor;
		return { items: batch, next: more ? last : undefined };
	});
}
