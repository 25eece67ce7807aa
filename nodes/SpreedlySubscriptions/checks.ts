import type { Check, ValueName } from '../shared/checks';
import { invalidParameter } from '../shared/checks';
import type { ApiContext } from '../shared/context';
import { hasCharactersXmlCannotCarry } from './xmlRequest';

/** Text that goes into a request document: XML cannot carry control characters such as NUL, even escaped. */
export function toXmlText(
	ctx: ApiContext,
	value: unknown,
	itemIndex: number,
	label: ValueName,
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

/** An optional text field of a collection: undefined when empty. */
export function optionalXmlText(
	ctx: ApiContext,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): string | undefined {
	const text = toXmlText(ctx, value, itemIndex, label);
	return text === '' ? undefined : text;
}

export const DURATION_UNITS = ['days', 'months'];

export const toDurationUnits: Check<string> = (ctx, value, itemIndex, label) => {
	const units = toXmlText(ctx, value, itemIndex, label);
	if (!DURATION_UNITS.includes(units)) {
		throw invalidParameter(ctx, itemIndex, label, `must be "days" or "months", got "${units}"`);
	}
	return units;
};
