import type { IDataObject } from 'n8n-workflow';

import { WaldurApi } from '../../credentials/WaldurApi.credentials';
import { Waldur } from '../../nodes/Waldur/Waldur.node';
import type { RunOptions, RunResult } from '../harness/harness';
import { runNode } from '../harness/harness';
import type { WireRequest } from '../harness/mockApi';
import { BASE, waldur } from './mockWaldur';

export { BASE, waldur } from './mockWaldur';

export const TOKEN = 'wdr-secret-token-7f3c9a';
export const AUTH = `Token ${TOKEN}`;

/** Runs the Waldur node; the credential's base URL ends in a slash, which every test thereby tolerates. */
export function runWaldur(parameters: IDataObject, extra: Partial<RunOptions> = {}) {
	return runNode({
		node: new Waldur(),
		credentialTypes: [new WaldurApi()],
		credentials: { waldurApi: { baseUrl: `${BASE}/`, token: TOKEN } },
		parameters,
		...extra,
	});
}

/** Asserts the node sent exactly one request, authenticated, matching `expected` (method, path, query, body). */
export function expectOneCall(expected: Partial<WireRequest>): void {
	expect(waldur.requests()).toHaveLength(1);
	expect(waldur.requests()[0]).toMatchObject(expected);
	expect(waldur.requests()[0].headers.authorization).toBe(AUTH);
}

/** The JSON of the node's output items. */
export function outputOf(result: RunResult): IDataObject[] {
	return result.items.map((item) => item.json);
}
