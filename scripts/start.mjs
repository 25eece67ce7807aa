// `npm start`: builds the package, installs it into the cached n8n as a community package, starts the sandbox,
// imports credentials that point at it plus the example workflows, and serves n8n on http://localhost:5678.
// Usage: npm start [-- --fresh]   (--fresh: forget the previous n8n data: workflows, executions, credentials)
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../sandbox/server.mjs';
import { buildAndPack, freePort, importCredentialsAndWorkflows, installCommunityPackage, n8nCli, n8nEnv, PACKAGE_NAME } from './lib/n8n.mjs';
import { sandboxCredentialLines, writeSandboxCredentials } from './lib/sandbox-credentials.mjs';
import { readExamples, triggerWebhookTargets } from './lib/trigger-targets.mjs';
import { run, step } from './lib/run.mjs';
import { cacheRoot, ensureN8nRuntime } from './n8n-runtime.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 5680);
/** A local demo login, not a secret: n8n listens on 127.0.0.1 only and talks to the sandbox with fake keys. */
const DEMO_OWNER = { email: 'demo@example.com', password: 'n8n-nodes-credits' };

const logSandboxRequest = (line) => console.log(`[sandbox] ${line}`);

async function startSandboxOnPreferredPort() {
	try {
		return await startSandbox({ port: SANDBOX_PORT, log: logSandboxRequest });
	} catch (error) {
		if (error.code !== 'EADDRINUSE') throw error;
		console.log(`  port ${SANDBOX_PORT} is taken; the sandbox takes a free one`);
		return await startSandbox({ port: 0, log: logSandboxRequest });
	}
}

/**
 * n8n 2.x always has an owner; providing it through the environment skips the owner-setup screen. n8n
 * rewrites the owner from these variables at every start, and a new bcrypt hash (new salt) would sign
 * the browser out, so the hash is made once per user folder and reused.
 */
async function demoOwnerEnv(runtime, userFolder) {
	const hashFile = path.join(userFolder, '.demo-owner-password-hash');
	let hash = existsSync(hashFile) ? (await readFile(hashFile, 'utf8')).trim() : '';
	if (!hash) {
		const script = `process.stdout.write(require('bcryptjs').hashSync(${JSON.stringify(DEMO_OWNER.password)}, 10))`;
		({ stdout: hash } = await run(runtime.nodeBin, ['-e', script], { capture: true, env: { ...process.env, NODE_PATH: path.join(runtime.dir, 'node_modules') } }));
		await writeFile(hashFile, `${hash}\n`);
	}
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: DEMO_OWNER.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Demo',
		N8N_INSTANCE_OWNER_LAST_NAME: 'User',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: hash,
	};
}

async function waitUntilReady(url, child) {
	for (let attempt = 0; attempt < 240 && child.exitCode === null; attempt++) {
		try {
			if ((await fetch(url)).ok) return true;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return false;
}

function printWelcome(sandbox) {
	console.log(`
────────────────────────────────────────────────────────────────────────
 n8n with ${PACKAGE_NAME} is ready: http://localhost:${N8N_PORT}/home/workflows
   1. Sign in as ${DEMO_OWNER.email}, password "${DEMO_OWNER.password}" (a local demo login).
   2. The Workflows list shows the examples, numbered as in the README.
   3. Open one and click "Execute workflow". The nodes talk to the sandbox
      (${sandbox.url}), with the "(sandbox)" credentials already set up.
      Run them in any order, as often as you like.
   4. Triggers: publish (activate) examples 6-9, then run example 2, 4, 10
      or 1: the sandbox sends the provider's event (SignTraker: the next poll)
      and the trigger's workflow runs (see its Executions tab).
 What the sandbox received: ${sandbox.url}/__requests
 Back to the sandbox's first data: curl -X POST ${sandbox.url}/__reset
 Expected in this terminal, not failures: "Failed to start Python task
   runner" (no Python here; the examples need none), "Received request
   for unknown webhook" (the sandbox sent an event for a trigger example
   not published yet), and "AxiosError" with a stack trace after a failed
   credential test (n8n logs what the credential dialog shows).
 The sandbox's keys (fake ones; already in the "(sandbox)" credentials):
${sandboxCredentialLines(sandbox.baseUrls)
	.map((line) => `   ${line}`)
	.join('\n')}
 Ctrl-C stops n8n and the sandbox.
────────────────────────────────────────────────────────────────────────`);
}

async function main() {
	const runtime = await ensureN8nRuntime();
	const home = path.join(cacheRoot(), 'start');
	const userFolder = path.join(home, 'n8n');
	if (process.argv.includes('--fresh')) await rm(userFolder, { recursive: true, force: true });
	const examplesImported = path.join(userFolder, '.examples-imported');

	step(`Building ${PACKAGE_NAME} and installing it into n8n as a community package`);
	const tarball = await buildAndPack(projectDir, path.join(home, 'pack'));
	await installCommunityPackage(userFolder, tarball);
	await rm(tarball, { force: true });

	step('Starting the sandbox of the four APIs');
	const sandbox = await startSandboxOnPreferredPort();
	console.log(`  ${sandbox.url}`);
	// As set up by hand in Engage and Spreedly: their events go to the trigger examples' production URLs.
	sandbox.setWebhookTargets(triggerWebhookTargets(`http://127.0.0.1:${N8N_PORT}`, await readExamples(path.join(projectDir, 'examples'))));
	const env = n8nEnv({ userFolder, brokerPort: await freePort(), port: N8N_PORT, extra: await demoOwnerEnv(runtime, userFolder) });

	step('Importing the sandbox credentials' + (existsSync(examplesImported) ? '' : ' and the example workflows'));
	const credentialsFile = await writeSandboxCredentials(path.join(home, 'credentials.json'), sandbox.baseUrls);
	if (existsSync(examplesImported)) {
		// Keep the user's edits to the examples; the credentials follow the sandbox's port.
		await n8nCli(runtime, ['import:credentials', `--input=${credentialsFile}`], { env });
	} else {
		await importCredentialsAndWorkflows(runtime, env, credentialsFile, path.join(projectDir, 'examples'));
		await writeFile(examplesImported, `${new Date().toISOString()}\n`);
	}
	await rm(credentialsFile, { force: true });

	step(`Starting n8n on http://localhost:${N8N_PORT} (data in ${userFolder})`);
	const n8n = spawn(runtime.nodeBin, [runtime.n8nBin, 'start'], { env, stdio: 'inherit' });
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox…');
		// The terminal's Ctrl-C reaches n8n too; signalling it again is harmless and covers `kill`.
		n8n.kill('SIGINT');
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	n8n.on('exit', async (code, signal) => {
		await sandbox.close();
		process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
	});

	if (await waitUntilReady(`http://127.0.0.1:${N8N_PORT}/healthz/readiness`, n8n)) printWelcome(sandbox);
}

main().catch((error) => {
	console.error(`\n✖ npm start failed:\n${error.message}`);
	process.exit(1);
});
