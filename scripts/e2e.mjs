// `npm run e2e`: packs the package, installs it into a fresh user folder of the cached n8n, checks that n8n
// loaded every node, tool variant and credential, then runs the examples against the sandbox and checks
// each node's output and the requests the sandbox received.
// Usage: node scripts/e2e.mjs [--allow-missing]   (--allow-missing: skip examples whose nodes are not built yet)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../sandbox/server.mjs';
import { checkLoadedTypes } from './e2e/check-loaded.mjs';
import { SCENARIOS } from './e2e/scenarios.mjs';
import { buildAndPack, freePort, importCredentialsAndWorkflows, installCommunityPackage, n8nCli, n8nEnv, PACKAGE_NAME } from './lib/n8n.mjs';
import { writeSandboxCredentials } from './lib/sandbox-credentials.mjs';
import { step } from './lib/run.mjs';
import { ensureN8nRuntime } from './n8n-runtime.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const allowMissing = process.argv.includes('--allow-missing');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** `n8n execute --rawOutput` prints the run as indented JSON, from a line `{` to a line `}`, among n8n's log lines. */
function parseRun(output) {
	const json = /^\{$[\s\S]*?^\}$/m.exec(output);
	if (!json) throw new Error(`n8n printed no execution data. Its output:\n${output.trim()}`);
	return JSON.parse(json[0]);
}

async function runScenario(runtime, env, sandbox, scenario) {
	sandbox.reset();
	let result;
	try {
		result = await n8nCli(runtime, ['execute', `--id=${scenario.workflowId}`, '--rawOutput'], { env });
	} catch (error) {
		throw new Error(`n8n could not run ${scenario.file}:\n${error.message}`);
	}
	const run = parseRun(result.stdout);
	const runError = run.data?.resultData?.error;
	if (runError) throw new Error(`${scenario.file} failed in n8n: ${runError.message}\n${runError.description ?? ''}`);
	try {
		scenario.check(run, sandbox.requests());
	} catch (error) {
		const requests = sandbox.requests().map((request) => `  ${request.method} ${request.path} ${JSON.stringify(request.query)} → ${request.status}`);
		throw new Error(`${scenario.file}: ${error.message}\nRequests the sandbox received:\n${requests.join('\n')}`);
	}
}

async function main() {
	const runtime = await ensureN8nRuntime();
	const workDir = await mkdtemp(path.join(tmpdir(), `${PACKAGE_NAME}-e2e-`));
	const userFolder = path.join(workDir, 'n8n');
	const sandbox = await startSandbox({ port: 0 });
	let succeeded = false;
	try {
		step(`Building and packing ${PACKAGE_NAME}`);
		const tarball = await buildAndPack(projectDir, workDir);
		step(`Installing ${path.basename(tarball)} into a fresh n8n user folder (${userFolder})`);
		await installCommunityPackage(userFolder, tarball);
		// At level info: `n8n execute --rawOutput` prints the run through n8n's logger.
		const env = n8nEnv({ userFolder, brokerPort: await freePort(), extra: { N8N_LOG_LEVEL: 'info' } });

		step('Checking what n8n loaded');
		const loaded = await checkLoadedTypes(runtime, env, userFolder);
		console.log(`  n8n loaded: ${[...loaded.loadedNodeTypes].sort().join(', ') || 'no node of this package'}`);
		if (loaded.problems.length) throw new Error(`Loaded types are inconsistent:\n  ${loaded.problems.join('\n  ')}`);
		if (loaded.missing.length) {
			const message = `n8n did not load: ${loaded.missing.join(', ')}`;
			if (!allowMissing) throw new Error(`${message}\nn8n's output:\n${loaded.n8nOutput.trim()}`);
			console.log(`  ⚠ ${message}`);
		}

		step(`Importing the sandbox credentials and the examples (sandbox on ${sandbox.url})`);
		const credentialsFile = await writeSandboxCredentials(path.join(workDir, 'credentials.json'), sandbox.baseUrls);
		await importCredentialsAndWorkflows(runtime, env, credentialsFile, path.join(projectDir, 'examples'));
		await n8nCli(runtime, ['import:workflow', '--separate', `--input=${path.join(projectDir, 'scripts', 'e2e', 'workflows')}`], { env });

		const skipped = [];
		for (const scenario of SCENARIOS) {
			const absent = scenario.nodeTypes.filter((type) => !loaded.loadedNodeTypes.has(`${PACKAGE_NAME}.${type}`));
			if (absent.length) {
				skipped.push(`${scenario.file} (missing node ${absent.join(', ')})`);
				continue;
			}
			step(`Running ${scenario.file}`);
			await runScenario(runtime, env, sandbox, scenario);
			console.log(`  ✔ ${scenario.file} (${seconds()})`);
		}
		const ran = SCENARIOS.length - skipped.length;
		if (skipped.length) console.log(`\n⚠ Not run, nodes missing:\n  ${skipped.join('\n  ')}`);
		console.log(`\nFinished in ${seconds()}`);
		console.log(`e2e: ${ran} passed, 0 failed${skipped.length ? `, ${skipped.length} skipped` : ''}`);
		succeeded = true;
	} finally {
		await sandbox.close();
		if (succeeded) await rm(workDir, { recursive: true, force: true });
		else console.error(`\nThe n8n user folder is kept for inspection: ${userFolder}`);
	}
}

main().catch((error) => {
	console.error(`\n✖ e2e failed after ${seconds()}:\n${error.message}`);
	process.exit(1);
});
