const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
		if (code[0] !== '#') return NAMED_ENTITIES[code.toLowerCase()] ?? entity;
		const point =
			code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
		return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
	});
}

/** A tag such as `<h1>`, `</p>`, `<br/>` or `<!DOCTYPE html>`; "a < b" or "<uuid >" placeholders in text are not. */
const TAG = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!doctype[^>]*>/i;

export function containsMarkup(text: string): boolean {
	return TAG.test(text);
}

const PROLOG = /^(\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*/i;
const HTML_START = /^<(!doctype\s+html|html)[\s>]/i;

/** An HTML (or XHTML) page rather than an API document: by its content type or by its first tag. */
export function isHtmlPage(text: string, contentType: string): boolean {
	if (HTML_START.test(text.replace(PROLOG, ''))) return true;
	return /html/i.test(contentType) && containsMarkup(text);
}

function plainText(fragment: string): string {
	return decodeEntities(fragment.replace(/<[^>]*>/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
}

function firstElementText(page: string, tags: string): string | undefined {
	const pattern = new RegExp(`<(${tags})(\\s[^>]*)?>([\\s\\S]*?)</\\1\\s*>`, 'i');
	const text = plainText(pattern.exec(page)?.[3] ?? '');
	return text || undefined;
}

/** What an HTML page (or fragment) is about: its `<title>`, else its first `<h1>`–`<h3>`; undefined when it has neither. */
export function pageHeadline(page: string): string | undefined {
	return firstElementText(page, 'title') ?? firstElementText(page, 'h1|h2|h3');
}

/** The words a reader would see first, without markup, scripts or styles: at most `maxWords`. */
export function firstWords(text: string, maxWords = 12): string {
	const visible = plainText(text.replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, ' '));
	const words = visible.split(' ').filter(Boolean);
	const shown = words.slice(0, maxWords).join(' ');
	const clipped = shown.length > 120 ? `${shown.slice(0, 120)}…` : shown;
	return words.length > maxWords && !clipped.endsWith('…') ? `${clipped}…` : clipped;
}
