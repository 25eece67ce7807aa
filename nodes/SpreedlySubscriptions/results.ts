import type { IDataObject } from 'n8n-workflow';

/** The value under the document's root (`{ subscriber: {...} }` → the subscriber). */
export function rootValue(body: IDataObject): unknown {
	const keys = Object.keys(body);
	return keys.length === 1 ? body[keys[0]] : body;
}

/**
 * One output item for an operation on one subscriber: the record the API sent, or, when the answer
 * has no body, `{ success: true }` with the customer ID it acted on (and the text, if the API sent one).
 */
export function recordOrSuccess(
	body: IDataObject | string | undefined,
	acted: IDataObject,
): IDataObject {
	if (body === undefined || body === '') return { success: true, ...acted };
	if (typeof body === 'string') return { success: true, ...acted, message: body };
	const value = rootValue(body);
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: body;
}
