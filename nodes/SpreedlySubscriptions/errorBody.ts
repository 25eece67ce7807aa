import type { IDataObject } from 'n8n-workflow';

import { describeErrorBody } from '../shared/errors';

/** The title of an XHTML error page, which arrives already parsed from XML (`{ html: { head: { title } } }`). */
function parsedPageTitle(body: IDataObject): string | undefined {
	const head = (body.html as IDataObject | undefined)?.head as IDataObject | undefined;
	const title = head?.title;
	return typeof title === 'string' ? title.replace(/\s+/g, ' ').trim() || undefined : undefined;
}

/**
 * The message of an error response: `<errors><error>…</error></errors>` (one or many), the plain text
 * the API sent, or the title of an HTML error page that a proxy or the server put in front of the API.
 */
export function describeSpreedlyError(body: unknown): string | undefined {
	if (body !== null && typeof body === 'object' && 'html' in body)
		return parsedPageTitle(body as IDataObject);
	if (body && typeof body === 'object' && 'errors' in body)
		return describeErrorBody((body as IDataObject).errors);
	return describeErrorBody(body);
}
