import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ValueName } from '../../shared/checks';
import {
	toFiniteNumber,
	toIsoDateTime,
	toPositiveInteger,
	toRequiredString,
} from '../../shared/checks';
import { readParameter } from '../../shared/fields';
import { toContactId } from '../parameters';

/** One `PointTransactionToAccount` row as it goes on the wire. */
export interface TransactionRow extends IDataObject {
	contactId: string;
	amount: number;
	definitionId: number;
	source: string;
	description: string;
	timeStamp?: string;
	validFrom?: string;
	validTo?: string;
}

/** The row's fields as Engage names them, with the label of the parameter that fills each. */
export const REQUIRED_FIELDS = {
	contactId: 'Contact ID',
	definitionId: 'Definition ID',
	amount: 'Amount',
	source: 'Source',
	description: 'Description',
} as const;
export const DATE_FIELDS = {
	timeStamp: 'Timestamp',
	validFrom: 'Valid From',
	validTo: 'Valid To',
} as const;
const LABELS = { ...REQUIRED_FIELDS, ...DATE_FIELDS };

export type RowField = keyof typeof LABELS;
export const ROW_FIELDS = Object.keys(LABELS) as RowField[];

/** Where one item's row values come from, and what an error calls each of them. */
export interface RowValues {
	get(field: RowField): unknown;
	name(field: RowField): ValueName;
}

/**
 * Checks and converts one item's row, whichever way it was mapped. Engage silently skips rows
 * without source or description and rejects non-GUID contact IDs, so these are caught here,
 * before anything is sent.
 */
export function buildTransactionRow(
	ctx: IExecuteFunctions,
	itemIndex: number,
	values: RowValues,
): TransactionRow {
	const row: TransactionRow = {
		contactId: toContactId(ctx, values.get('contactId'), itemIndex, values.name('contactId')),
		amount: toFiniteNumber(ctx, values.get('amount'), itemIndex, values.name('amount')),
		definitionId: toPositiveInteger(
			ctx,
			values.get('definitionId'),
			itemIndex,
			values.name('definitionId'),
		),
		source: toRequiredString(ctx, values.get('source'), itemIndex, values.name('source')),
		description: toRequiredString(
			ctx,
			values.get('description'),
			itemIndex,
			values.name('description'),
		),
	};
	for (const field of Object.keys(DATE_FIELDS) as Array<keyof typeof DATE_FIELDS>) {
		const value = values.get(field);
		if (value !== undefined && value !== null && value !== '')
			row[field] = toIsoDateTime(ctx, value, itemIndex, values.name(field));
	}
	return row;
}

/** "Map Each Field Below": the row comes from the node's parameters (and Additional Fields). */
export function parameterValues(ctx: IExecuteFunctions, itemIndex: number): RowValues {
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return {
		get: (field) =>
			field in DATE_FIELDS ? additional[field] : readParameter(ctx, field, itemIndex),
		name: (field) => LABELS[field],
	};
}
