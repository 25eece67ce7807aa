import type { IDataObject } from 'n8n-workflow';

/** The value under the document's root (`{ subscriber: {...} }` → the subscriber). */
export function rootValue(body: IDataObject): unknown {
	const keys = Object.keys(body);
	return keys.length === 1 ? body[keys[0]] : body;
}

/**
 * One output item for an operation on one subscriber: the record the API sent, or, when it answered
 * with plain text, `{ success: true }` with what it acted on and the text. An empty answer never gets
 * here: the request's `emptySuccess` turns it into `{ success: true, ...acted }` (or an error for a read).
 */
export function recordOrSuccess(body: IDataObject | string, acted: IDataObject): IDataObject {
	if (typeof body === 'string') return { success: true, ...acted, message: body };
	const value = rootValue(body);
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: body;
}
