import { Builder } from 'xml2js';

/** A request field's value: text, a number, null (sent as `nil="true"`) or a nested element. */
export type XmlField = string | number | null | XmlFields;
export interface XmlFields {
	[tag: string]: XmlField | undefined;
}

/** Characters XML 1.0 cannot carry at all, not even escaped (its `Char` production, inverted). */
// eslint-disable-next-line no-control-regex -- tab, LF and CR are the control characters XML allows
const NOT_IN_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function hasCharactersXmlCannotCarry(text: string): boolean {
	return NOT_IN_XML.test(text);
}

/** `billingFirstName` → `billing-first-name`, `billingAddress1` → `billing-address1`. */
export function dasherize(key: string): string {
	return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function toBuilderValue(value: XmlField): unknown {
	if (value === null) return { $: { nil: 'true' } };
	if (typeof value === 'object') return withoutUndefined(value);
	return String(value);
}

function withoutUndefined(fields: XmlFields): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [tag, value] of Object.entries(fields)) {
		if (value !== undefined) result[tag] = toBuilderValue(value);
	}
	return result;
}

/** Builds a request document such as `<subscriber><screen-name>…</screen-name></subscriber>`; xml2js escapes every value. */
export function buildXml(rootTag: string, fields: XmlFields): string {
	const builder = new Builder({
		rootName: rootTag,
		renderOpts: { pretty: false },
		xmldec: { version: '1.0', encoding: 'UTF-8' },
	});
	return builder.buildObject(withoutUndefined(fields));
}
