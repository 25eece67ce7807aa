import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CalendarDateTime } from './dates';
import { readCalendarDateTime } from './dates';
import { extractLocatorValue } from './locator';

/** What a bad value is called in an error: a parameter by its label, or a field of the input item by its name. */
export type ValueName = string | { inputField: string };

function describeName(name: ValueName): string {
	return typeof name === 'string'
		? `The parameter "${name}"`
		: `The input field "${name.inputField}"`;
}

/** How a bad-input message names its item: `… (item 3)`. */
function itemSuffix(itemIndex: number): string {
	return ` (item ${itemIndex})`;
}

/** The message without the item it names, where the item means nothing to the reader (an AI agent's tool call). */
export function withoutItemSuffix(message: string, itemIndex: number): string {
	const suffix = itemSuffix(itemIndex);
	return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}

/** A bad-input error that names the parameter (or input field) and the item, raised before any request is sent. */
export function invalidParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: ValueName,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`${describeName(label)} ${problem}${itemSuffix(itemIndex)}`,
		{ itemIndex, description },
	);
}

function show(value: unknown): string {
	if (typeof value === 'string') return `"${value}"`;
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

/** Non-empty text, trimmed; numbers are taken as their text. */
export function toRequiredString(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): string {
	if (value === null || value === undefined || String(value).trim() === '') {
		throw invalidParameter(ctx, itemIndex, label, 'is required but empty');
	}
	if (typeof value === 'object')
		throw invalidParameter(ctx, itemIndex, label, `must be text, got ${show(value)}`);
	return String(value).trim();
}

/** The value as a whole number ≥ 1 (a number or a numeric string such as "42"), else undefined. */
export function positiveIntegerOf(value: unknown): number | undefined {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const number = Number(text);
	return /^\d+$/.test(text) && number >= 1 && Number.isSafeInteger(number) ? number : undefined;
}

/** A whole number ≥ 1 (IDs); accepts numbers and numeric strings such as "42". */
export function toPositiveInteger(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): number {
	const number = positiveIntegerOf(value);
	if (number === undefined) {
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be a whole number of 1 or more, got ${show(value)}`,
		);
	}
	return number;
}

/** Plain decimal notation, so "0x10", "0b1" or "Infinity" are not taken for numbers. */
const DECIMAL_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A finite number; accepts numbers and numeric strings (n8n expressions often produce strings). */
export function toFiniteNumber(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): number {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && DECIMAL_NUMBER.test(value.trim())
				? Number(value)
				: Number.NaN;
	if (!Number.isFinite(number))
		throw invalidParameter(ctx, itemIndex, label, `must be a number, got ${show(value)}`);
	return number;
}

/** What a decimal may look like: its sign, and a provider's own pattern (digits before and after the dot). */
export interface DecimalRule {
	sign: 'any' | 'notNegative';
	/** A provider's pattern and how it is described; without one, plain decimal notation such as 9.99 or -5. */
	format?: { pattern: RegExp; shape: string };
}

const DECIMAL_TEXT = /^[+-]?\d+(\.\d+)?$/;

/**
 * A decimal as the text sent on the wire ("4.50", "-10"), so no float rounding reaches it. A number from
 * an expression is taken as its plain text; one JavaScript prints with an exponent (1e21) is refused.
 */
export function toDecimalString(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: ValueName,
	rule: DecimalRule = { sign: 'any' },
): string {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (rule.sign === 'notNegative' && text.startsWith('-'))
		throw invalidParameter(ctx, itemIndex, label, `must not be negative, got ${show(value)}`);
	const fits = rule.format
		? /\d/.test(text) && rule.format.pattern.test(text)
		: DECIMAL_TEXT.test(text);
	if (fits) return text;
	const hint =
		typeof value === 'number'
			? 'An expression produced a number with float rounding. Round it in the expression, e.g. {{ (0.1 + 0.2).toFixed(2) }}.'
			: 'Write the amount as text with a dot as the decimal separator and no thousands separators.';
	const shape = rule.format?.shape ?? 'a decimal number such as 9.99 or -5';
	throw invalidParameter(ctx, itemIndex, label, `must be ${shape}, got ${show(value)}`, hint);
}

export type Converter<T> = (
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: ValueName,
) => T;

/** A parameter's value; for a resource locator (a picker), the ID it holds. */
export function readParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	return extractLocatorValue(ctx.getNodeParameter(name, itemIndex, '') as unknown);
}

/** Reads parameter `name` of an item and converts it, naming `label` when it does not fit. */
function fromParameter<T>(convert: Converter<T>) {
	return (ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): T =>
		convert(ctx, readParameter(ctx, name, itemIndex), itemIndex, label);
}

export const requireString = fromParameter(toRequiredString);

export const requirePositiveInteger = fromParameter(toPositiveInteger);

export const requireFiniteNumber = fromParameter(toFiniteNumber);

/** A decimal of any sign, read from a parameter (see `toDecimalString`). */
export const requireDecimalString = fromParameter(toDecimalString);

/** A JSON object given as text or as an object (from an expression). */
export function toJsonObject(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw invalidParameter(
				ctx,
				itemIndex,
				label,
				`is not valid JSON: ${(error as Error).message}`,
			);
		}
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be a JSON object such as {"Field": "value"}, got ${show(parsed)}`,
		);
	}
	return parsed as IDataObject;
}

function readDate(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: ValueName,
	examples: string,
): CalendarDateTime {
	const reading = readCalendarDateTime(value);
	if (reading.ok) return reading.value;
	const why = reading.problem ? ` (${reading.problem})` : '';
	throw invalidParameter(
		ctx,
		itemIndex,
		label,
		`must be a real date ${examples}, got ${show(value)}${why}`,
	);
}

/** An ISO 8601 date or date-time on the calendar (no 2026-02-30, no 25:00), as written. */
export function toIsoDateTime(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): string {
	return readDate(ctx, value, itemIndex, label, 'such as 2026-12-31 or 2026-12-31T23:59:00Z').text;
}

/** The calendar date of a date or date-time (n8n's date picker adds a time), never shifted by a time zone. */
export function toIsoDate(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): string {
	return readDate(ctx, value, itemIndex, label, 'such as 2026-07-01 (a time after it is ignored)')
		.date;
}

/** `returnAll`/`limit` as one value: undefined means "everything". */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return toPositiveInteger(ctx, ctx.getNodeParameter('limit', itemIndex, 50), itemIndex, 'Limit');
}
