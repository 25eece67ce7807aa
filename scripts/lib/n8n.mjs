// Driving the cached n8n: its environment, its CLI, and installing this package the way n8n installs community packages.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { npmEnv, run } from './run.mjs';

export const PACKAGE_NAME = 'n8n-nodes-credits';

/** A port nobody listens on right now (for n8n's task-runner broker, so concurrent n8n instances don't collide). */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The environment for one n8n instance. Anything that would reach the internet is switched off.
 * @param {{userFolder: string, brokerPort: number, port?: number, extra?: Record<string, string>}} options
 */
export function n8nEnv({ userFolder, brokerPort, port = 5678, extra = {} }) {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		// n8n's list of verified community nodes, fetched from api.n8n.io when someone signs in.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		// instance-ai: n8n 2.x's own assistant, which would otherwise be the page the editor opens after sign-in.
		N8N_DISABLED_MODULES: 'mcp-registry,instance-ai',
		// n8n 2.x's current defaults, set explicitly: without them it prints deprecation warnings at every start.
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(2 * 1024 ** 3),
		N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '5000',
		...extra,
	};
}

/**
 * Runs one n8n CLI command with the runtime's own Node 24.
 * @param {{nodeBin: string, n8nBin: string}} runtime
 * @param {string[]} args
 * @param {{env: NodeJS.ProcessEnv, capture?: boolean}} options
 */
export function n8nCli(runtime, args, { env, capture = true }) {
	return run(runtime.nodeBin, [runtime.n8nBin, ...args], { env, capture });
}

/**
 * Installs a packed tarball of this package into `<userFolder>/.n8n/nodes`, as n8n's CommunityPackagesService does:
 * unpack into `node_modules/<name>`, drop dev/peer/optional dependencies, `npm install` the runtime ones, record it.
 */
export async function installCommunityPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	await rm(packageDir, { recursive: true, force: true });
	await mkdir(packageDir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(await readFile(manifestPath, 'utf8'));
	await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
	await run(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: packageDir, env: npmEnv(), capture: true },
	);

	const nodesManifestPath = path.join(nodesDir, 'package.json');
	const nodesManifest = await readFile(nodesManifestPath, 'utf8').then(JSON.parse, () => ({ name: 'installed-nodes', private: true }));
	nodesManifest.dependencies = { ...nodesManifest.dependencies, [PACKAGE_NAME]: manifest.version };
	await writeFile(nodesManifestPath, JSON.stringify(nodesManifest, null, 2));
	return manifest;
}

/** `npm pack` into `destination` (its `prepack` script builds the package); returns the tarball's path. */
export async function buildAndPack(projectDir, destination) {
	await mkdir(destination, { recursive: true });
	const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: projectDir,
		env: npmEnv({ npm_config_loglevel: 'error' }),
		capture: true,
	});
	// The build's own output comes first; npm's JSON report starts on a line of its own.
	const report = /^\[$[\s\S]*/m.exec(stdout);
	if (!report) throw new Error(`npm pack printed no report:\n${stdout}`);
	const [{ filename, files }] = JSON.parse(report[0]);
	const shipped = files.map((file) => file.path);
	if (!shipped.some((file) => file.startsWith('dist/nodes/'))) throw new Error(`npm pack shipped no built node: ${shipped.join(', ')}`);
	return path.join(destination, path.basename(filename));
}

/** Imports credentials (a JSON array; none when `credentialsFile` is null) and every workflow file of `workflowsDir` into the instance. */
export async function importCredentialsAndWorkflows(runtime, env, credentialsFile, workflowsDir) {
	if (credentialsFile) await n8nCli(runtime, ['import:credentials', `--input=${credentialsFile}`], { env });
	await n8nCli(runtime, ['import:workflow', '--separate', `--input=${workflowsDir}`], { env });
}
