// The trigger examples in a served n8n: each is activated through the REST API, the sandbox plays the provider
// (Svix-signed Voyado events, Waldur hooks-web events, Spreedly's notification) when another example changes its
// data, and the executions n8n recorded are checked. A forged Voyado delivery must start nothing; deliveries under
// Svix's own and its white-labelled header names start one execution each. Hooks left at Waldur for the Waldur
// trigger's URL (another token, none) must be gone after activation, leaving the trigger's one hook.
import assert from 'node:assert/strict';
import { SANDBOX_KEYS } from '../../sandbox/keys.mjs';
import { svixHeaders } from '../../sandbox/lib/svix.mjs';
import { callWebhook } from '../lib/served-n8n.mjs';
import { waitFor } from '../lib/processes.mjs';
import { triggerWebhookPath, triggerWebhookTargets } from '../lib/trigger-targets.mjs';
import { workersThatRan } from './served-instance.mjs';

const SANDBOX_CONTACT = '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b';
const SPREEDLY_CUSTOMER = '1001';
/** Examples that only fire a trigger (they get a webhook variant too). */
export const FIRING_EXAMPLE_IDS = ['exSpreedlyCredit'];

const awardPolls = (sandbox) => sandbox.requests().filter((request) => request.provider === 'signtraker' && request.method === 'GET' && request.path === '/api/credits/awards');

/**
 * `fire` makes the provider's data change; `check` gets the trigger execution's outputs by node name.
 * @type {Array<{file: string, workflowId: string, nodeType: string, ready?: Function, fire: Function, check: Function, timeoutMs?: number}>}
 */
export const TRIGGER_SCENARIOS = [
	{
		file: '09-signtraker-trigger-new-award.json',
		workflowId: 'exSignTrakerTrg1',
		nodeType: 'signTrakerTrigger',
		/** n8n polls once at activation (the trigger only stores the highest award Id then) and every minute after. */
		ready: ({ sandbox }) => waitFor(() => awardPolls(sandbox).length > 0, { timeoutMs: 60_000, describe: 'the SignTraker trigger did not poll on activation' }),
		/** Example 1 awards Jane 50 credits; the next poll (at most a minute later) finds it. */
		fire: ({ fireExample }) => fireExample('exSignTrakerAwd1'),
		timeoutMs: 100_000,
		check(output, { sandbox }) {
			assert.deepEqual(output.Award, [{ awardId: 2, name: 'Spring promotion', agent: 'Jane Doe', amount: 50 }]);
			assert.ok(awardPolls(sandbox).some((request) => request.query.$filter === 'Id gt 1'), 'a later poll asked for awards after the stored highest Id');
		},
	},
	{
		file: '06-voyado-trigger-balance-updated.json',
		workflowId: 'exVoyadoTrigger1',
		nodeType: 'voyadoEngageTrigger',
		/** Example 2 adds 39 + 12 + 22 points; Engage announces the new balance. */
		fire: ({ fireExample }) => fireExample('exVoyadoPoints01'),
		check(output) {
			assert.deepEqual(output['New balance'], [{ contactId: SANDBOX_CONTACT, definitionId: 1, balance: 250 + 39 + 12 + 22 }]);
			const [event] = output['Balance updated in Engage'];
			assert.equal(event.eventType, 'point.balance.updated');
		},
	},
	{
		file: '07-waldur-trigger-credit-updated.json',
		workflowId: 'exWaldurTrigger1',
		nodeType: 'waldurTrigger',
		/** Example 4 raises the project credit from 500.00 to 750.00. */
		fire: ({ fireExample }) => fireExample('exWaldurTopUp001'),
		check(output) {
			const [change, ...more] = output['What changed'];
			assert.equal(more.length, 0, 'one event');
			assert.equal(change.event, 'update_of_project_credit_by_staff');
			assert.equal(change.value, '750.00');
		},
	},
	{
		file: '08-spreedly-trigger-subscriber-changed.json',
		workflowId: 'exSpreedlyTrigg1',
		nodeType: 'spreedlySubscriptionsTrigger',
		/** Example 10 gives alice 5 store credit; Spreedly notifies the change. */
		fire: ({ fireExample }) => fireExample('exSpreedlyCredit'),
		check(output) {
			const [subscriber, ...more] = output['Subscriber now'];
			assert.equal(more.length, 0, 'one changed subscriber');
			assert.equal(subscriber.customerId, SPREEDLY_CUSTOMER);
			assert.equal(subscriber.storeCredit, 5, 'fetched after the change');
		},
	},
];

const outputsByNode = (execution) =>
	Object.fromEntries(Object.entries(execution.data.resultData.runData).map(([node, runs]) => [node, (runs.at(-1).data?.main?.[0] ?? []).map((item) => item.json)]));

/** A delivery signed with another secret: the Voyado trigger must refuse it and start no execution. */
async function sendForgedVoyadoEvent(deployment, workflow) {
	const body = JSON.stringify({ eventType: 'point.balance.updated', id: 'forged', isEncrypted: false, payload: { balance: 1e6, contactId: SANDBOX_CONTACT } });
	const forgedSecret = `whsec_${Buffer.from('not-the-endpoint-secret').toString('base64')}`;
	const response = await callWebhook(deployment.url, triggerWebhookPath(workflow, 'voyadoEngageTrigger'), { body, headers: svixHeaders(forgedSecret, body) });
	assert.ok([400, 401, 403].includes(response.status), `a forged Voyado delivery was answered ${response.status}: ${response.body}`);
}

/** A signed point.balance.updated under Svix's own header names or the white-labelled ones: one execution each. */
async function sendVoyadoEventsUnderBothHeaderSets(runtime, deployment, workflow) {
	const { client } = deployment;
	const earlier = (await client.listExecutions(workflow.id)).length;
	const sent = [];
	for (const names of ['svix', 'webhook']) {
		const event = { eventType: 'point.balance.updated', id: `evt-${names}`, isEncrypted: false, payload: { balance: 7, contactId: SANDBOX_CONTACT, accountId: 1001, definitionId: '1', balanceExpires: null }, tenant: 'sandbox' };
		const body = JSON.stringify(event);
		const response = await callWebhook(deployment.url, triggerWebhookPath(workflow, 'voyadoEngageTrigger'), { body, headers: svixHeaders(SANDBOX_KEYS.voyadoWebhookSecret, body, { names }) });
		assert.equal(response.status, 200, `a delivery with ${names}-* headers was answered ${response.status}: ${response.body}`);
		sent.push(event);
	}
	const executions = (await client.waitForFinishedExecutions(runtime, workflow.id, { count: earlier + sent.length })).slice(earlier);
	assert.deepEqual(executions.map((execution) => outputsByNode(execution)['Balance updated in Engage']), sent.map((event) => [event]));
	console.log(`  ✔ Voyado deliveries under svix-* and webhook-* header names: executions ${executions.map((execution) => execution.id).join(', ')}`);
}

/** The Waldur trigger's production URL, as n8n serves it. */
const waldurTriggerUrl = (deployment, workflow) => `${deployment.url}/webhook/${triggerWebhookPath(workflow, 'waldurTrigger')}`;

/** Waldur's hooks-web as the credential's user sees it (the sandbox serves one page of up to 100). */
async function waldurHooks(sandbox) {
	const response = await fetch(`${sandbox.url}/waldur/api/hooks-web/?page_size=100`, { headers: { authorization: `Token ${SANDBOX_KEYS.waldurToken}` } });
	assert.equal(response.status, 200, `listing Waldur's hooks answered ${response.status}`);
	return await response.json();
}

/** Hooks for the trigger's URL that it cannot know (a crash between registering and saving, a restored database). */
async function leaveStaleWaldurHooks(sandbox, url) {
	for (const destination of [`${url}?token=left-behind`, url]) {
		const response = await fetch(`${sandbox.url}/waldur/api/hooks-web/`, {
			method: 'POST',
			headers: { authorization: `Token ${SANDBOX_KEYS.waldurToken}`, 'content-type': 'application/json' },
			body: JSON.stringify({ destination_url: destination, event_types: ['update_of_project_credit_by_staff'], content_type: 'json', is_active: true }),
		});
		assert.equal(response.status, 201, `leaving a stale Waldur hook answered ${response.status}`);
	}
}

/**
 * @param {{runtime: object, deployment: object, sandbox: object, examples: object[], served: object[]}} options
 *   `examples`: every example workflow; `served`: the webhook variants of the scenario examples (they fire the triggers)
 * @returns {Promise<number>} the scenarios that ran
 */
export async function runTriggerScenarios({ runtime, deployment, sandbox, examples, served }) {
	const { client } = deployment;
	const workflowOf = (id) => examples.find((workflow) => workflow.id === id);
	sandbox.reset();
	sandbox.setWebhookTargets(triggerWebhookTargets(deployment.url, examples));
	const fireExample = async (exampleId) => {
		const workflow = served.find((candidate) => candidate.id === `wh${exampleId.slice(2)}`);
		const earlier = (await client.listExecutions(workflow.id)).length;
		await client.activateWorkflow(workflow.id);
		const response = await callWebhook(deployment.url, workflow.webhookPath, { body: { from: 'e2e' } });
		assert.equal(response.status, 200, `${workflow.webhookPath} answered ${response.status}`);
		const execution = (await client.waitForFinishedExecutions(runtime, workflow.id, { count: earlier + 1 })).at(-1);
		assert.equal(execution.status, 'success', `${workflow.name}: execution ${execution.id} ended ${execution.status}`);
		await client.deactivateWorkflow(workflow.id);
	};
	const waldurUrl = waldurTriggerUrl(deployment, workflowOf('exWaldurTrigger1'));
	const forWaldurTrigger = (hooks) => hooks.filter((hook) => hook.destination_url.split('?')[0] === waldurUrl);
	await leaveStaleWaldurHooks(sandbox, waldurUrl);
	const stale = forWaldurTrigger(await waldurHooks(sandbox));
	const beforeActivation = sandbox.requests().length;
	try {
		for (const scenario of TRIGGER_SCENARIOS) await client.activateWorkflow(scenario.workflowId);
		const registered = sandbox.requests().slice(beforeActivation).filter((request) => request.provider === 'waldur' && request.method === 'POST' && request.path === '/api/hooks-web/');
		assert.equal(registered.length, 1, 'activating the Waldur trigger registered one hook at Waldur');
		assert.ok(registered[0].body.destination_url.startsWith(`${waldurUrl}?token=`), `the hook points at this n8n: ${registered[0].body.destination_url}`);
		const remaining = forWaldurTrigger(await waldurHooks(sandbox));
		assert.equal(remaining.length, 1, `one hook for the Waldur trigger's URL after activation, not ${remaining.length}`);
		assert.equal(remaining[0].destination_url, registered[0].body.destination_url);
		assert.ok(stale.every((hook) => !remaining.some((left) => left.uuid === hook.uuid)), 'the stale hooks were deleted');
		console.log(`  ✔ Waldur: ${stale.length} hooks left behind for the trigger's URL were deleted on activation; one remains`);

		await sendForgedVoyadoEvent(deployment, workflowOf('exVoyadoTrigger1'));

		for (const scenario of TRIGGER_SCENARIOS) await scenario.ready?.({ sandbox });
		const since = Date.now();
		// All fired first, then checked: the poller's wait for its next minute overlaps the others.
		for (const scenario of TRIGGER_SCENARIOS) await scenario.fire({ fireExample, sandbox });
		await sandbox.deliveriesSettled();
		for (const scenario of TRIGGER_SCENARIOS) {
			const [execution] = await client.waitForFinishedExecutions(runtime, scenario.workflowId, { count: 1, timeoutMs: scenario.timeoutMs });
			assert.equal(execution.status, 'success', `${scenario.file}: execution ${execution.id} ended ${execution.status}`);
			assert.equal(execution.mode, scenario.ready ? 'trigger' : 'webhook');
			scenario.check(outputsByNode(execution), { sandbox });
			const where = deployment.workers.length ? ` on ${workersThatRan(deployment.workers, execution.id).map((worker) => worker.name).join(', ')}` : '';
			if (deployment.workers.length) assert.equal(workersThatRan(deployment.workers, execution.id).length, 1, `execution ${execution.id} ran on a worker`);
			console.log(`  ✔ ${scenario.file}: execution ${execution.id}${where} (${((Date.now() - since) / 1000).toFixed(1)} s after the changes)`);
		}
		const deliveries = sandbox.deliveries();
		assert.deepEqual(deliveries.filter((delivery) => delivery.status !== 200), [], 'n8n accepted every delivery');
		const toWaldurTrigger = deliveries.filter((delivery) => delivery.provider === 'waldur' && delivery.url.startsWith(waldurUrl));
		assert.equal(toWaldurTrigger.length, 1, `Waldur posted the event to the trigger's URL once, not ${toWaldurTrigger.length} times`);
		console.log(`  ✔ the forged Voyado delivery was refused and started no execution; ${deliveries.length} provider deliveries accepted`);
		await sendVoyadoEventsUnderBothHeaderSets(runtime, deployment, workflowOf('exVoyadoTrigger1'));
	} finally {
		for (const scenario of TRIGGER_SCENARIOS) await client.deactivateWorkflow(scenario.workflowId).catch(() => {});
	}
	// n8n 2.x applies a deactivation in the background too.
	await waitFor(
		() => sandbox.requests().some((request) => request.provider === 'waldur' && request.method === 'DELETE' && request.path.startsWith('/api/hooks-web/')),
		{ timeoutMs: 30_000, describe: 'deactivating the Waldur trigger did not remove its hook at Waldur within 30 s' },
	);
	return TRIGGER_SCENARIOS.length;
}
