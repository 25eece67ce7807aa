import nock from 'nock';

/**
 * The only way tests answer HTTP. A test declares the replies an API gives
 * (`mockApi(BASE).get(path, body?).query(q).reply(200, json)`), reads what the node sent from
 * `requests()`, always in the one WireRequest shape, and fails after it (setupNock.ts) when a
 * declared reply was never asked for, when a request nothing declared was sent, or when the API's
 * own check (required headers, Waldur's schema) found a problem.
 * `mockApi.test.ts` checks that no other test file uses nock itself.
 */

export type Query = Record<string, string | string[]>;

/** One request as the node put it on the wire. */
export interface WireRequest {
	method: string;
	path: string;
	query: Query;
	/** Header names in lower case. */
	headers: Record<string, string>;
	/** Parsed JSON where the body is JSON, else the text as sent; `undefined` when empty. */
	body: unknown;
	url: string;
}

export interface WireResponse {
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

export type Reply =
	| {
			status: number;
			/** A JSON value, or a string sent as it is. */
			body?: unknown;
			headers?: Record<string, string>;
			/** For a deliberately broken exchange: the problems the API's check must find. */
			violates?: RegExp;
	  }
	| {
			/** A network failure instead of a reply, e.g. `ECONNRESET`. */
			networkError: string;
			/** The failure's message; by default `socket hang up (<code>)`. */
			message?: string;
			violates?: RegExp;
	  };

/** `[status, body?, headers?]` */
type ReplyTuple = unknown[];
export type Answer = (request: WireRequest) => Reply | ReplyTuple | Promise<Reply | ReplyTuple>;
/** The exact JSON body, a regular expression for a text body, or a predicate. */
type BodyMatch = nock.RequestBodyMatcher;

type QueryMatch = Query | Record<string, string | number> | true | ((query: Query) => boolean);

export interface ApiOptions {
	/** Headers every request to this API must carry (a missing or different one fails the test). */
	headers?: Record<string, string | RegExp>;
	/** Declared replies answer any query unless they say otherwise (the test reads `query` instead). */
	anyQuery?: boolean;
	/** Headers every reply carries unless it sets them (by default, JSON bodies say they are JSON). */
	replyHeaders?: Record<string, string>;
	/** The provider's check of each exchange (e.g. against its schema); returns its problems. */
	check?: (request: WireRequest, response: WireResponse | undefined) => string[];
}

interface Declared {
	api: MockApi;
	label: string;
	pending: number | 'any';
	used: number;
}

const isUsed = (declared: Declared) =>
	declared.pending === 'any' ? declared.used > 0 : declared.pending === 0;

const state = {
	requests: [] as Array<{ api: MockApi; request: WireRequest }>,
	problems: [] as string[],
	undeclared: [] as string[],
	declared: [] as Declared[],
};

function queryOf(url: URL): Query {
	const query: Query = {};
	for (const key of new Set(url.searchParams.keys())) {
		const values = url.searchParams.getAll(key);
		query[key] = values.length === 1 ? values[0] : values;
	}
	return query;
}

function parsedBody(body: unknown): unknown {
	if (body === undefined || body === '') return undefined;
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

function lowerCaseKeys(headers: Record<string, unknown> = {}): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [
			name.toLowerCase(),
			Array.isArray(value) ? value.join(', ') : String(value),
		]),
	);
}

function headerProblems(request: WireRequest, required: ApiOptions['headers'] = {}): string[] {
	return Object.entries(required)
		.filter(([name, expected]) => {
			const value = request.headers[name.toLowerCase()];
			return typeof expected === 'string' ? value !== expected : !expected.test(value ?? '');
		})
		.map(
			([name, expected]) =>
				`${request.method} ${request.path}: header ${name} is ${JSON.stringify(request.headers[name.toLowerCase()])}, expected ${String(expected)}`,
		);
}

function judge(problems: string[], violates: RegExp | undefined): string[] {
	if (!violates) return problems;
	if (problems.length === 0)
		return [`expected a problem matching ${violates}, but the exchange was valid`];
	return problems.filter((problem) => !violates.test(problem));
}

function asReply(answer: Reply | ReplyTuple): Reply {
	if (!Array.isArray(answer)) return answer;
	const [status, body, headers] = answer as [number, unknown?, Record<string, string>?];
	return { status, body, headers };
}

function headersOf(
	options: ApiOptions,
	reply: { body?: unknown; headers?: Record<string, string> },
): Record<string, string> {
	const json: Record<string, string> =
		typeof reply.body === 'string' || reply.body === undefined
			? {}
			: { 'content-type': 'application/json' };
	return { ...json, ...lowerCaseKeys(options.replyHeaders), ...lowerCaseKeys(reply.headers) };
}

function checked(options: ApiOptions, request: WireRequest, reply: Reply): void {
	try {
		const response =
			'networkError' in reply
				? undefined
				: { status: reply.status, headers: headersOf(options, reply), body: reply.body };
		const problems = options.check ? options.check(request, response) : [];
		state.problems.push(
			...judge(problems, reply.violates),
			...headerProblems(request, options.headers),
		);
	} catch (error) {
		// An exception here would leave the request hanging; it fails the test afterwards instead.
		state.problems.push(`the check failed: ${(error as Error).stack ?? String(error)}`);
	}
}

function sent(
	options: ApiOptions,
	reply: Reply,
): [Error | null, [number, string, Record<string, string>]] {
	if ('networkError' in reply) {
		const message = reply.message ?? `socket hang up (${reply.networkError})`;
		const failure = Object.assign(new Error(message), {
			code: reply.networkError,
		});
		return [failure, [0, '', {}]];
	}
	const body =
		typeof reply.body === 'string' || reply.body === undefined
			? (reply.body ?? '')
			: JSON.stringify(reply.body);
	return [null, [reply.status, body, headersOf(options, reply)]];
}

/**
 * One reply being declared, nock's way: which requests it answers (path and body given to
 * `get`/`post`/…, then `query`, `matchHeader`, `times`), then `reply`. What else is asked is "not declared".
 */
export class DeclaredReply {
	private queryMatch: QueryMatch | undefined;
	private readonly headerMatch: Array<[string, string | RegExp]> = [];
	private count: number | 'any' = 1;
	private delayMs = 0;

	constructor(
		private readonly api: MockApi,
		private readonly method: string,
		private readonly path: string | RegExp,
		private readonly bodyMatch: BodyMatch | undefined,
	) {}

	/** The exact query (without this: none, unless the API answers any), `true` for any, or a predicate. */
	query(query: QueryMatch): this {
		this.queryMatch = query;
		return this;
	}

	matchHeader(name: string, value: string | RegExp): this {
		this.headerMatch.push([name, value]);
		return this;
	}

	/** How many requests this reply answers (default 1); `'any'`: at least one. */
	times(count: number | 'any'): this {
		this.count = count;
		return this;
	}

	/** Holds the reply back `ms` milliseconds. */
	delay(ms: number): this {
		this.delayMs = ms;
		return this;
	}

	/** Answers with `status`, `body` (JSON, or text as it is) and `headers`; or a full Reply; or an Answer. */
	reply(status: number, body?: unknown, headers?: Record<string, string>): MockApi;
	reply(reply: Reply | Answer): MockApi;
	reply(
		statusOrReply: number | Reply | Answer,
		body?: unknown,
		headers?: Record<string, string>,
	): MockApi {
		const answer: Answer =
			typeof statusOrReply === 'function'
				? statusOrReply
				: () =>
						typeof statusOrReply === 'number'
							? { status: statusOrReply, body, headers }
							: statusOrReply;
		const { api, method, delayMs } = this;
		const declared = this.declare();
		this.interceptor().reply(function (uri, requestBody, respond) {
			const request = api.record(method, uri, this.req.headers, requestBody);
			declared.used++;
			if (declared.pending !== 'any') declared.pending--;
			void (async () => {
				const reply = asReply(await answer(request));
				api.check(request, reply);
				if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
				const [error, response] = api.sent(reply);
				respond(error, response);
			})().catch((error: Error) => respond(error, [0, '', {}]));
		});
		return api;
	}

	private interceptor(): nock.Interceptor {
		const scope = nock(this.api.base);
		if (this.count === 'any') scope.persist();
		const interceptor = scope.intercept(this.path, this.method, this.bodyMatch);
		const query = this.queryMatch ?? (this.api.answersAnyQuery ? true : undefined);
		if (query !== undefined) interceptor.query(query as never);
		for (const [name, value] of this.headerMatch) interceptor.matchHeader(name, value);
		if (this.count !== 'any') interceptor.times(this.count);
		return interceptor;
	}

	private declare(): Declared {
		const label = `${this.method} ${this.api.base}${String(this.path)}`;
		const declared: Declared = { api: this.api, label, pending: this.count, used: 0 };
		state.declared.push(declared);
		return declared;
	}
}

export class MockApi {
	constructor(
		readonly base: string,
		private readonly options: ApiOptions = {},
	) {}

	get answersAnyQuery(): boolean {
		return this.options.anyQuery ?? false;
	}

	/** A reply to `method path` (with `body`: only to requests with that JSON body, or where it returns true). */
	intercept(method: string, path: string | RegExp, body?: BodyMatch): DeclaredReply {
		return new DeclaredReply(this, method.toUpperCase(), path, body);
	}
	get(path: string | RegExp, body?: BodyMatch): DeclaredReply {
		return this.intercept('GET', path, body);
	}
	post(path: string | RegExp, body?: BodyMatch): DeclaredReply {
		return this.intercept('POST', path, body);
	}
	put(path: string | RegExp, body?: BodyMatch): DeclaredReply {
		return this.intercept('PUT', path, body);
	}
	patch(path: string | RegExp, body?: BodyMatch): DeclaredReply {
		return this.intercept('PATCH', path, body);
	}
	delete(path: string | RegExp, body?: BodyMatch): DeclaredReply {
		return this.intercept('DELETE', path, body);
	}

	/** The requests this mock answered in this test, in order. */
	requests(): WireRequest[] {
		return state.requests.filter(({ api }) => api === this).map(({ request }) => request);
	}

	/** Whether every reply declared on this mock so far has been asked for. */
	isDone(): boolean {
		return state.declared.filter((declared) => declared.api === this).every(isUsed);
	}

	/** Drops this mock's recorded requests, so a test can read only what follows. */
	forgetRequests(): void {
		state.requests = state.requests.filter(({ api }) => api !== this);
	}

	/** @internal */
	record(
		method: string,
		uri: string,
		headers: Record<string, unknown>,
		body: unknown,
	): WireRequest {
		const url = new URL(uri, this.base);
		const request: WireRequest = {
			method: method.toUpperCase(),
			path: url.pathname,
			query: queryOf(url),
			headers: lowerCaseKeys(headers),
			body: parsedBody(body),
			url: url.href,
		};
		state.requests.push({ api: this, request });
		return request;
	}

	/** @internal */
	check(request: WireRequest, reply: Reply): void {
		checked(this.options, request, reply);
	}

	/** @internal */
	sent(reply: Reply): ReturnType<typeof sent> {
		return sent(this.options, reply);
	}
}

export function mockApi(base: string, options?: ApiOptions): MockApi {
	return new MockApi(base, options);
}

/** Every request any mocked API answered in this test, in order. */
export function requests(): WireRequest[] {
	return state.requests.map(({ request }) => request);
}

/** The requests no declared reply answered in this test (each also fails the test afterwards). */
export function undeclaredRequests(): string[] {
	return state.undeclared;
}

/** Asserts the node sent nothing at all so far in this test, declared or not. */
export function expectNoRequests(): void {
	expect({ answered: requests(), undeclared: state.undeclared }).toEqual({
		answered: [],
		undeclared: [],
	});
}

const LOCAL = /^(127\.0\.0\.1|localhost)(:\d+)?$/;

interface UnmatchedOptions {
	method?: string;
	host?: string;
	hostname?: string;
	port?: number | string;
	path?: string;
	proto?: string;
}

function noteUnmatched(first: UnmatchedOptions, second?: UnmatchedOptions): void {
	const options = second ?? first;
	const host = options.host ?? options.hostname ?? '';
	if (LOCAL.test(host) || LOCAL.test(options.hostname ?? '')) return;
	const request = `${options.method ?? 'GET'} ${options.proto ?? 'https'}://${host}${options.path ?? ''}`;
	state.undeclared.push(request);
	state.problems.push(`a request no test declared: ${request}`);
}

/** Called once after every test (setupNock.ts): the test's problems, and a fresh start. */
export function finishMockedApis(): string[] {
	const unused = state.declared
		.filter((declared) => !isUsed(declared))
		.map((declared) => `a declared reply was never asked for: ${declared.label}`);
	const problems = [...state.problems, ...unused];
	state.requests = [];
	state.problems = [];
	state.undeclared = [];
	state.declared = [];
	return problems;
}

export function watchUnmatchedRequests(): void {
	nock.emitter.on('no match', noteUnmatched);
}

export function unwatchUnmatchedRequests(): void {
	nock.emitter.removeListener('no match', noteUnmatched);
}
