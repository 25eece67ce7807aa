import nock from 'nock';

import type { WireRequest } from './schema/openapi';
import { requestProblems, responseProblems } from './schema/openapi';

/**
 * The only way Waldur tests answer HTTP: every request the node sends and every reply a test
 * replays is validated against Waldur's official schema, and a test fails when either breaks it
 * (or when a mocked reply was never asked for). `validator.test.ts` checks no test uses nock directly.
 */

export const BASE = 'https://waldur.example.com';

export interface Reply {
	status: number;
	/** A JSON value, or a string sent as it is (for bodies that are not JSON). */
	body?: unknown;
	headers?: Record<string, string>;
	delayMs?: number;
	/** For a test of a deliberately broken exchange: the schema problems it must cause. */
	violates?: RegExp;
	/** A network failure instead of a reply, e.g. `ECONNRESET` (the request is still recorded and validated). */
	networkError?: string;
}

export interface RecordedCall extends WireRequest {
	/** The full URL the node asked for. */
	url: string;
}

const state = { calls: [] as RecordedCall[], problems: [] as string[], unanswered: 0 };

function queryOf(url: URL): WireRequest['query'] {
	const query: WireRequest['query'] = {};
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

function lowerCaseKeys(headers: Record<string, string> = {}): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
}

function judge(problems: string[], violates: RegExp | undefined): string[] {
	if (!violates) return problems;
	if (problems.length === 0)
		return [`expected a schema violation matching ${violates}, but the exchange was valid`];
	return problems.filter((problem) => !violates.test(problem));
}

/** Answers the next `method path` request (any query) with `reply`. */
export function mockWaldur(method: string, path: string, reply: Reply): void {
	state.unanswered++;
	const interceptor = nock(BASE).intercept(path, method).query(true);
	if (reply.delayMs) interceptor.delay(reply.delayMs);
	interceptor.reply(function (uri, requestBody, respond) {
		state.unanswered--;
		const url = new URL(uri, BASE);
		const call: RecordedCall = {
			method,
			path: url.pathname,
			query: queryOf(url),
			headers: { ...this.req.headers },
			body: parsedBody(requestBody),
			url: url.href,
		};
		state.calls.push(call);
		const headers = { 'content-type': 'application/json', ...lowerCaseKeys(reply.headers) };
		try {
			const problems = [
				...requestProblems(call),
				...(reply.networkError
					? []
					: responseProblems(call, { status: reply.status, headers, body: reply.body })),
			];
			state.problems.push(...judge(problems, reply.violates));
		} catch (error) {
			// An exception here would leave the request hanging; it fails the test in afterEach instead.
			state.problems.push(`the validator failed: ${(error as Error).stack ?? String(error)}`);
		}
		if (reply.networkError) {
			const failure = Object.assign(new Error(`socket hang up (${reply.networkError})`), {
				code: reply.networkError,
			});
			respond(failure, [0, '']);
			return;
		}
		const body =
			typeof reply.body === 'string' || reply.body === undefined
				? (reply.body ?? '')
				: JSON.stringify(reply.body);
		respond(null, [reply.status, body, headers]);
	});
}

/** The requests the node sent in this test, in order. */
export function calls(): RecordedCall[] {
	return state.calls;
}

afterEach(() => {
	const { problems, unanswered } = state;
	state.calls = [];
	state.problems = [];
	state.unanswered = 0;
	if (problems.length) throw new Error(`Waldur schema violations:\n- ${problems.join('\n- ')}`);
	if (unanswered)
		throw new Error(
			`${unanswered} mocked Waldur repl${unanswered === 1 ? 'y was' : 'ies were'} never requested`,
		);
});
