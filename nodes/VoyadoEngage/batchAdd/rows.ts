import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Field } from '../../shared/fields';
import { readCollection } from '../../shared/fields';
import type { ContactQuery } from '../contacts/identifiers';
import type { IdentifyBy, RowFieldName } from './rowFields';
import { CONTACT_FIELDS, DATE_FIELDS, VALUE_FIELDS } from './rowFields';

export type { IdentifyBy } from './rowFields';

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

/** The fields every row needs: its contact (by ID or by the chosen identifier) and the values. */
export function requiredFields(identifyBy: IdentifyBy): RowFieldName[] {
	return [identifyBy, ...(Object.keys(VALUE_FIELDS) as RowFieldName[])];
}

/** Every field a row may have when its contact is given as `identifyBy`. */
export function rowFields(identifyBy: IdentifyBy): RowFieldName[] {
	return [...requiredFields(identifyBy), ...(Object.keys(DATE_FIELDS) as RowFieldName[])];
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

/** Where one item's row values come from: each field's value, checked, with errors that name where it came from. */
export type RowValues = <T>(field: Field<T>) => T;

/**
 * Checks and converts one item's row, whichever way it was mapped. Engage silently skips rows
 * without source or description and rejects non-GUID contact IDs, so these are caught here,
 * before anything is sent.
 */
export function buildTransactionRow(
	values: RowValues,
	identifyBy: IdentifyBy = 'contactId',
): RowDraft {
	// The contact first: its error is the one a row with several bad fields shows.
	const contact = values(CONTACT_FIELDS[identifyBy]);
	const fields: RowValuesWithoutContact = {
		amount: values(VALUE_FIELDS.amount),
		definitionId: values(VALUE_FIELDS.definitionId),
		source: values(VALUE_FIELDS.source),
		description: values(VALUE_FIELDS.description),
	};
	for (const [name, dateField] of Object.entries(DATE_FIELDS)) {
		const value = values(dateField);
		if (value !== undefined) fields[name] = value;
	}
	if (identifyBy === 'contactId') return { row: { contactId: contact, ...fields } };
	return { lookup: { findBy: identifyBy, value: contact }, fields };
}

/** "Map Each Field Below": the row comes from the node's parameters (and Additional Fields, read once). */
export function parameterValues(ctx: IExecuteFunctions, itemIndex: number): RowValues {
	const additional = readCollection(ctx, 'additionalFields', itemIndex);
	return <T>(field: Field<T>): T =>
		(Object.values(DATE_FIELDS) as unknown[]).includes(field)
			? (field.from(additional, ctx, itemIndex) as T)
			: field.read(ctx, itemIndex);
}
