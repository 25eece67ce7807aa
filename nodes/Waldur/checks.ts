import type { ApiContext } from '../shared/context';
import { show, textOf } from '../shared/text';

import type { Check, DecimalRule, ValueName } from '../shared/checks';
import { invalidParameter, toIsoDate } from '../shared/checks';

const UUID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A UUID in either form, returned the way Waldur writes it: 32 lowercase hex digits. */
export function toWaldurUuid(
	ctx: ApiContext,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): string {
	const text = textOf(value);
	if (!UUID.test(text)) {
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be a Waldur UUID (32 hex digits, dashes allowed), got ${show(value)}`,
		);
	}
	return text.replace(/-/g, '').toLowerCase();
}

/** The UUID in a record URL of `collection` (`https://…/api/<collection>/<uuid>/`); undefined for any other text. */
function uuidOfRecordUrl(text: string, collection: string): string | undefined {
	const url = /^https?:\/\/[^/\s?#]+(?:\/[^/\s?#]+)*\/api\/([^/\s?#]+)\/([^/\s?#]+)\/?$/i.exec(
		text,
	);
	return url && url[1] === collection && UUID.test(url[2]) ? url[2] : undefined;
}

/** A record given by its UUID or by its URL in `collection` (the By URL picker mode), as a UUID. */
export function recordUuid(collection: string): Check<string> {
	return (ctx, value, itemIndex, label) => {
		const text = textOf(value);
		const fromUrl = uuidOfRecordUrl(text, collection);
		if (fromUrl !== undefined || UUID.test(text))
			return toWaldurUuid(ctx, fromUrl ?? text, itemIndex, label);
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be a Waldur UUID (32 hex digits, dashes allowed) or a URL such as https://waldur.example.com/api/${collection}/<uuid>/, got ${show(text)}`,
		);
	};
}

/**
 * A related object given as a UUID or as its full URL. Waldur links objects by URL, so a UUID
 * becomes `<baseUrl>/api/<collection>/<uuid>/`; a URL must name that collection and is sent as it is
 * (with the trailing slash Waldur needs). The check runs once the credential's base URL is known.
 */
export function objectUrl(collection: string): Check<(baseUrl: string) => string> {
	return (ctx, value, itemIndex, label) => (baseUrl) => {
		const text = textOf(value);
		if (UUID.test(text))
			return `${baseUrl}/api/${collection}/${toWaldurUuid(ctx, text, itemIndex, label)}/`;
		if (uuidOfRecordUrl(text, collection) !== undefined)
			return text.endsWith('/') ? text : `${text}/`;
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be a UUID or a full URL such as ${baseUrl}/api/${collection}/<uuid>/, got ${show(value)}`,
		);
	};
}

/** Waldur's decimals are never negative; each field has the pattern Waldur's OpenAPI schema 8.0.5 gives it. */
export const MONEY: DecimalRule = {
	sign: 'notNegative',
	format: {
		pattern: /^-?\d{0,11}(?:\.\d{0,5})?$/,
		shape:
			'a decimal number with at most 11 digits before the dot and 5 after it, such as "1500.25"',
	},
};

export const PERCENTAGE: DecimalRule = {
	sign: 'notNegative',
	format: {
		pattern: /^-?\d{0,3}(?:\.\d{0,0})?$/,
		shape: 'a whole number of at most 3 digits, such as "10"',
	},
};

/** A month written as `2026-07`, which stands for its first day. */
const MONTH = /^\s*(\d{4}-(?:0[1-9]|1[0-2]))\s*$/;

/** Waldur only accepts credits that end on the first day of a month: a month (`2026-07`) or such a date. */
export function toFirstOfMonth(
	ctx: ApiContext,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): string {
	const month = typeof value === 'string' ? MONTH.exec(value) : null;
	if (month) return `${month[1]}-01`;
	const date = toIsoDate(ctx, value, itemIndex, label);
	if (!date.endsWith('-01')) {
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be the first day of a month, such as ${date.slice(0, 8)}01, got ${show(value)}`,
			'Waldur lets credits end only on the 1st of a month.',
		);
	}
	return date;
}

/** Full URLs, given as a list or as text separated by commas or new lines. */
export function toUrlList(
	ctx: ApiContext,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): string[] {
	const entries = Array.isArray(value) ? value.map(textOf) : textOf(value).split(/[\s,]+/);
	const urls = entries.filter((entry) => entry !== '');
	const bad = urls.find((url) => !/^https?:\/\/[^/\s]+\/\S*$/i.test(url));
	if (bad !== undefined)
		throw invalidParameter(ctx, itemIndex, label, `must list full URLs, got ${show(bad)}`);
	return urls;
}

/** true or false; expressions often give the text "true"/"false", which Waldur's schema does not allow. */
export function toBoolean(
	ctx: ApiContext,
	value: unknown,
	itemIndex: number,
	label: ValueName,
): boolean {
	if (typeof value === 'boolean') return value;
	const text = textOf(value).toLowerCase();
	if (text === 'true' || text === 'false') return text === 'true';
	throw invalidParameter(ctx, itemIndex, label, `must be true or false, got ${show(value)}`);
}

/** One of the values an options parameter offers (an expression can produce anything). */
export function oneOf(allowed: string[]): Check<string> {
	return (ctx, value, itemIndex, label) => {
		const text = textOf(value);
		if (allowed.includes(text)) return text;
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be one of ${allowed.join(', ')}, got ${show(value)}`,
		);
	};
}
