import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../shared/checks';
import type { IdentifyBy, RowValues } from './rows';
import type { RowFieldName } from './rowFields';
import { requiredFields, rowFields } from './rows';

/** What happens to an input field that is not a row field: n8n's "Handling Extra Fields in Input". */
export type ExtraFieldHandling = 'error' | 'ignoreIt';

function sameButForCase(key: string, fields: RowFieldName[]): RowFieldName | undefined {
	const lower = key.toLowerCase();
	return fields.find((field) => field.toLowerCase() === lower);
}

function listed(fields: readonly string[]): string {
	return fields.map((field) => `"${field}"`).join(', ');
}

/**
 * "Map Automatically": the item's own fields are the row, its contact in the field `identifyBy`
 * names (`contactId`, `email`, …). A row field spelt in another letter case or missing is always an
 * error (never an empty value); any other field is an error unless the user chose to ignore such fields.
 */
export function inputFieldValues(
	ctx: IExecuteFunctions,
	itemIndex: number,
	json: IDataObject,
	extraFields: ExtraFieldHandling,
	identifyBy: IdentifyBy = 'contactId',
): RowValues {
	const fields = rowFields(identifyBy);
	const required = requiredFields(identifyBy);
	const extra: string[] = [];
	for (const key of Object.keys(json)) {
		if ((fields as string[]).includes(key)) continue;
		const meant = sameButForCase(key, fields);
		if (meant)
			throw invalidParameter(
				ctx,
				itemIndex,
				{ inputField: key },
				`must be written "${meant}" (field names are case-sensitive)`,
			);
		extra.push(key);
	}
	for (const field of required) {
		if (!(field in json))
			throw invalidParameter(
				ctx,
				itemIndex,
				{ inputField: field },
				'is missing',
				`Map Automatically needs the fields ${listed(required)} in every item.`,
			);
	}
	if (extra.length > 0 && extraFields === 'error')
		throw invalidParameter(
			ctx,
			itemIndex,
			{ inputField: extra[0] },
			'is not a field of a point transaction',
			`Only ${listed(fields)} can be sent. Remove the other fields (${listed(extra)}) first, e.g. with an Edit Fields node, or set Options → Handling Extra Fields in Input to "Ignore Them".`,
		);
	return (field) => field.checkInput(ctx, json[field.wire], itemIndex);
}
