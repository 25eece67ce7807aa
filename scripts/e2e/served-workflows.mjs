// Webhook-triggered workflows for a served n8n: each example of SCENARIOS with its manual trigger swapped for a
// production webhook (same node name, so the scenario's checks apply unchanged), plus the worker-kill workflow.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const OTHER_TRIGGERS = new Set(['n8n-nodes-base.webhook', 'n8n-nodes-base.scheduleTrigger']);
export const KILL_WORKFLOW_ID = 'whVoyadoKillTest';
export const KILL_WEBHOOK_PATH = 'e2e-voyado-batches';
const SANDBOX_CONTACT = '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b';

/** A stable UUID from a text, so re-imported workflows keep their webhook ids. */
function uuidFrom(text) {
	const hex = createHash('sha256').update(text).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function webhookNode({ name, id, webhookPath, position }) {
	return {
		id,
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position,
		webhookId: uuidFrom(webhookPath),
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	};
}

/** `exVoyadoPoints01` → `whVoyadoPoints01` (n8n ids are 16 characters here). */
const servedId = (exampleId) => `wh${exampleId.slice(2)}`;

/**
 * The served variant of one example: its manual trigger becomes a POST webhook at `e2e-<example id>`,
 * its other triggers are dropped.
 */
export function servedVariant(example) {
	const webhookPath = `e2e-${example.id}`;
	const dropped = new Set(example.nodes.filter((node) => OTHER_TRIGGERS.has(node.type)).map((node) => node.name));
	const nodes = example.nodes
		.filter((node) => !dropped.has(node.name))
		.map((node) => (node.type === MANUAL_TRIGGER ? webhookNode({ name: node.name, id: node.id, webhookPath, position: node.position }) : node));
	const connections = Object.fromEntries(Object.entries(example.connections).filter(([from]) => !dropped.has(from)));
	return { ...example, id: servedId(example.id), name: `${example.name} (webhook)`, active: false, nodes, connections, pinData: {}, webhookPath };
}

export async function servedScenarioWorkflows(examplesDir, scenarios) {
	return await Promise.all(
		scenarios.map(async (scenario) => servedVariant(JSON.parse(await readFile(path.join(examplesDir, scenario.file), 'utf8')))),
	);
}

/** The rows the kill test books: `count` rows of one point each, told apart by their description. */
export function killTestRows(count) {
	return Array.from({ length: count }, (_, index) => ({ contactId: SANDBOX_CONTACT, amount: 1, description: `kill-test row ${index + 1}` }));
}

/**
 * Webhook → Split Out → Voyado Add in batches of `batchSize`, keyed by the request's `importId`
 * (Options → Idempotency Key), so that any run of the same import sends the same keys.
 */
export function killTestWorkflow({ batchSize }) {
	const credentials = { voyadoEngageApi: { id: 'sbxVoyadoEngage1', name: 'Voyado Engage (sandbox)' } };
	return {
		id: KILL_WORKFLOW_ID,
		name: 'Voyado: book an import in batches (worker kill test)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode({ name: 'Import', id: uuidFrom('kill-webhook'), webhookPath: KILL_WEBHOOK_PATH, position: [0, 0] }),
			{
				id: uuidFrom('kill-split'),
				name: 'Rows',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.rows', options: {} },
			},
			{
				id: uuidFrom('kill-add'),
				name: 'Add points',
				type: 'n8n-nodes-credits.voyadoEngage',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'pointTransaction',
					operation: 'add',
					contactId: '={{ $json.contactId }}',
					definitionId: 1,
					amount: '={{ $json.amount }}',
					source: 'Import',
					description: '={{ $json.description }}',
					options: { batchSize, idempotencyKey: "={{ 'import-' + $('Import').first().json.body.importId }}" },
				},
				credentials,
			},
		],
		connections: {
			Import: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: 'Add points', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}
