// Timeouts and dropped connections (issue 14): the sandbox injects the fault, n8n runs an e2e-only workflow of
// scripts/e2e/workflows, and the check reads what the node did and how often the sandbox was asked.
import assert from 'node:assert/strict';
import { nodeOutput } from './output.mjs';

const SANDBOX_CONTACT = '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b';
const TRANSACTIONS = '/api/v2/point-accounts/transactions';
const TIMEOUT_MS = 1500;
/** 1 try + the default Max Retries (3). */
const TRIES = 4;

/** The Get of each node in faults-get-with-timeout*.json, with the path it asks for and what its output must hold. */
const GETS = [
	{ node: 'SignTraker agent', provider: 'signtraker', path: '/api/agents/101', expect: (json) => assert.equal(json.Id, 101) },
	{ node: 'Voyado point account', provider: 'voyado', path: '/api/v2/point-accounts/1001', expect: (json) => assert.equal(json.balance, 250) },
	{
		node: 'Waldur project credit',
		provider: 'waldur',
		path: '/api/project-credits/9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c51/',
		expect: (json) => assert.equal(json.uuid, '9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c51'),
	},
	{
		node: 'Spreedly subscriber',
		provider: 'spreedly',
		path: '/api/v4/sandbox-test/subscribers/1001.xml',
		expect: (json) => assert.equal(String(json.customerId), '1001'),
	},
];

const to = (requests, { provider, path }) => requests.filter((request) => request.provider === provider && request.path === path);
const outcomes = (requests) => requests.map((request) => request.fault ?? request.status);

function unanswered(times) {
	return (sandbox) => {
		for (const get of GETS) sandbox.injectFault({ provider: get.provider, method: 'GET', path: get.path, kind: 'noAnswer', times });
	};
}

function keyedAddCheck(expectedOutcomes) {
	return (run, requests) => {
		const added = nodeOutput(run, 'Add points');
		assert.equal(added.length, 2, 'one output item per row');
		assert.ok(added.every((result) => result.accepted === true), `every row accepted: ${JSON.stringify(added)}`);

		const posts = requests.filter((request) => request.method === 'POST' && request.path === TRANSACTIONS);
		assert.deepEqual(outcomes(posts), expectedOutcomes);
		assert.deepEqual(posts.map((post) => post.body), [posts[0].body, posts[0].body], 'the same batch is sent again');
		const [key, ...otherKeys] = new Set(posts.map((post) => post.headers['idempotency-key']));
		assert.ok(key?.startsWith('e2e-fault-order-1'), `the batch carries the workflow's Idempotency-Key, not ${key}`);
		assert.deepEqual(otherKeys, [], 'the retry sends the same Idempotency-Key');

		const bonus = nodeOutput(run, 'Point balances').find((account) => account.definitionId === 1);
		assert.equal(bonus.balance, 250 + 7 + 5, 'Engage booked every row exactly once');
	};
}

/** @type {import('./scenarios.mjs').Scenario[]} */
export const FAULT_SCENARIOS = [
	{
		workflowId: 'e2eFaultGets0001',
		dir: 'workflows',
		file: 'faults-get-with-timeout.json: no answer once, then success',
		nodeTypes: ['signTraker', 'voyadoEngage', 'waldur', 'spreedlySubscriptions'],
		setup: unanswered(1),
		check(run, requests) {
			for (const get of GETS) {
				assert.deepEqual(outcomes(to(requests, get)), ['noAnswer', 200], `${get.node}: retried once after the timeout`);
				const [json, ...more] = nodeOutput(run, get.node);
				assert.equal(more.length, 0, `${get.node}: one item`);
				get.expect(json);
			}
		},
	},
	{
		workflowId: 'e2eFaultGets0002',
		dir: 'workflows',
		file: 'faults-get-with-timeout-continue.json: never an answer',
		nodeTypes: ['signTraker', 'voyadoEngage', 'waldur', 'spreedlySubscriptions'],
		setup: unanswered('always'),
		check(run, requests) {
			for (const get of GETS) {
				assert.deepEqual(outcomes(to(requests, get)), Array(TRIES).fill('noAnswer'), `${get.node}: ${TRIES} tries`);
				const [json, ...more] = nodeOutput(run, get.node);
				assert.equal(more.length, 0, `${get.node}: one error item`);
				assert.match(String(json.error), new RegExp(`did not answer within ${TIMEOUT_MS} ms`), `${get.node}: ${JSON.stringify(json)}`);
			}
		},
	},
	{
		workflowId: 'e2eFaultVoyado01',
		dir: 'workflows',
		file: 'faults-voyado-keyed-add.json: connection dropped before the write',
		nodeTypes: ['voyadoEngage'],
		setup: (sandbox) => sandbox.injectFault({ provider: 'voyado', method: 'POST', path: TRANSACTIONS, kind: 'dropBefore' }),
		check: keyedAddCheck(['dropBefore', 200]),
	},
	{
		workflowId: 'e2eFaultVoyado01',
		dir: 'workflows',
		file: 'faults-voyado-keyed-add.json: connection dropped after the write was applied',
		nodeTypes: ['voyadoEngage'],
		setup: (sandbox) => sandbox.injectFault({ provider: 'voyado', method: 'POST', path: TRANSACTIONS, kind: 'dropAfter' }),
		check(run, requests) {
			keyedAddCheck(['dropAfter', 200])(run, requests);
			const posts = requests.filter((request) => request.method === 'POST' && request.path === TRANSACTIONS);
			assert.deepEqual(
				posts.map((post) => post.replayed),
				[false, true],
				'Engage answers the repeat from its stored response',
			);
		},
	},
];
