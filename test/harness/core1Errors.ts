import type { NodeApiError } from 'n8n-workflow';
import * as authentication from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/authentication';

/** n8n-workflow 1.x's NodeError COMMON_ERRORS: the text that replaces a network error's message. */
const CORE_1_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'The service refused the connection - perhaps it is offline',
	ECONNRESET:
		'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.',
	ETIMEDOUT:
		"The connection timed out, consider setting the 'Retry on Fail' option in the node settings",
	ECONNABORTED: 'The connection was aborted, perhaps the server is offline',
};

/**
 * Turns the error n8n-core 2.x throws for a request without an answer into the one n8n-core 1.x
 * (1.122.x, used by n8n 1.123.x) throws for the same failure. Read in n8n-core 1.x
 * `dist/execution-engine/node-execution-context/utils/request-helper-functions.js`,
 * `httpRequestWithAuthentication`: `throw new NodeApiError(this.getNode(), error)` around the axios
 * error, with n8n-workflow 1.x's NodeApiError (`errors/node-api.error.js`, `abstract/node.error.js`,
 * `abstract/execution-base.error.js`). There the class field `cause;` of ExecutionBaseError wipes
 * the native cause, `httpCode` becomes the axios code (found under the `code` key), `messages` holds
 * the axios message twice and `message` is COMMON_ERRORS[code]. Checked against a real n8n-core
 * 1.122.48 with axios timeouts, a socket hang up and a refused connection.
 */
export function asCore1Error(error: NodeApiError): NodeApiError {
	const cause = error.cause as { code?: string; message?: string } | undefined;
	const code = cause?.code;
	if (!code) return error;
	Object.defineProperty(error, 'cause', {
		value: undefined,
		writable: true,
		enumerable: true,
		configurable: true,
	});
	delete (error as { code?: unknown }).code;
	error.httpCode = code;
	error.messages = [cause?.message ?? '', cause?.message ?? ''];
	error.message = CORE_1_MESSAGES[code] ?? error.message;
	return error;
}

/** For the calling `describe`: every failed request reaches the nodes as n8n-core 1.x would hand it over. */
export function throwLikeCore1(): void {
	let spy: jest.SpyInstance | undefined;
	beforeEach(() => {
		const original = authentication.httpRequestWithAuthentication;
		spy = jest
			.spyOn(authentication, 'httpRequestWithAuthentication')
			.mockImplementation(async function (this: never, ...args) {
				try {
					return await original.apply(this, args);
				} catch (error) {
					throw asCore1Error(error as NodeApiError);
				}
			});
	});
	afterEach(() => spy?.mockRestore());
}
