import type { IDataObject } from 'n8n-workflow';
import { Parser } from 'xml2js';

/** A JSON value converted from the XML the API sends. */
export type JsonValue = string | number | boolean | null | JsonValue[] | IDataObject;

/** One element as xml2js gives it with `explicitArray`: a string, or attributes (`$`), text (`_`) and child arrays. */
type RawElement = string | ({ $?: Record<string, string>; _?: string } & Record<string, unknown>);

const ATTRIBUTES = '$';
const TEXT = '_';
/** `customer-id` → `customerId`; the legacy `in_grace_period` → `inGracePeriod`. */
export function camelCase(tag: string): string {
	return tag.replace(/[-_]+([a-zA-Z0-9])/g, (_match, next: string) => next.toUpperCase());
}

function childTags(element: Exclude<RawElement, string>): string[] {
	return Object.keys(element).filter((key) => key !== ATTRIBUTES && key !== TEXT);
}

/** Applies the Rails `type` attribute to a leaf's text; empty typed values are null, as Rails reads them. */
function typedLeaf(text: string, type: string | undefined): JsonValue {
	if (type === undefined || !['integer', 'decimal', 'boolean', 'datetime'].includes(type))
		return text;
	const trimmed = text.trim();
	if (trimmed === '') return null;
	if (type === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : text;
	if (type === 'datetime') {
		const time = Date.parse(trimmed);
		return Number.isNaN(time) ? text : new Date(time).toISOString();
	}
	const number = Number(trimmed);
	return Number.isFinite(number) ? number : text;
}

function convertElement(element: RawElement): JsonValue {
	if (typeof element === 'string') return element;
	const attributes = element[ATTRIBUTES] ?? {};
	const tags = childTags(element);
	if (attributes.type === 'array') {
		return tags.flatMap((tag) => (element[tag] as RawElement[]).map(convertElement));
	}
	if (tags.length > 0) {
		const record: IDataObject = {};
		for (const tag of tags) {
			const values = (element[tag] as RawElement[]).map(convertElement);
			// camelCase drops leading underscores, so no tag can become `__proto__`.
			record[camelCase(tag)] = values.length === 1 ? values[0] : values;
		}
		return record;
	}
	const text = element[TEXT] ?? '';
	// Rails' own reader (Hash.from_xml) keeps content over nil="true"; only an empty nil element is null.
	if (attributes.nil === 'true' && text.trim() === '') return null;
	return typedLeaf(text, attributes.type);
}

/**
 * Parses a Spreedly XML document into `{ rootInCamelCase: value }` with real JSON types. Throws on
 * malformed XML. xml2js calls back synchronously when `async` is off, which lets this stay synchronous.
 */
export function parseXml(text: string): IDataObject {
	let parsed: Record<string, RawElement> | undefined;
	let failure: Error | undefined;
	new Parser({ explicitArray: true, explicitRoot: true, async: false }).parseString(
		text,
		(error: Error | null, result: Record<string, RawElement>) => {
			failure = error ?? undefined;
			parsed = result;
		},
	);
	if (failure) throw failure;
	if (!parsed || typeof parsed !== 'object')
		throw new Error('The XML document has no root element');
	const [root] = Object.keys(parsed);
	return { [camelCase(root)]: convertElement(parsed[root]) };
}

/** A response body: XML when it looks like XML, otherwise the plain text the API sent (its error messages are often plain). */
export function parseResponseBody(text: string): IDataObject | string {
	const trimmed = text.trim();
	return trimmed.startsWith('<') ? parseXml(trimmed) : trimmed;
}
