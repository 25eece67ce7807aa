// `npm run e2e`: packs the package, and on each n8n line (1.x and 2.x) installs it into a fresh user folder of
// the cached n8n, checks that n8n loaded every node, tool variant and credential, then runs the examples and
// the fault cases (scripts/e2e/workflows) against the sandbox and checks each node's output and the requests
// the sandbox received; on n8n 2.x also the examples in any order, twice (scripts/e2e/any-order.mjs).
// Usage: node scripts/e2e.mjs [--n8n 1|2|1.85|all] [--allow-missing] [--only <text>]
//   --n8n: which n8n line (default all: 2 and 1, as CI runs them; 1.85, the oldest supported, by hand); --allow-missing: skip scenarios whose nodes are not built yet;
//   --only: run only the scenarios whose workflow file name contains <text> (e.g. --only ai-agent)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../sandbox/server.mjs';
import { checkLoadedTypes } from './e2e/check-loaded.mjs';
import { checkStreamedReplies } from './e2e/ai-agent-scenarios.mjs';
import { runExamplesInAnyOrder } from './e2e/any-order.mjs';
import { SCENARIOS } from './e2e/scenarios.mjs';
import { buildAndPack, freePort, importCredentialsAndWorkflows, n8nCli, n8nEnv, PACKAGE_NAME } from './lib/n8n.mjs';
import { installAsReadmeSays } from './lib/readme-install.mjs';
import { writeSandboxCredentials } from './lib/sandbox-credentials.mjs';
import { readExamples } from './lib/trigger-targets.mjs';
import { step } from './lib/run.mjs';
import { CI_LINES, DEFAULT_LINE, ensureN8nRuntime, linesFromArgs } from './n8n-runtime.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const e2eWorkflowsDir = path.join(projectDir, 'scripts', 'e2e', 'workflows');
const allowMissing = process.argv.includes('--allow-missing');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** `n8n execute --rawOutput` prints the run as indented JSON, from a line `{` to a line `}`, among n8n's log lines. */
function parseRun(output) {
	const json = /^\{$[\s\S]*?^\}$/m.exec(output);
	if (!json) throw new Error(`n8n printed no execution data. Its output:\n${output.trim()}`);
	return JSON.parse(json[0]);
}

function receivedRequests(sandbox) {
	const lines = sandbox.requests().map(
		(request) => `  ${request.method} ${request.path} ${JSON.stringify(request.query)} → ${request.fault ?? request.status}`,
	);
	return `Requests the sandbox received:\n${lines.join('\n')}`;
}

/** A failed run makes `n8n execute` exit non-zero; it still prints the run, whose error is the useful part. */
function runOfFailedExecute(error) {
	try {
		return parseRun(error.stdout ?? '');
	} catch {
		return undefined;
	}
}

/**
 * n8n 1.123 and 2.41 now and then die with SIGSEGV while shutting down, after `n8n execute` printed the whole run
 * (seen on loaded machines, in workflows of every kind, also ones whose nodes are all n8n's own). The run it printed
 * is complete, so the scenario still checks it; the crash is reported, not hidden.
 */
function runPrintedBeforeCrash(error, workflowId) {
	if (error.signal !== 'SIGSEGV') return undefined;
	const run = runOfFailedExecute(error);
	if (!run?.data?.resultData?.runData) return undefined;
	console.log(`  ⚠ n8n crashed (SIGSEGV) while exiting after it printed the complete run of ${workflowId}; checking that run`);
	return run;
}

/** Runs one imported workflow with `n8n execute`; a run that failed is returned too (with `data.resultData.error`). */
async function execute(runtime, env, workflowId) {
	try {
		return parseRun((await n8nCli(runtime, ['execute', `--id=${workflowId}`, '--rawOutput'], { env })).stdout);
	} catch (error) {
		const crashed = runPrintedBeforeCrash(error, workflowId);
		if (crashed) return crashed;
		const run = runOfFailedExecute(error);
		if (!run?.data?.resultData?.error) throw new Error(`n8n could not run ${workflowId}:\n${error.message}`);
		return run;
	}
}

async function runScenario(runtime, env, sandbox, scenario) {
	sandbox.reset();
	scenario.setup?.(sandbox);
	const run = await execute(runtime, env, scenario.workflowId);
	const runError = run.data?.resultData?.error;
	if (runError) {
		const where = runError.node?.name ? ` (node "${runError.node.name}")` : '';
		throw new Error(`${scenario.file} failed in n8n${where}: ${runError.message}\n${runError.description ?? ''}\n${receivedRequests(sandbox)}`);
	}
	try {
		scenario.check(run, sandbox.requests());
	} catch (error) {
		throw new Error(`${scenario.file}: ${error.message}\n${receivedRequests(sandbox)}`);
	}
}

/**
 * Installs the tarball into a fresh user folder of one n8n line and runs every scenario there; with `anyOrder`, then
 * the examples in any order (e2e/any-order.mjs).
 */
async function runLine(line, tarball, sandbox, { anyOrder }) {
	const runtime = await ensureN8nRuntime(line);
	const label = `n8n ${runtime.n8nVersion}`;
	const workDir = await mkdtemp(path.join(tmpdir(), `${PACKAGE_NAME}-e2e-${line}-`));
	const userFolder = path.join(workDir, 'n8n');
	step(`${label}: installing ${path.basename(tarball)} into a fresh n8n user folder with the README's commands`);
	const commands = await installAsReadmeSays(path.join(projectDir, 'README.md'), userFolder, tarball);
	console.log(commands.map((line) => `  $ ${line}`).join('\n'));
	// At level info: `n8n execute --rawOutput` prints the run through n8n's logger.
	// No N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: n8n offers community nodes to AI agents without it since 1.85 (the README says so).
	const env = n8nEnv({ userFolder, brokerPort: await freePort(), extra: { N8N_LOG_LEVEL: 'info', ...runtime.env } });

	step(`${label}: checking what n8n loaded`);
	const loaded = await checkLoadedTypes(runtime, env, userFolder);
	console.log(`  n8n loaded: ${[...loaded.loadedNodeTypes].sort().join(', ') || 'no node of this package'}`);
	console.log(`  n8n-workflow exports the package uses, all present here: ${loaded.workflowExports.join(', ')}`);
	if (loaded.problems.length) throw new Error(`${label}: loaded types are inconsistent:\n  ${loaded.problems.join('\n  ')}`);
	if (loaded.missing.length) {
		const message = `${label} did not load: ${loaded.missing.join(', ')}`;
		if (!allowMissing) throw new Error(`${message}\nn8n's output:\n${loaded.n8nOutput.trim()}`);
		console.log(`  ⚠ ${message}`);
	}

	step(`${label}: importing the sandbox credentials, the examples and the e2e workflows (sandbox on ${sandbox.url})`);
	const credentialsFile = await writeSandboxCredentials(path.join(workDir, 'credentials.json'), sandbox.baseUrls);
	await importCredentialsAndWorkflows(runtime, env, credentialsFile, path.join(projectDir, 'examples'));
	await importCredentialsAndWorkflows(runtime, env, null, e2eWorkflowsDir);

	const result = { label, passed: 0, failed: [], skipped: [] };
	if (!only || only.includes('ai-agent')) {
		step(`${label}: the sandbox model's streamed replies, read by this n8n's OpenAI client`);
		sandbox.reset();
		try {
			await checkStreamedReplies(runtime, sandbox);
			result.passed++;
			console.log('  ✔ streamed tool call and text');
		} catch (error) {
			result.failed.push('streamed model replies');
			console.log(`  ✖ ${error.message}`);
		}
	}
	for (const scenario of SCENARIOS.filter((entry) => !only || entry.file.includes(only))) {
		const absent = scenario.nodeTypes.filter((type) => !loaded.loadedNodeTypes.has(`${PACKAGE_NAME}.${type}`));
		if (absent.length) {
			result.skipped.push(`${scenario.file} (missing node ${absent.join(', ')})`);
			continue;
		}
		step(`${label}: running ${scenario.file}`);
		try {
			await runScenario(runtime, env, sandbox, scenario);
			result.passed++;
			console.log(`  ✔ ${scenario.file} (${seconds()})`);
		} catch (error) {
			result.failed.push(scenario.file);
			console.log(`  ✖ ${error.message}`);
		}
	}
	if (anyOrder && !only) {
		step(`${label}: the examples in any order, twice, without a sandbox reset between them`);
		const examples = await readExamples(path.join(projectDir, 'examples'));
		const failures = await runExamplesInAnyOrder({
			examples,
			sandbox,
			execute: (workflowId) => execute(runtime, env, workflowId),
			log: (line) => console.log(`  ${line}`),
		});
		if (failures.length) result.failed.push(`examples in any order: ${failures.join('; ')}`);
		else result.passed++;
	}
	if (result.failed.length) console.error(`\nThe ${label} user folder is kept for inspection: ${userFolder}`);
	else await rm(workDir, { recursive: true, force: true });
	return result;
}

async function main() {
	const lines = linesFromArgs(process.argv.slice(2), CI_LINES);
	const packDir = await mkdtemp(path.join(tmpdir(), `${PACKAGE_NAME}-pack-`));
	const sandbox = await startSandbox({ port: 0 });
	const results = [];
	try {
		step(`Building and packing ${PACKAGE_NAME}`);
		const tarball = await buildAndPack(projectDir, packDir);
		// The examples in any order on n8n 2.x only, the line npm start serves: it takes ten more n8n runs.
		for (const line of lines) results.push(await runLine(line, tarball, sandbox, { anyOrder: line === DEFAULT_LINE }));
	} finally {
		await sandbox.close();
		await rm(packDir, { recursive: true, force: true });
	}
	console.log(`\nFinished in ${seconds()}`);
	for (const { label, passed, failed, skipped } of results) {
		if (skipped.length) console.log(`⚠ ${label}, not run, nodes missing:\n  ${skipped.join('\n  ')}`);
		if (failed.length) console.log(`✖ ${label}, failed:\n  ${failed.join('\n  ')}`);
		console.log(`e2e ${label}: ${passed} passed, ${failed.length} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`);
	}
	if (results.some((result) => result.failed.length)) process.exitCode = 1;
}

main().catch((error) => {
	console.error(`\n✖ e2e failed after ${seconds()}:\n${error.message}`);
	process.exit(1);
});
