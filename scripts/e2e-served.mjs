// `npm run e2e:served`: the package in a served n8n, driven as production drives it. Workflows are activated
// through n8n's REST API and started by their production webhooks; the executions n8n recorded are checked.
//   1. regular mode: one `n8n start` on SQLite;
//   2. queue mode: Redis + Postgres, one main and two `n8n worker`s; the same workflows must give the same results,
//      run by the workers; then a worker is killed in the middle of a batched Voyado Add.
// Usage: node scripts/e2e-served.mjs [--mode=regular|queue|both] [--runtime-dir=<cached n8n runtime folder>]
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../sandbox/server.mjs';
import { runKillTest } from './e2e/kill-test.mjs';
import { SCENARIOS } from './e2e/scenarios.mjs';
import { startServedDeployment, workersThatRan } from './e2e/served-instance.mjs';
import { FIRING_EXAMPLE_IDS, runTriggerScenarios } from './e2e/trigger-scenarios.mjs';
import { killTestWorkflow, servedScenarioWorkflows, servedVariant } from './e2e/served-workflows.mjs';
import { buildAndPack, PACKAGE_NAME } from './lib/n8n.mjs';
import { step } from './lib/run.mjs';
import { writeSandboxCredentials } from './lib/sandbox-credentials.mjs';
import { callWebhook } from './lib/served-n8n.mjs';
import { readExamples } from './lib/trigger-targets.mjs';
import { ensureN8nRuntime, runtimeFromDir } from './n8n-runtime.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const mode = flag('mode') ?? 'both';
const started = Date.now();
const seconds = (since = started) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const KILL_TEST_BATCH_SIZE = 2;
/** The example scenarios (the picker-shape workflows of `npm run e2e` add nothing a served n8n would change). */
const EXAMPLE_SCENARIOS = SCENARIOS.filter((scenario) => !scenario.dir);

/** Run data without what differs between any two runs: timestamps of "now" and automatic idempotency keys. */
function comparable(value) {
	if (Array.isArray(value)) return value.map(comparable);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, comparable(entry)]));
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && Math.abs(Date.parse(value) - Date.now()) < 86_400_000) {
		return '<now>';
	}
	if (typeof value === 'string' && /^n8n-[0-9a-f]{32}-\d+$/.test(value)) return '<automatic key>';
	return value;
}

/** Every node's output items by node name, but the webhook's (its request headers and URL name the port). */
function nodeOutputs(execution, workflow) {
	const webhooks = new Set(workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.webhook').map((node) => node.name));
	const outputs = Object.entries(execution.data.resultData.runData)
		.filter(([node]) => !webhooks.has(node))
		.map(([node, runs]) => [node, runs.map((run) => run.data?.main?.map((items) => items?.map((item) => item.json)))]);
	return comparable(Object.fromEntries(outputs));
}

async function runScenarios({ runtime, deployment, sandbox, workflows, expected }) {
	const results = {};
	for (const [index, scenario] of EXAMPLE_SCENARIOS.entries()) {
		const workflow = workflows[index];
		const since = Date.now();
		sandbox.reset();
		await deployment.client.activateWorkflow(workflow.id);
		const response = await callWebhook(deployment.url, workflow.webhookPath, { body: { from: 'e2e' } });
		assert.equal(response.status, 200, `${workflow.webhookPath}: the production webhook answered ${response.status}: ${response.body}`);
		const [execution] = await deployment.client.waitForFinishedExecutions(runtime, workflow.id);
		assert.equal(execution.status, 'success', `${scenario.file}: execution ${execution.id} ended ${execution.status}: ${execution.data.resultData.error?.message}`);
		assert.equal(execution.mode, 'webhook');
		scenario.check(execution, sandbox.requests());
		results[scenario.file] = nodeOutputs(execution, workflow);
		let where = '';
		if (deployment.workers.length) {
			const ranOn = workersThatRan(deployment.workers, execution.id);
			assert.equal(ranOn.length, 1, `execution ${execution.id} was started by ${ranOn.length} workers`);
			assert.doesNotMatch(deployment.main.output(), new RegExp(`Worker started execution ${execution.id} `));
			where = ` on ${ranOn[0].name}`;
		}
		if (expected) assert.deepEqual(results[scenario.file], expected[scenario.file], `${scenario.file}: queue mode's node outputs differ from regular mode's`);
		await deployment.client.deactivateWorkflow(workflow.id);
		console.log(`  ✔ ${scenario.file}: execution ${execution.id}${where}${expected ? ', same outputs as in regular mode' : ''} (${seconds(since)})`);
	}
	return results;
}

async function main() {
	const runtimeDir = flag('runtime-dir');
	const runtime = runtimeDir ? runtimeFromDir(runtimeDir) : await ensureN8nRuntime();
	const workDir = await mkdtemp(path.join(tmpdir(), `${PACKAGE_NAME}-served-`));
	const sandbox = await startSandbox({ port: 0 });
	const timings = [];
	let passed = 0;
	let succeeded = false;
	const timed = async (label, work) => {
		const since = Date.now();
		step(label);
		const result = await work();
		timings.push(`${label}: ${seconds(since)}`);
		return result;
	};
	try {
		const tarball = await timed(`Building and packing ${PACKAGE_NAME}`, () => buildAndPack(projectDir, workDir));
		const examplesDir = path.join(projectDir, 'examples');
		const workflows = await servedScenarioWorkflows(examplesDir, EXAMPLE_SCENARIOS);
		const examples = await readExamples(examplesDir);
		const firing = examples.filter((example) => FIRING_EXAMPLE_IDS.includes(example.id)).map(servedVariant);
		const workflowsDir = path.join(workDir, 'workflows');
		await mkdir(workflowsDir);
		for (const workflow of [...examples, ...workflows, ...firing, killTestWorkflow({ batchSize: KILL_TEST_BATCH_SIZE })]) {
			await writeFile(path.join(workflowsDir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
		}
		const credentialsFile = await writeSandboxCredentials(path.join(workDir, 'credentials.json'), sandbox.baseUrls);
		const common = { runtime, tarball, credentialsFile, workflowsDir };

		let regularResults;
		if (mode !== 'queue') {
			const deployment = await timed('Regular mode: starting n8n', () => startServedDeployment({ ...common, workDir: path.join(workDir, 'regular'), queue: false }));
			try {
				regularResults = await timed('Regular mode: the examples through production webhooks', () => runScenarios({ runtime, deployment, sandbox, workflows }));
				passed += EXAMPLE_SCENARIOS.length;
				passed += await timed('Regular mode: the trigger examples, fired by the sandbox', () =>
					runTriggerScenarios({ runtime, deployment, sandbox, examples, served: [...workflows, ...firing] }),
				);
			} finally {
				await deployment.stop();
			}
		}
		if (mode !== 'regular') {
			const deployment = await timed('Queue mode: starting Redis, Postgres, n8n main and two workers', () =>
				startServedDeployment({ ...common, workDir: path.join(workDir, 'queue'), queue: true }),
			);
			try {
				await timed('Queue mode: the examples through production webhooks, run by the workers', () =>
					runScenarios({ runtime, deployment, sandbox, workflows, expected: regularResults }),
				);
				passed += EXAMPLE_SCENARIOS.length;
				passed += await timed('Queue mode: the trigger examples (webhooks on the main, executions on the workers)', () =>
					runTriggerScenarios({ runtime, deployment, sandbox, examples, served: [...workflows, ...firing] }),
				);
				await timed('Queue mode: a worker killed in the middle of a batched Voyado Add', () =>
					runKillTest({ runtime, deployment, sandbox, batchSize: KILL_TEST_BATCH_SIZE }),
				);
				passed += 1;
			} finally {
				await deployment.stop();
			}
		}
		console.log(`\nTimes:\n  ${timings.join('\n  ')}\nFinished in ${seconds()}`);
		console.log(`served-e2e: ${passed} passed, 0 failed`);
		succeeded = true;
	} finally {
		await sandbox.close();
		if (succeeded) await rm(workDir, { recursive: true, force: true });
		else console.error(`\nLogs and data are kept for inspection: ${workDir}`);
	}
}

main().catch((error) => {
	console.error(`\n✖ served e2e failed after ${seconds()}:\n${error.stack}`);
	console.log('served-e2e: 0 passed, 1 failed');
	process.exit(1);
});
