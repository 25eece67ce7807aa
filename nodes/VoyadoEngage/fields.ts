import type { INodeProperties } from 'n8n-workflow';

import type { ValueName } from '../shared/checks';
import type { ApiContext } from '../shared/context';
import { invalidParameter, toPositiveInteger, toRequiredString } from '../shared/checks';
import type { Field } from '../shared/fields';
import { field } from '../shared/fields';
import { definitionLocator } from './definitionPicker';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A contact ID as Engage expects it: a GUID such as 5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b. */
export function toContactId(
	ctx: ApiContext,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): string {
	const text = toRequiredString(ctx, value, itemIndex, label);
	if (!GUID.test(text)) {
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be a GUID such as 5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b, got "${text}"`,
		);
	}
	return text;
}

function contactIdProperty(description: string, required = true): INodeProperties {
	return {
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required,
		default: '',
		placeholder: '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b',
		description,
	};
}

function numericIdProperty(
	displayName: string,
	name: string,
	description: string,
	required = true,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required,
		default: '',
		placeholder: '42',
		description,
	};
}

/** Contact ID: a GUID. */
export function contactIdField(description: string): Field<string> {
	return field(contactIdProperty(description), toContactId);
}

/** A numeric ID typed as text (Account ID, Transaction ID). */
export function numericIdField(
	displayName: string,
	name: string,
	description: string,
): Field<number> {
	return field(numericIdProperty(displayName, name, description), toPositiveInteger);
}

/** Definition ID: the point definition picker, whose By ID takes the numeric ID. */
export function definitionField(description: string): Field<number> {
	return field(definitionLocator(description), toPositiveInteger);
}
