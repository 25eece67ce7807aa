// A small XML reader and a Rails-`to_xml`-style writer: enough for Spreedly's request and response bodies.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text) {
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity) => {
		if (entity[0] !== '#') return ENTITIES[entity] ?? whole;
		return String.fromCodePoint(entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
	});
}

/** Escapes element text the way Rails' builder does: quotes stay as they are (`can't`). */
export function escapeXml(text) {
	return String(text).replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char]);
}

/**
 * Parses an XML document into `{name, attributes, children, text}` elements. Throws on malformed input.
 * @returns {{name: string, attributes: Record<string, string>, children: any[], text: string}}
 */
export function parseXml(source) {
	const tokens = source.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g);
	const root = { name: '#document', attributes: {}, children: [], text: '' };
	const stack = [root];
	for (const [, closing, name, rawAttributes, selfClosing, text] of tokens) {
		const current = stack.at(-1);
		if (text !== undefined) {
			current.text += unescapeXml(text);
		} else if (closing) {
			if (current.name !== name) throw new Error(`Malformed XML: </${name}> closes <${current.name}>`);
			stack.pop();
		} else {
			const attributes = Object.fromEntries(
				[...rawAttributes.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map(([, key, double, single]) => [
					key,
					unescapeXml(double ?? single),
				]),
			);
			const element = { name, attributes, children: [], text: '' };
			current.children.push(element);
			if (!selfClosing) stack.push(element);
		}
	}
	if (stack.length !== 1 || root.children.length !== 1) throw new Error('Malformed XML document');
	return root.children[0];
}

/** Flattens an element into `{tag: text | nested}`; `_` in tag names is read as `-`, as Spreedly's Rails backend does. */
export function elementToObject(element) {
	if (element.children.length === 0) return element.text.trim();
	return Object.fromEntries(element.children.map((child) => [child.name.replaceAll('_', '-'), elementToObject(child)]));
}

function formatDecimal(value) {
	return Number.isInteger(value) ? `${value}.0` : String(value);
}

/**
 * Writes `value` as Rails' `to_xml` does: typed attributes, `nil="true"`, `type="array"`.
 * @param {string} tag
 * @param {unknown} value
 * @param {Record<string, 'integer' | 'decimal' | 'datetime'>} types per tag, for values whose JS type is ambiguous
 * @param {string} [indent]
 */
export function toXml(tag, value, types = {}, indent = '') {
	const type = types[tag];
	if (value === null || value === undefined) {
		return `${indent}<${tag}${type ? ` type="${type}"` : ''} nil="true"></${tag}>`;
	}
	if (Array.isArray(value)) {
		if (value.length === 0) return `${indent}<${tag} type="array"/>`;
		const itemTag = tag.endsWith('s') ? tag.slice(0, -1) : tag;
		return [`${indent}<${tag} type="array">`, ...value.map((item) => toXml(itemTag, item, types, `${indent}  `)), `${indent}</${tag}>`].join('\n');
	}
	if (typeof value === 'object') {
		const children = Object.entries(value).map(([key, child]) => toXml(key, child, types, `${indent}  `));
		return [`${indent}<${tag}>`, ...children, `${indent}</${tag}>`].join('\n');
	}
	if (typeof value === 'boolean') return `${indent}<${tag} type="boolean">${value}</${tag}>`;
	if (type === 'decimal') return `${indent}<${tag} type="decimal">${formatDecimal(value)}</${tag}>`;
	return `${indent}<${tag}${type ? ` type="${type}"` : ''}>${escapeXml(value)}</${tag}>`;
}

export function xmlDocument(tag, value, types) {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${toXml(tag, value, types)}\n`;
}
