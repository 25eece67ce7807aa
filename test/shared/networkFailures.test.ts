import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isRetryableNetworkFailure, networkFailureOf } from '../../nodes/shared/networkFailure';
import { skipBackoffSleeps } from '../harness/backoff';
import { asCore1Error, throwLikeCore1 } from '../harness/core1Errors';
import type { RunResult } from '../harness/harness';
import { BASE as SIGNTRAKER, runSignTraker } from '../signTraker/helpers';
import {
	API,
	fixture,
	runSpreedly,
	spreedlyApi,
	subscriberParams,
	XML,
} from '../spreedlySubscriptions/helpers';
import {
	addFromItems,
	engage,
	purchases,
	recordPosts,
	runVoyado,
	TRANSACTIONS,
} from '../voyadoEngage/helpers';
import { waldur, runWaldur } from '../waldur/helpers';
import { PROJECT_CREDIT_UUID, projectCreditRecord } from '../waldur/records';
import { mockApi } from '../harness/mockApi';

/** One read per node: `answer` mocks one reply, `delayMs` late; `run` asks for the record. */
interface Read {
	name: string;
	answer(delayMs: number): void;
	run(options: IDataObject): Promise<RunResult>;
}

const READS: Read[] = [
	{
		name: 'SignTraker Agent → Get',
		answer: (delayMs) => {
			mockApi(SIGNTRAKER).get('/api/agents/42').delay(delayMs).reply(200, { Id: 42 });
		},
		run: async (options) =>
			await runSignTraker({ resource: 'agent', operation: 'get', agentId: '42', options }),
	},
	{
		name: 'Voyado Engage Point Account → Get',
		answer: (delayMs) => {
			engage().get('/api/v2/point-accounts/42').delay(delayMs).reply(200, { id: 42 });
		},
		run: async (options) =>
			await runVoyado({ resource: 'pointAccount', operation: 'get', accountId: '42', options }),
	},
	{
		name: 'Waldur Project Credit → Get',
		answer: (delayMs) =>
			waldur
				.intercept('GET', `/api/project-credits/${PROJECT_CREDIT_UUID}/`)
				.delay(delayMs)
				.reply(200, projectCreditRecord()),
		run: async (options) =>
			await runWaldur({
				resource: 'projectCredit',
				operation: 'get',
				uuid: PROJECT_CREDIT_UUID,
				options,
			}),
	},
	{
		name: 'Spreedly Subscriber → Get',
		answer: (delayMs) => {
			spreedlyApi()
				.get(`${API}/subscribers/42.xml`)
				.delay(delayMs)
				.reply(200, fixture('rspreedly_subscriber.xml'), XML);
		},
		run: async (options) => await runSpreedly(subscriberParams('get', { options })),
	},
];

// Wide margins: on a loaded machine an immediate answer can take a few hundred ms to be read.
const LATE = 3000;
const TIMEOUT = 1000;

/** A lost connection on the first POST: refused before Engage got it, or reset after it booked the batch. */
function dropKeyedPost(applied: boolean, keys: string[]): void {
	engage()
		.post(TRANSACTIONS)
		.reply((request) => {
			keys.push(String(request.headers['idempotency-key']));
			const code = applied ? 'ECONNRESET' : 'ECONNREFUSED';
			return { networkError: code, message: applied ? 'socket hang up' : `connect ${code}` };
		});
}

describe.each([
	['n8n-core 2.x (the cause kept)', () => undefined],
	['n8n-core 1.x (the cause lost, the code in httpCode)', throwLikeCore1],
])('network failures as %s', (_shape, errorShape) => {
	const sleep = skipBackoffSleeps();
	errorShape();

	describe.each(READS)('$name', ({ answer, run }) => {
		it('a timeout once, then the answer: retried, one record', async () => {
			answer(LATE);
			answer(0);
			const { items, error } = await run({ timeout: TIMEOUT });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(sleep).toHaveBeenCalledTimes(1);
		});

		it('a timeout every time: says how long and how often it waited', async () => {
			for (let attempt = 0; attempt < 3; attempt++) answer(LATE);
			const { error } = await run({ timeout: TIMEOUT, maxRetries: 2 });
			expect(error?.message).toMatch(/ did not answer within 1000 ms after 3 tries$/);
			expect(error?.description).toContain('sent 3 times');
		});
	});

	it.each([
		['before Engage got it', false],
		['after Engage booked it', true],
	])(
		'Voyado Add: a connection dropped %s is sent again with the same Idempotency-Key',
		async (_when, applied) => {
			const droppedKeys: string[] = [];
			dropKeyedPost(applied, droppedKeys);
			const { posts } = recordPosts(1);
			const { items, error } = await runVoyado(addFromItems, { items: purchases(2) });
			expect(error).toBeUndefined();
			expect(posts).toHaveLength(1);
			expect(droppedKeys[0]).toMatch(/^n8n-[0-9a-f]{32}-1$/);
			expect(posts[0].key).toBe(droppedKeys[0]);
			expect(items.map((item) => item.json.accepted)).toEqual([true, true]);
		},
	);

	it('a POST without a key (SignTraker Credit Award → Create) is not sent again', async () => {
		mockApi(SIGNTRAKER)
			.post('/api/credits/awards')
			.reply({ networkError: 'ECONNRESET', message: 'socket hang up' });
		const { error } = await runSignTraker({
			resource: 'creditAward',
			operation: 'create',
			name: 'Spring',
			awardedTo: '42',
			totalAmount: 1,
		});
		expect(error?.message).toBe('Could not reach SignTraker: socket hang up');
		expect(error?.description).toContain(
			'sent once (a write is not repeated automatically, so nothing is done twice)',
		);
		expect(sleep).not.toHaveBeenCalled();
	});
});

describe("n8n-core 1.x's wrapped network error", () => {
	function wrapped(code: string, message: string): NodeApiError {
		const node = {
			id: '1',
			name: 'Node',
			type: 'x',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: {},
		};
		return asCore1Error(
			new NodeApiError(node, Object.assign(new Error(message), { code }) as unknown as JsonObject),
		);
	}

	it('has lost its cause and says nothing about the network in its message', () => {
		const error = wrapped('ECONNABORTED', 'timeout of 1500ms exceeded');
		expect(error.cause).toBeUndefined();
		expect(error.httpCode).toBe('ECONNABORTED');
		expect(error.message).toBe('The connection was aborted, perhaps the server is offline');
	});

	it.each([
		['ECONNABORTED', 'timeout of 1500ms exceeded', true],
		['ECONNRESET', 'socket hang up', false],
		['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9', false],
	])('is read as %s (%s), timed out: %s', (code, message, timedOut) => {
		expect(networkFailureOf(wrapped(code, message))).toEqual({
			code,
			message,
			timedOut,
			cutOff: false,
			cancelled: false,
		});
	});

	it('an answer cut off mid-stream ("stream has been aborted") is retried like a dropped connection', () => {
		const failure = networkFailureOf(wrapped('ERR_BAD_RESPONSE', 'stream has been aborted'));
		expect(failure).toMatchObject({ cutOff: true, timedOut: false, cancelled: false });
		expect(isRetryableNetworkFailure(failure)).toBe(true);
		const otherBadResponse = networkFailureOf(
			wrapped('ERR_BAD_RESPONSE', 'maxContentLength exceeded'),
		);
		expect(isRetryableNetworkFailure(otherBadResponse)).toBe(false);
	});

	it('an HTTP status in httpCode is no network code', () => {
		const error = wrapped('ECONNRESET', 'socket hang up');
		error.httpCode = '503';
		expect(networkFailureOf(error).code).toBeUndefined();
	});
});
