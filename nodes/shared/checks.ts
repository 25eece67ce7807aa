import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiContext } from './context';
import { isRun } from './context';
import type { CalendarDateTime } from './dates';
import { readCalendarDateTime } from './dates';
import { show } from './text';

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

/**
 * A bad-input error that names the parameter (or input field) and, in a run, the item; raised before
 * any request is sent. Outside a run (a poll, a picker, a webhook) there are no items to name.
 */
export function invalidParameter(
	ctx: ApiContext,
	itemIndex: number,
	label: ValueName,
	problem: string,
	description?: string,
): NodeOperationError {
	if (!isRun(ctx))
		return new NodeOperationError(ctx.getNode(), `${describeName(label)} ${problem}`, {
			description,
		});
	return new NodeOperationError(
		ctx.getNode(),
		`${describeName(label)} ${problem}${itemSuffix(itemIndex)}`,
		{ itemIndex, description },
	);
}

/** Non-empty text, trimmed; numbers are taken as their text. */
export function toRequiredString(
	ctx: ApiContext,
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
	ctx: ApiContext,
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
	ctx: ApiContext,
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
	ctx: ApiContext,
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

/**
 * A check of one value: returns it converted for the wire, or throws `invalidParameter` naming
 * `label`. Works in every n8n context (see ApiContext).
 */
export type Check<T> = (ctx: ApiContext, value: unknown, itemIndex: number, label: ValueName) => T;

/** Empty (nothing, or blank text) is "required but empty"; anything else goes to `check` as it is. */
export function required<T>(check: Check<T>): Check<T> {
	return (ctx, value, itemIndex, label) => {
		if (value === null || value === undefined || String(value).trim() === '')
			throw invalidParameter(ctx, itemIndex, label, 'is required but empty');
		return check(ctx, value, itemIndex, label);
	};
}

/** Empty (nothing, or blank text) is "not given" (undefined); anything else goes to `check`. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
	return (ctx, value, itemIndex, label) =>
		value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
			? undefined
			: check(ctx, value, itemIndex, label);
}

/** For a field added to a collection (Update Fields): empty is refused, as for a PUT or PATCH it could mean "clear it". */
export function notEmpty<T>(check: Check<T>): Check<T> {
	return (ctx, value, itemIndex, label) => {
		if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
			throw invalidParameter(ctx, itemIndex, label, 'is empty: give it a value or remove it');
		return check(ctx, value, itemIndex, label);
	};
}

/** A value the check takes as it is (a boolean switch, a list the editor builds). */
export function asGiven(_ctx: ApiContext, value: unknown): unknown {
	return value;
}

/** A JSON object given as text or as an object (from an expression). */
export function toJsonObject(
	ctx: ApiContext,
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
	ctx: ApiContext,
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
	ctx: ApiContext,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): string {
	return readDate(ctx, value, itemIndex, label, 'such as 2026-12-31 or 2026-12-31T23:59:00Z').text;
}

/** The calendar date of a date or date-time (n8n's date picker adds a time), never shifted by a time zone. */
export function toIsoDate(
	ctx: ApiContext,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): string {
	return readDate(ctx, value, itemIndex, label, 'such as 2026-07-01 (a time after it is ignored)')
		.date;
}
