// Loads a community package with n8n-core's own PackageDirectoryLoader (what n8n uses) and prints what it found.
// Run with the cached n8n's Node and NODE_PATH set to its node_modules, as n8n itself sets it.
// Usage: node list-package-types.cjs <n8n runtime dir> <package dir>
const [runtimeDir, packageDir] = process.argv.slice(2);
const { PackageDirectoryLoader } = require(require.resolve('n8n-core', { paths: [runtimeDir] }));

(async () => {
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	process.stdout.write(
		JSON.stringify({ nodes: Object.keys(loader.known.nodes), credentials: Object.keys(loader.known.credentials) }),
	);
})().catch((error) => {
	console.error(error.stack ?? String(error));
	process.exit(1);
});
