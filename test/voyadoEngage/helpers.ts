import type { IDataObject } from 'n8n-workflow';

import { VoyadoEngageApi } from '../../credentials/VoyadoEngageApi.credentials';
import { VoyadoEngage } from '../../nodes/VoyadoEngage/VoyadoEngage.node';
import { version } from '../../package.json';
import type { RunOptions, RunResult } from '../harness/harness';
import type { MockApi } from '../harness/mockApi';
import { mockApi } from '../harness/mockApi';
import { runNode } from '../harness/harness';

export const API_KEY = 'voyado-secret-key-123';
export const BASE = 'https://acme.voyado.com';
export const USER_AGENT = `n8n-nodes-credits/${version}`;
export const TRANSACTIONS = '/api/v2/point-accounts/transactions';

export const CONTACT = '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b';
export const OTHER_CONTACT = '8e2d6b71-4c3a-4f0e-b1d2-9a8b7c6d5e4f';

/** Engage's API as the tests answer it: a request without every header Engage needs fails the test. */
export function engage(base = BASE): MockApi {
	return mockApi(base, {
		headers: { apikey: API_KEY, 'user-agent': USER_AGENT, 'content-type': 'application/json' },
	});
}

export function runVoyado(parameters: IDataObject, extra: Partial<RunOptions> = {}) {
	return runNode({
		node: new VoyadoEngage(),
		credentialTypes: [new VoyadoEngageApi()],
		credentials: { voyadoEngageApi: { apiKey: API_KEY, baseUrl: BASE } },
		parameters,
		...extra,
	});
}

/** The add operation with every row field taken from the input item. */
export const addFromItems: IDataObject = {
	resource: 'pointTransaction',
	operation: 'add',
	contactId: '={{ $json.contactId }}',
	definitionId: '={{ $json.definitionId }}',
	amount: '={{ $json.amount }}',
	source: '={{ $json.source }}',
	description: '={{ $json.description }}',
};

/** Input items for `add`: one purchase each, for CONTACT unless said otherwise. */
export function purchases(
	count: number,
	overrides: (index: number) => IDataObject = () => ({}),
): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({
		contactId: CONTACT,
		definitionId: 1,
		amount: index + 1,
		source: 'Purchase',
		description: `Order ${1000 + index}`,
		...overrides(index),
	}));
}

export interface RecordedPost {
	body: IDataObject[];
	key: string | undefined;
}

/** Answers every POST to the transactions endpoint with `answer` (all accepted by default) and records it. */
export function recordPosts(
	times: number,
	answer: (rows: IDataObject[]) => [number, unknown, Record<string, string>?] = () => [200, {}],
) {
	const posts: RecordedPost[] = [];
	const scope = engage()
		.post(TRANSACTIONS)
		.times(times)
		.reply((request) => {
			const rows = request.body as IDataObject[];
			posts.push({ body: rows, key: request.headers['idempotency-key'] });
			return answer(rows);
		});
	return { posts, scope };
}

/** Item 2 of 4 was bad: with Continue On Fail it is the only error item, and the other three rows were sent. */
export function expectOnlyItem2Failed(
	posts: RecordedPost[],
	rawOutputs: RunResult['rawOutputs'],
	message: RegExp,
): void {
	expect(posts[0].body.map((row) => row.description)).toEqual([
		'Order 1000',
		'Order 1001',
		'Order 1003',
	]);
	const output = rawOutputs[0][0];
	expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	expect(output[2].json.error).toMatch(message);
	expect(output.map((item) => item.json.accepted)).toEqual([true, true, undefined, true]);
}
