import type { IDataObject } from 'n8n-workflow';

/** What Waldur's `WebHook.process` posts: `{created, message, context, event_type}`. */
export interface WaldurEvent extends IDataObject {
	created: string;
	message: string;
	context: IDataObject;
	event_type: string;
}

/** The delivery as a Waldur event, or why it is not one. */
export function asWaldurEvent(body: unknown): WaldurEvent | string {
	if (body === null || typeof body !== 'object' || Array.isArray(body))
		return 'The body is not a JSON object';
	const event = body as IDataObject;
	if (typeof event.event_type !== 'string' || event.event_type === '')
		return 'The body has no event_type';
	if (typeof event.message !== 'string') return 'The body has no message';
	if (typeof event.created !== 'string' && typeof event.created !== 'number')
		return 'The body has no created time';
	if (event.context === null || typeof event.context !== 'object' || Array.isArray(event.context))
		return 'The body has no context object';
	return event as WaldurEvent;
}
