// Loads a community package with n8n-core's own PackageDirectoryLoader (what n8n uses) and prints what it found,
// plus which of the n8n-workflow exports the package's built code uses are missing from this n8n's n8n-workflow.
// Run with the cached n8n's Node and NODE_PATH set to its node_modules, as n8n itself sets it.
// Usage: node list-package-types.cjs <n8n runtime dir> <package dir>
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const [runtimeDir, packageDir] = process.argv.slice(2);
const n8nCorePath = require.resolve('n8n-core', { paths: [path.join(runtimeDir, 'node_modules', 'n8n')] });
const { PackageDirectoryLoader } = require(n8nCorePath);
// The n8n-workflow n8n-core itself uses: the one a community package gets inside this n8n.
const n8nWorkflow = require(require.resolve('n8n-workflow', { paths: [path.dirname(n8nCorePath)] }));

function jsFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return jsFiles(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

/** tsc compiles `import { x } from 'n8n-workflow'` to `n8n_workflow_1.x`; type-only imports leave nothing. */
function usedWorkflowExports(distDir) {
	const names = new Set();
	for (const file of jsFiles(distDir)) {
		const source = readFileSync(file, 'utf8');
		if (/require\("n8n-workflow"\)/.test(source) && !/const n8n_workflow_\d+ = require\("n8n-workflow"\)/.test(source)) {
			throw new Error(`${file} requires n8n-workflow in a way this check does not read`);
		}
		for (const [, name] of source.matchAll(/\bn8n_workflow_\d+\.([A-Za-z_$][\w$]*)/g)) names.add(name);
	}
	return [...names].sort();
}

(async () => {
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const workflowExports = usedWorkflowExports(path.join(packageDir, 'dist'));
	process.stdout.write(
		JSON.stringify({
			nodes: Object.keys(loader.known.nodes),
			credentials: Object.keys(loader.known.credentials),
			workflowExports,
			missingWorkflowExports: workflowExports.filter((name) => n8nWorkflow[name] === undefined),
		}),
	);
})().catch((error) => {
	console.error(error.stack ?? String(error));
	process.exit(1);
});
