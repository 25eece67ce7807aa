/** A value as text: a string trimmed, a number as written; anything else (null, undefined, objects) is ''. */
export function textOf(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** A value as an error message shows it: text in quotes, anything else as JSON. */
export function show(value: unknown): string {
	if (typeof value === 'string') return `"${value}"`;
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}
