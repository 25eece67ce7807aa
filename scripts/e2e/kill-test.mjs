// Queue mode: the worker running a batched Voyado Add is killed (SIGKILL, its own PID) between two batches.
// Whatever n8n does next (run the job again on the other worker, or give it up), Engage (the sandbox) must end up
// with every row exactly once: the batches carry Idempotency-Keys derived from the import, not from the run.
import assert from 'node:assert/strict';
import { SANDBOX_KEYS } from '../../sandbox/keys.mjs';
import { waitFor } from '../lib/processes.mjs';
import { callWebhook } from '../lib/served-n8n.mjs';
import { workersThatRan } from './served-instance.mjs';
import { KILL_WEBHOOK_PATH, KILL_WORKFLOW_ID, killTestRows } from './served-workflows.mjs';

const ROWS = 10;
const SLOW_POST_MS = 1500;
const TRANSACTIONS = '/api/v2/point-accounts/transactions';
const FINISHED = ['success', 'error', 'crashed', 'canceled'];

const batchPosts = (sandbox) => sandbox.requests().filter((request) => request.method === 'POST' && request.path === TRANSACTIONS);

/** How often Engage booked each kill-test row, read through its API. */
async function bookedRows(sandbox) {
	const [row] = killTestRows(1);
	const query = new URLSearchParams({ contactId: row.contactId, definitionId: '1', count: '1000' });
	const response = await fetch(`${sandbox.baseUrls.voyado}${TRANSACTIONS}?${query}`, {
		headers: { apikey: SANDBOX_KEYS.voyadoApiKey, 'content-type': 'application/json' },
	});
	const { items } = await response.json();
	const counts = new Map();
	for (const { description } of items.filter((item) => item.description.startsWith('kill-test row'))) {
		counts.set(description, (counts.get(description) ?? 0) + 1);
	}
	return counts;
}

function assertEachRowOnce(counts, expectedRows) {
	const twice = [...counts].filter(([, count]) => count > 1);
	assert.deepEqual(twice, [], 'rows Engage booked more than once');
	assert.equal(counts.size, expectedRows, `Engage has ${counts.size} of the ${expectedRows} rows`);
}

async function execution(client, executionId) {
	return (await client.listExecutions(KILL_WORKFLOW_ID)).find((candidate) => candidate.id === executionId);
}

/** The execution's error, for messages. */
async function errorOf(client, runtime, executionId) {
	const { data } = await client.getExecution(executionId, runtime);
	const error = data?.resultData?.error;
	return error ? `${error.message}${error.description ? ` (${error.description})` : ''}` : 'no error recorded';
}

async function finishedRetryOf(client, executionId) {
	return await waitFor(
		async () => (await client.listExecutions(KILL_WORKFLOW_ID)).find((candidate) => candidate.retryOf === executionId && FINISHED.includes(candidate.status)),
		{ timeoutMs: 60_000, describe: `the retry of execution ${executionId} did not finish within 60 s` },
	);
}

/**
 * What a user does after a crash: first n8n's Retry (from the Executions list); if n8n cannot retry the crashed
 * execution, send the same import again. Either way the batches carry the same keys, so Engage books nothing twice.
 */
async function runAgainWithTheSameKeys({ runtime, deployment, executionId }) {
	const { client, workers } = deployment;
	const ranOn = (id) => workersThatRan(workers, id).map((worker) => worker.name).join(', ');
	await client.request('POST', `/executions/${executionId}/retry`, { loadWorkflow: false });
	const retry = await finishedRetryOf(client, executionId);
	if (retry.status === 'success') {
		console.log(`  n8n's Retry ran it as execution ${retry.id} on ${ranOn(retry.id)}`);
		return retry.id;
	}
	console.log(`  n8n's Retry of the crashed execution failed (execution ${retry.id}: ${await errorOf(client, runtime, retry.id)})`);
	const before = new Set((await client.listExecutions(KILL_WORKFLOW_ID)).map((candidate) => candidate.id));
	const response = await callWebhook(deployment.url, KILL_WEBHOOK_PATH, { body: { importId: 'kill-test-1', rows: killTestRows(ROWS) } });
	assert.equal(response.status, 200, `the import webhook answered ${response.status}: ${response.body}`);
	const again = await waitFor(
		async () => (await client.listExecutions(KILL_WORKFLOW_ID)).find((candidate) => !before.has(candidate.id) && FINISHED.includes(candidate.status)),
		{ timeoutMs: 60_000, describe: 'the import sent again did not finish within 60 s' },
	);
	console.log(`  the same import sent again ran as execution ${again.id} on ${ranOn(again.id)}`);
	return again.id;
}

export async function runKillTest({ runtime, deployment, sandbox, batchSize }) {
	const { client, workers } = deployment;
	const batches = Math.ceil(ROWS / batchSize);
	sandbox.reset();
	sandbox.setLatency('voyado', 'POST', SLOW_POST_MS);
	try {
		await client.activateWorkflow(KILL_WORKFLOW_ID);
		const response = await callWebhook(deployment.url, KILL_WEBHOOK_PATH, { body: { importId: 'kill-test-1', rows: killTestRows(ROWS) } });
		assert.equal(response.status, 200, `the import webhook answered ${response.status}: ${response.body}`);

		const { id: executionId } = await waitFor(async () => (await client.listExecutions(KILL_WORKFLOW_ID))[0], {
			timeoutMs: 30_000,
			describe: 'the import webhook started no execution',
		});
		const victim = await waitFor(() => workersThatRan(workers, executionId)[0], { timeoutMs: 30_000, describe: `no worker started execution ${executionId}` });
		const survivor = workers.find((worker) => worker !== victim);
		await waitFor(() => batchPosts(sandbox).length >= 2, { timeoutMs: 30_000, intervalMs: 100, describe: 'the first two batches never reached Engage' });
		await victim.crash();
		const sentBeforeKill = batchPosts(sandbox).length;
		console.log(`  killed ${victim.name} (PID ${victim.pid}, SIGKILL) running execution ${executionId} after ${sentBeforeKill} of ${batches} batches`);

		const outcome = await waitFor(
			async () => {
				if (workersThatRan([survivor], executionId).length) return 'rerun';
				const { status } = await execution(client, executionId);
				return FINISHED.includes(status) ? status : undefined;
			},
			{ timeoutMs: 60_000, describe: `execution ${executionId} was neither run again nor given up within 60 s of the kill` },
		);

		let finalExecutionId = executionId;
		if (outcome === 'rerun') {
			console.log(`  n8n ran execution ${executionId} again on ${survivor.name}`);
		} else {
			const booked = await bookedRows(sandbox);
			assertEachRowOnce(booked, booked.size);
			console.log(`  n8n did not run it again: execution ${executionId} is "${outcome}"; Engage has ${booked.size} of ${ROWS} rows, none twice`);
			assert.ok(booked.size < ROWS, 'the kill came too late to interrupt the import');
			finalExecutionId = await runAgainWithTheSameKeys({ runtime, deployment, executionId });
		}

		const final = await waitFor(
			async () => {
				const current = await execution(client, finalExecutionId);
				return FINISHED.includes(current?.status) ? current : undefined;
			},
			{ timeoutMs: 60_000, describe: `execution ${finalExecutionId} did not finish` },
		);
		assert.equal(final.status, 'success', `execution ${finalExecutionId} ended "${final.status}": ${await errorOf(client, runtime, finalExecutionId)}`);
		const details = await client.getExecution(finalExecutionId, runtime);
		const items = details.data.resultData.runData['Add points'].at(-1).data.main[0].map((item) => item.json);
		assert.equal(items.length, ROWS, 'one output item per row');
		assert.ok(items.every((item) => item.accepted === true), 'every row accepted');
		assertEachRowOnce(await bookedRows(sandbox), ROWS);
		const replayed = batchPosts(sandbox).filter((request) => request.replayed).length;
		assert.ok(replayed >= 2, `batches booked before the kill are answered from Engage's idempotency store (${replayed} replays)`);
		console.log(`  ✔ Engage booked each of the ${ROWS} rows exactly once; ${replayed} batch(es) answered as replays of their Idempotency-Key`);
	} finally {
		sandbox.setLatency('voyado', 'POST', 0);
		await client.deactivateWorkflow(KILL_WORKFLOW_ID).catch(() => {});
	}
}
