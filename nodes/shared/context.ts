import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * Every n8n context the transport serves: a node's run, the editor's list pickers, a poll,
 * webhook registration and a webhook delivery. Each has `getNode`, `getCredentials` and
 * `helpers.httpRequestWithAuthentication`.
 */
export type ApiContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** A node's run (`execute`), the one context with input items; the others read parameters without an item. */
export function isRun(ctx: ApiContext): ctx is IExecuteFunctions {
	return 'getInputData' in ctx;
}
