import { mockApi } from '../harness/mockApi';
import { requestProblems, responseProblems } from './schema/openapi';

export const BASE = 'https://waldur.example.com';

/**
 * Waldur's API as the tests answer it: every request the node sends and every reply a test
 * replays is checked against Waldur's official schema, and a test fails when either breaks it.
 * Replies answer any query; the tests read it from `waldur.requests()`.
 */
export const waldur = mockApi(BASE, {
	anyQuery: true,
	replyHeaders: { 'content-type': 'application/json' },
	check: (request, response) => [
		...requestProblems(request),
		...(response ? responseProblems(request, response) : []),
	],
});
