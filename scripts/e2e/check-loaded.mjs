// Asks the installed n8n what it loaded from this package: node types (and their AI-tool variants) through
// `n8n export:nodes` (n8n lines without that command: node types through n8n-core's package loader, tool variants
// unchecked), credential types through n8n-core's package loader; and that every n8n-workflow export the built
// code uses exists in this n8n's n8n-workflow.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { n8nCli, PACKAGE_NAME } from '../lib/n8n.mjs';
import { run } from '../lib/run.mjs';

/** The package's public contract (test/contract.test.ts): every node with its credential; every action node is usable as a tool, no trigger is. */
export const EXPECTED_NODES = [
	{ node: 'signTraker', credential: 'signTrakerApi' },
	{ node: 'voyadoEngage', credential: 'voyadoEngageApi' },
	{ node: 'waldur', credential: 'waldurApi' },
	{ node: 'spreedlySubscriptions', credential: 'spreedlySubscriptionsApi' },
];

/** The trigger nodes (CONTRACT "Trigger nodes"): loaded with their credential, never as AI tools. */
export const EXPECTED_TRIGGERS = [
	{ node: 'signTrakerTrigger', credential: 'signTrakerApi' },
	{ node: 'voyadoEngageTrigger', credential: 'voyadoEngageWebhookApi' },
	{ node: 'waldurTrigger', credential: 'waldurApi' },
	{ node: 'spreedlySubscriptionsTrigger', credential: 'spreedlySubscriptionsApi' },
];

const listTypesScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'list-package-types.cjs');

/** Node types (with their credentials) as `n8n export:nodes` lists them, ours only. */
async function exportedNodeTypes(runtime, env, userFolder) {
	const exportFile = path.join(userFolder, 'node-types.json');
	const exported = await n8nCli(runtime, ['export:nodes', `--output=${exportFile}`], { env });
	const nodeTypes = JSON.parse(await readFile(exportFile, 'utf8'));
	return { ours: nodeTypes.filter((type) => type.name.startsWith(`${PACKAGE_NAME}.`)), output: `${exported.stdout}\n${exported.stderr}` };
}

/**
 * @returns {Promise<{loadedNodeTypes: Set<string>, missing: string[], problems: string[], n8nOutput: string}>}
 *   `missing`: contract types n8n did not load; `problems`: loaded types that are wrong.
 */
export async function checkLoadedTypes(runtime, env, userFolder) {
	const packageDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	const { stdout } = await run(runtime.nodeBin, [listTypesScript, runtime.dir, packageDir], {
		env: { ...env, NODE_PATH: path.join(runtime.dir, 'node_modules') },
		capture: true,
	});
	const listed = JSON.parse(stdout);
	const loadedCredentials = new Set(listed.credentials);
	const { ours, output } = runtime.hasExportNodes
		? await exportedNodeTypes(runtime, env, userFolder)
		: { ours: listed.nodes.map((name) => ({ name: `${PACKAGE_NAME}.${name}` })), output: '' };
	const loadedNodeTypes = new Set(ours.map((type) => type.name));

	const missing = [];
	const problems = listed.missingWorkflowExports.map(
		(name) => `the package uses n8n-workflow's ${name}, which this n8n's n8n-workflow lacks`,
	);
	for (const { node, credential } of EXPECTED_NODES) {
		const types = [`${PACKAGE_NAME}.${node}`, ...(runtime.hasExportNodes ? [`${PACKAGE_NAME}.${node}Tool`] : [])];
		for (const type of types) {
			if (!loadedNodeTypes.has(type)) missing.push(`node ${type}`);
		}
		if (!loadedCredentials.has(credential)) missing.push(`credential ${credential}`);
	}
	for (const { node, credential } of EXPECTED_TRIGGERS) {
		const type = `${PACKAGE_NAME}.${node}`;
		if (!loadedNodeTypes.has(type)) missing.push(`node ${type}`);
		if (loadedNodeTypes.has(`${type}Tool`)) problems.push(`trigger ${type} is offered as an AI tool`);
		if (!loadedCredentials.has(credential)) missing.push(`credential ${credential}`);
	}
	for (const type of ours) {
		for (const { name } of type.credentials ?? []) {
			if (!loadedCredentials.has(name)) problems.push(`${type.name} uses credential ${name}, which n8n did not load`);
		}
	}
	return { loadedNodeTypes, missing, problems, workflowExports: listed.workflowExports, n8nOutput: output };
}
