import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ValueName } from '../shared/checks';
import { invalidParameter, toRequiredString } from '../shared/checks';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A contact ID as Engage expects it: a GUID such as 5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b. */
export function toContactId(
	ctx: IExecuteFunctions,
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

export function requireContactId(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label = 'Contact ID',
): string {
	return toContactId(ctx, ctx.getNodeParameter(name, itemIndex, '') as unknown, itemIndex, label);
}

export function contactIdProperty(description: string, required = true): INodeProperties {
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

export function numericIdProperty(
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
