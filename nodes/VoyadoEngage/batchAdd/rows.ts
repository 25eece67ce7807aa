import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ValueName } from '../../shared/checks';
import {
	toFiniteNumber,
	toIsoDateTime,
	toPositiveInteger,
	toRequiredString,
} from '../../shared/checks';
import { readParameter } from '../../shared/fields';
import type { ContactQuery } from '../contacts/identifiers';
import { toContactId } from '../fields';

/** A row's fields but its contact. */
export interface RowValuesWithoutContact extends IDataObject {
	amount: number;
	definitionId: number;
	source: string;
	description: string;
	timeStamp?: string;
	validFrom?: string;
	validTo?: string;
}

/** One `PointTransactionToAccount` row as it goes on the wire. */
export interface TransactionRow extends RowValuesWithoutContact {
	contactId: string;
}

/** How a row names its contact: Engage's contact ID, or an identifier Engage's contact lookup takes. */
export const CONTACT_FIELDS = {
	contactId: 'Contact ID',
	email: 'Email',
	mobilePhone: 'Mobile Phone',
	customKey: 'Member Number',
} as const;
export type IdentifyBy = keyof typeof CONTACT_FIELDS;

/** The other fields of a row as Engage names them, with the label of the parameter that fills each. */
const VALUE_FIELDS = {
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
const LABELS = { ...CONTACT_FIELDS, ...VALUE_FIELDS, ...DATE_FIELDS };

export type RowField = keyof typeof LABELS;

/** The fields every row needs: its contact (by ID or by the chosen identifier) and the values. */
export function requiredFields(identifyBy: IdentifyBy): RowField[] {
	return [identifyBy, ...(Object.keys(VALUE_FIELDS) as RowField[])];
}

/** Every field a row may have when its contact is given as `identifyBy`. */
export function rowFields(identifyBy: IdentifyBy): RowField[] {
	return [...requiredFields(identifyBy), ...(Object.keys(DATE_FIELDS) as RowField[])];
}

/**
 * One item's row as read: with its contact ID, or with an identifier (email, mobile phone, member
 * number) that is looked up before any batch is sent.
 */
export type RowDraft =
	| {
			row: TransactionRow;
			/** The identifier the contact was found by, shown in the item's output (`{ email }`). */
			shownWith?: IDataObject;
	  }
	| {
			lookup: ContactQuery & { findBy: Exclude<IdentifyBy, 'contactId'> };
			fields: RowValuesWithoutContact;
	  };

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
	identifyBy: IdentifyBy = 'contactId',
): RowDraft {
	// The contact first: its error is the one a row with several bad fields shows.
	const contact =
		identifyBy === 'contactId'
			? toContactId(ctx, values.get('contactId'), itemIndex, values.name('contactId'))
			: toRequiredString(ctx, values.get(identifyBy), itemIndex, values.name(identifyBy));
	const fields: RowValuesWithoutContact = {
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
			fields[field] = toIsoDateTime(ctx, value, itemIndex, values.name(field));
	}
	if (identifyBy === 'contactId') return { row: { contactId: contact, ...fields } };
	return { lookup: { findBy: identifyBy, value: contact }, fields };
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
