// Response builders and a tiny router shared by the four fake providers.

/**
 * @typedef {object} SandboxRequest
 * @property {string} method
 * @property {string} path      path below the provider prefix, e.g. `/api/credits/awards`
 * @property {URLSearchParams} query
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {string} body      raw request body
 * @property {string} baseUrl   public URL of the provider prefix, e.g. `http://127.0.0.1:4010/waldur`
 * @property {Record<string, string>} [params] route parameters
 *
 * @typedef {object} SandboxResponse
 * @property {number} status
 * @property {Record<string, string>} [headers]
 * @property {string} [body]
 *
 * @typedef {(request: SandboxRequest) => SandboxResponse} Handler
 */

/** @returns {SandboxResponse} */
export function json(status, value, headers = {}) {
	return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** @returns {SandboxResponse} */
export function text(status, body, contentType = 'text/plain; charset=utf-8') {
	return { status, headers: { 'content-type': contentType }, body };
}

/** @returns {SandboxResponse} */
export function empty(status, headers = {}) {
	return { status, headers, body: '' };
}

/** Parses a JSON request body; `undefined` when it is empty or not JSON. */
export function parseJson(body) {
	if (!body) return undefined;
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

/**
 * Builds a handler from `[method, pattern, handler]` routes. Named groups of the pattern become `request.params`.
 * @param {Array<[string, RegExp, Handler]>} routes
 * @param {{notFound: Handler, methodNotAllowed: Handler}} fallbacks
 * @returns {Handler}
 */
export function router(routes, { notFound, methodNotAllowed }) {
	return (request) => {
		let pathMatched = false;
		for (const [method, pattern, handler] of routes) {
			const match = pattern.exec(request.path);
			if (!match) continue;
			pathMatched = true;
			if (method === request.method) return handler({ ...request, params: { ...match.groups } });
		}
		return pathMatched ? methodNotAllowed(request) : notFound(request);
	};
}

/** Reads a bounded non-negative integer query parameter. */
export function intParam(query, name, fallback) {
	const raw = query.get(name);
	if (raw === null || raw === '') return fallback;
	const value = Number(raw);
	return Number.isInteger(value) && value >= 0 ? value : NaN;
}

export function header(request, name) {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

export function nowIso() {
	return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
