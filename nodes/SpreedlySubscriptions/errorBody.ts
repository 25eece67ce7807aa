import type { IDataObject } from 'n8n-workflow';

import { describeErrorBody } from '../shared/errors';

/**
 * The message of an error response: `<errors><error>…</error></errors>` (one or many) or the plain
 * text the API sent. HTML error pages never get here: the core reads their title first.
 */
export function describeSpreedlyError(body: unknown): string | undefined {
	if (body && typeof body === 'object' && 'errors' in body)
		return describeErrorBody((body as IDataObject).errors);
	return describeErrorBody(body);
}
