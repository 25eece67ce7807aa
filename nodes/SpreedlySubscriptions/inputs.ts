import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../shared/checks';
import { requireString } from '../shared/fields';
import { hasCharactersXmlCannotCarry } from './xmlRequest';

/** Text that goes into a request document: XML cannot carry control characters such as NUL, even escaped. */
export function toXmlText(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): string {
	if (value !== null && typeof value === 'object')
		throw invalidParameter(ctx, itemIndex, label, `must be text, got ${JSON.stringify(value)}`);
	const text = String(value ?? '').trim();
	if (hasCharactersXmlCannotCarry(text)) {
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			'contains control characters that XML cannot carry',
			'Remove characters such as NUL or ESC from the value.',
		);
	}
	return text;
}

export function requireXmlText(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): string {
	return toXmlText(ctx, requireString(ctx, name, itemIndex, label), itemIndex, label);
}

/** An optional text field of a collection: undefined when empty. */
export function optionalXmlText(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
): string | undefined {
	const text = toXmlText(ctx, value, itemIndex, label);
	return text === '' ? undefined : text;
}

export function requireCustomerId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireXmlText(ctx, 'customerId', itemIndex, 'Customer ID');
}

export const DURATION_UNITS = ['days', 'months'];

export function requireDurationUnits(ctx: IExecuteFunctions, itemIndex: number): string {
	const units = requireString(ctx, 'durationUnits', itemIndex, 'Duration Units');
	if (!DURATION_UNITS.includes(units)) {
		throw invalidParameter(
			ctx,
			itemIndex,
			'Duration Units',
			`must be "days" or "months", got "${units}"`,
		);
	}
	return units;
}
