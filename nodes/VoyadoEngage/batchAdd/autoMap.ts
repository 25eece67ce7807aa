import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../shared/checks';
import type { RowField, RowValues } from './rows';
import { REQUIRED_FIELDS, ROW_FIELDS } from './rows';

/** What happens to an input field that is not a row field: n8n's "Handling Extra Fields in Input". */
export type ExtraFieldHandling = 'error' | 'ignoreIt';

function sameButForCase(key: string): RowField | undefined {
	const lower = key.toLowerCase();
	return ROW_FIELDS.find((field) => field.toLowerCase() === lower);
}

function listed(fields: readonly string[]): string {
	return fields.map((field) => `"${field}"`).join(', ');
}

/**
 * "Map Automatically": the item's own fields are the row. A row field spelt in another letter case
 * or missing is always an error (never an empty value); any other field is an error unless the
 * user chose to ignore such fields.
 */
export function inputFieldValues(
	ctx: IExecuteFunctions,
	itemIndex: number,
	json: IDataObject,
	extraFields: ExtraFieldHandling,
): RowValues {
	const extra: string[] = [];
	for (const key of Object.keys(json)) {
		if ((ROW_FIELDS as string[]).includes(key)) continue;
		const meant = sameButForCase(key);
		if (meant)
			throw invalidParameter(
				ctx,
				itemIndex,
				{ inputField: key },
				`must be written "${meant}" (field names are case-sensitive)`,
			);
		extra.push(key);
	}
	for (const field of Object.keys(REQUIRED_FIELDS)) {
		if (!(field in json))
			throw invalidParameter(
				ctx,
				itemIndex,
				{ inputField: field },
				'is missing',
				`Map Automatically needs the fields ${listed(Object.keys(REQUIRED_FIELDS))} in every item.`,
			);
	}
	if (extra.length > 0 && extraFields === 'error')
		throw invalidParameter(
			ctx,
			itemIndex,
			{ inputField: extra[0] },
			'is not a field of a point transaction',
			`Only ${listed(ROW_FIELDS)} can be sent. Remove the other fields (${listed(extra)}) first, e.g. with an Edit Fields node, or set Options → Handling Extra Fields in Input to "Ignore Them".`,
		);
	return {
		get: (field: RowField) => json[field],
		name: (field: RowField) => ({ inputField: field }),
	};
}
