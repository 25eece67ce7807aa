import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	requireFiniteNumber,
	requirePositiveInteger,
	requireString,
	toIsoDateTime,
} from '../../shared/validate';
import { requireContactId } from '../parameters';

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

const DATE_FIELDS: Array<[name: 'timeStamp' | 'validFrom' | 'validTo', label: string]> = [
	['timeStamp', 'Timestamp'],
	['validFrom', 'Valid From'],
	['validTo', 'Valid To'],
];

/**
 * Reads and checks one item's row. Engage silently skips rows without source or description and
 * rejects non-GUID contact IDs, so these are caught here, before anything is sent.
 */
export function readTransactionRow(ctx: IExecuteFunctions, itemIndex: number): TransactionRow {
	const row: TransactionRow = {
		contactId: requireContactId(ctx, 'contactId', itemIndex),
		amount: requireFiniteNumber(ctx, 'amount', itemIndex, 'Amount'),
		definitionId: requirePositiveInteger(ctx, 'definitionId', itemIndex, 'Definition ID'),
		source: requireString(ctx, 'source', itemIndex, 'Source'),
		description: requireString(ctx, 'description', itemIndex, 'Description'),
	};
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	for (const [name, label] of DATE_FIELDS) {
		const value = additional[name];
		if (value !== undefined && value !== null && value !== '')
			row[name] = toIsoDateTime(ctx, value, itemIndex, label);
	}
	return row;
}
