// One bench scenario, run in its own process: `node scenarios.js '<Scenario as JSON>'`. Prints one
// JSON line per measured run. The server (server.ts) runs in another process.
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeProperties,
	INodeType,
} from 'n8n-workflow';

import { SignTrakerApi } from '../credentials/SignTrakerApi.credentials';
import { SpreedlySubscriptionsApi } from '../credentials/SpreedlySubscriptionsApi.credentials';
import { VoyadoEngageApi } from '../credentials/VoyadoEngageApi.credentials';
import { WaldurApi } from '../credentials/WaldurApi.credentials';
import { SignTraker } from '../nodes/SignTraker/SignTraker.node';
import { SpreedlySubscriptions } from '../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import { VoyadoEngage } from '../nodes/VoyadoEngage/VoyadoEngage.node';
import { Waldur } from '../nodes/Waldur/Waldur.node';
import type { RunResult } from '../test/harness/harness';
import { runNode } from '../test/harness/harness';
import { loadHttpRequestNode, stopExpressionEngine, useN8nExpressionEngine } from './n8nEngine';
import type { RawRequest } from './rawClient';
import { rawClient } from './rawClient';
import type { ServerStats } from './server';

export const GETS = 500;
export const ADD_ROWS = 10_000;
export const RETURN_ALL_RECORDS = 100_000;

export type GetSubject =
	| 'signTraker'
	| 'signTrakerFixedId'
	| 'voyadoEngage'
	| 'waldur'
	| 'spreedly'
	| 'httpRequest';
export type AddMapping = 'autoMapInputData' | 'expressions' | 'fixedValues';

export type Scenario = {
	apiUrl: string;
	controlUrl: string;
	latencyMs: number;
	runs: number;
	/** Items (Gets, Add rows) per run; the full size unless warming up. */
	count?: number;
} & (
	| {
			kind: 'gets';
			subject: GetSubject | 'raw';
			/** The raw client's, or the node's Options → Concurrency (its default when unset). */
			concurrency?: number;
			runtimeDir?: string;
	  }
	| { kind: 'add'; mapping: AddMapping | 'raw' }
	| { kind: 'returnAll'; subject: 'waldur' | 'voyadoEngage' | 'raw-waldur' | 'raw-voyadoEngage' }
);

export interface Measurement {
	/** The node's own time as n8n records it (executionTime), or the raw client's time. */
	ms: number;
	/** The whole workflow run (Input node, engine bookkeeping, node). */
	workflowMs?: number;
	server: ServerStats;
	concurrency?: number;
	expressionEngine?: string;
	peakRssMb?: number;
	outputJsonMb?: number;
	note?: string;
}

function fail(message: string): never {
	throw new Error(message);
}

async function resetServer(scenario: Scenario, records = 0): Promise<void> {
	await fetch(`${scenario.controlUrl}/reset?latencyMs=${scenario.latencyMs}&records=${records}`, {
		method: 'POST',
	});
}

async function serverStats(scenario: Scenario): Promise<ServerStats> {
	return (await (await fetch(`${scenario.controlUrl}/stats`)).json()) as ServerStats;
}

interface NodeUnderTest {
	node: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	parameters: IDataObject;
	typeVersion?: number;
}

const hex = (index: number) => index.toString(16).padStart(32, '0');

/** The same 500 Gets for each node, the ID taken from each item by an expression, as a workflow would. */
function getNode(subject: GetSubject, apiUrl: string, runtimeDir?: string): NodeUnderTest {
	switch (subject) {
		case 'signTraker':
			return {
				node: new SignTraker(),
				credentialType: new SignTrakerApi(),
				credentials: { apiKey: 'bench', baseUrl: apiUrl },
				parameters: { resource: 'agent', operation: 'get', agentId: '={{ $json.id }}' },
			};
		case 'signTrakerFixedId':
			// The same requests without an expression per item: shows what evaluating `$json.id` costs.
			return {
				...getNode('signTraker', apiUrl),
				parameters: { resource: 'agent', operation: 'get', agentId: '7' },
			};
		case 'voyadoEngage':
			return {
				node: new VoyadoEngage(),
				credentialType: new VoyadoEngageApi(),
				credentials: { apiKey: 'bench', baseUrl: apiUrl },
				parameters: { resource: 'pointAccount', operation: 'get', accountId: '={{ $json.id }}' },
			};
		case 'waldur':
			return {
				node: new Waldur(),
				credentialType: new WaldurApi(),
				credentials: { token: 'bench', baseUrl: apiUrl },
				parameters: { resource: 'projectCredit', operation: 'get', uuid: '={{ $json.uuid }}' },
			};
		case 'spreedly':
			return {
				node: new SpreedlySubscriptions(),
				credentialType: new SpreedlySubscriptionsApi(),
				credentials: { siteName: 'bench', apiToken: 'bench', baseUrl: apiUrl },
				parameters: { resource: 'subscriber', operation: 'get', customerId: '={{ $json.id }}' },
			};
		case 'httpRequest': {
			const { node, version } = loadHttpRequestNode(runtimeDir ?? fail('no n8n runtime'));
			return {
				node,
				typeVersion: version,
				credentialType: new SignTrakerApi(),
				credentials: {},
				parameters: { url: `=${apiUrl}/api/agents/{{ $json.id }}`, options: {} },
			};
		}
	}
}

/** The default of `options.concurrency` for this node's operation, or 1 where it has none. */
function defaultConcurrency(node: INodeType, parameters: IDataObject): number {
	const matches = (property: INodeProperties) =>
		Object.entries(property.displayOptions?.show ?? {}).every(
			([name, values]) =>
				!(name in parameters) || (values ?? []).includes(parameters[name] as never),
		);
	for (const property of node.description.properties) {
		if (property.name !== 'options' || !matches(property)) continue;
		const option = (property.options as INodeProperties[]).find((o) => o.name === 'concurrency');
		if (option) return Number(option.default);
	}
	return 1;
}

/** Options → Concurrency set as a user would; without it the operation's default applies. */
function withConcurrency(subject: NodeUnderTest, concurrency?: number): NodeUnderTest {
	if (concurrency === undefined) return subject;
	return { ...subject, parameters: { ...subject.parameters, options: { concurrency } } };
}

async function runWith(subject: NodeUnderTest, items: IDataObject[]): Promise<RunResult> {
	return await runNode({
		node: subject.node,
		typeVersion: subject.typeVersion,
		credentialTypes: [subject.credentialType],
		credentials: { [subject.credentialType.name]: subject.credentials },
		parameters: subject.parameters,
		items,
	});
}

function nodeMs(result: RunResult): number {
	if (result.error) fail(`the node failed: ${result.error.message}`);
	return result.run.data.resultData.runData.Node[0].executionTime;
}

async function timedRun(subject: NodeUnderTest, items: IDataObject[]) {
	const started = performance.now();
	const result = await runWith(subject, items);
	return { result, ms: nodeMs(result), workflowMs: performance.now() - started };
}

function expectRequests(stats: ServerStats, expected: number, what: string): void {
	if (stats.requests !== expected)
		fail(`${what}: expected ${expected} requests, the server got ${stats.requests}`);
}

const getItems = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ id: index + 1, uuid: hex(index + 1) }));

async function measureGets(scenario: Extract<Scenario, { kind: 'gets' }>): Promise<Measurement> {
	const count = scenario.count ?? GETS;
	const items = getItems(count);
	if (scenario.subject === 'raw') {
		const concurrency = scenario.concurrency ?? 1;
		const requests: RawRequest[] = items.map(({ id }) => ({
			method: 'GET',
			url: `${scenario.apiUrl}/api/agents/${id}`,
		}));
		await resetServer(scenario);
		const ms = await rawClient(requests, concurrency);
		const server = await serverStats(scenario);
		expectRequests(server, count, 'raw client');
		return { ms, server, concurrency };
	}
	const subject = withConcurrency(
		getNode(scenario.subject, scenario.apiUrl, scenario.runtimeDir),
		scenario.concurrency,
	);
	await resetServer(scenario);
	const { result, ms, workflowMs } = await timedRun(subject, items);
	const server = await serverStats(scenario);
	expectRequests(server, count, scenario.subject);
	if (result.items.length !== count) fail(`expected ${count} items, got ${result.items.length}`);
	return {
		ms,
		workflowMs,
		server,
		note: subject.typeVersion === undefined ? undefined : `typeVersion ${subject.typeVersion}`,
		concurrency:
			scenario.subject === 'httpRequest'
				? undefined
				: (scenario.concurrency ?? defaultConcurrency(subject.node, subject.parameters)),
	};
}

function purchases(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({
		contactId: `5b8f3c3e-2d9a-4e1f-9c7b-${String(index).padStart(12, '0')}`,
		definitionId: 1,
		amount: (index % 500) + 1,
		source: 'Purchase',
		description: `Order ${100000 + index}`,
	}));
}

const ADD_PARAMETERS: Record<AddMapping, IDataObject> = {
	autoMapInputData: { mappingMode: 'autoMapInputData' },
	expressions: {
		contactId: '={{ $json.contactId }}',
		definitionId: '={{ $json.definitionId }}',
		amount: '={{ $json.amount }}',
		source: '={{ $json.source }}',
		description: '={{ $json.description }}',
	},
	fixedValues: {
		contactId: '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b',
		definitionId: '1',
		amount: 10,
		source: 'Purchase',
		description: 'Nightly export',
	},
};

async function measureAdd(scenario: Extract<Scenario, { kind: 'add' }>): Promise<Measurement> {
	const count = scenario.count ?? ADD_ROWS;
	const expectedRequests = Math.ceil(count / 1000);
	const items = purchases(count);
	if (scenario.mapping === 'raw') {
		const requests: RawRequest[] = [];
		for (let start = 0; start < count; start += 1000)
			requests.push({
				method: 'POST',
				url: `${scenario.apiUrl}/api/v2/point-accounts/transactions`,
				body: JSON.stringify(items.slice(start, start + 1000)),
			});
		await resetServer(scenario);
		const ms = await rawClient(requests, 1);
		const server = await serverStats(scenario);
		expectRequests(server, expectedRequests, 'raw client');
		return { ms, server, concurrency: 1 };
	}
	const subject: NodeUnderTest = {
		node: new VoyadoEngage(),
		credentialType: new VoyadoEngageApi(),
		credentials: { apiKey: 'bench', baseUrl: scenario.apiUrl },
		parameters: {
			resource: 'pointTransaction',
			operation: 'add',
			...ADD_PARAMETERS[scenario.mapping],
		},
	};
	await resetServer(scenario);
	const { result, ms, workflowMs } = await timedRun(subject, items);
	const server = await serverStats(scenario);
	expectRequests(server, expectedRequests, `add (${scenario.mapping})`);
	if (result.items.length !== count || result.items.some((item) => item.json.accepted !== true))
		fail(`expected ${count} accepted items`);
	return { ms, workflowMs, server };
}

const RETURN_ALL_REQUESTS = Math.ceil(RETURN_ALL_RECORDS / 100);

const RETURN_ALL_PARAMETERS = {
	waldur: { resource: 'projectCredit', operation: 'getAll', returnAll: true },
	voyadoEngage: {
		resource: 'pointTransaction',
		operation: 'getAll',
		lookupBy: 'account',
		accountId: '42',
		returnAll: true,
	},
};

async function measureReturnAll(
	scenario: Extract<Scenario, { kind: 'returnAll' }>,
): Promise<Measurement> {
	if (scenario.subject.startsWith('raw-')) {
		const waldur = scenario.subject === 'raw-waldur';
		const requests: RawRequest[] = Array.from({ length: RETURN_ALL_REQUESTS }, (_, page) => ({
			method: 'GET',
			url: waldur
				? `${scenario.apiUrl}/api/project-credits/?page=${page + 1}&page_size=100`
				: `${scenario.apiUrl}/api/v2/point-accounts/transactions?accountId=42&offset=${page * 100}&count=100`,
		}));
		await resetServer(scenario, RETURN_ALL_RECORDS);
		const ms = await rawClient(requests, 1);
		const server = await serverStats(scenario);
		expectRequests(server, RETURN_ALL_REQUESTS, scenario.subject);
		return { ms, server, peakRssMb: process.resourceUsage().maxRSS / 1024 };
	}
	const waldur = scenario.subject === 'waldur';
	const subject: NodeUnderTest = waldur
		? {
				node: new Waldur(),
				credentialType: new WaldurApi(),
				credentials: { token: 'bench', baseUrl: scenario.apiUrl },
				parameters: RETURN_ALL_PARAMETERS.waldur,
			}
		: {
				node: new VoyadoEngage(),
				credentialType: new VoyadoEngageApi(),
				credentials: { apiKey: 'bench', baseUrl: scenario.apiUrl },
				parameters: RETURN_ALL_PARAMETERS.voyadoEngage,
			};
	await resetServer(scenario, RETURN_ALL_RECORDS);
	const { result, ms, workflowMs } = await timedRun(subject, [{}]);
	const server = await serverStats(scenario);
	const peakRssMb = process.resourceUsage().maxRSS / 1024;
	expectRequests(server, RETURN_ALL_REQUESTS, scenario.subject);
	if (result.items.length !== RETURN_ALL_RECORDS)
		fail(`expected ${RETURN_ALL_RECORDS} items, got ${result.items.length}`);
	const outputJsonMb =
		Buffer.byteLength(JSON.stringify(result.items.map((item) => item.json))) / 1024 / 1024;
	return { ms, workflowMs, server, peakRssMb, outputJsonMb };
}

async function measure(scenario: Scenario): Promise<Measurement> {
	switch (scenario.kind) {
		case 'gets':
			return await measureGets(scenario);
		case 'add':
			return await measureAdd(scenario);
		case 'returnAll':
			return await measureReturnAll(scenario);
	}
}

/** A small run first (module loading, JIT, DI set-up, connections), then the measured runs. */
function warmUp(scenario: Scenario): Scenario {
	return { ...scenario, latencyMs: 0, count: 50 };
}

async function main() {
	const scenario = JSON.parse(process.argv[2]) as Scenario;
	const expressionEngine = await useN8nExpressionEngine();
	try {
		// Return All measures peak memory, so its process does only the one measured run.
		if (scenario.kind !== 'returnAll') await measure(warmUp(scenario));
		for (let run = 0; run < scenario.runs; run++) {
			const measurement = await measure(scenario);
			process.stdout.write(`${JSON.stringify({ ...measurement, expressionEngine })}\n`);
		}
	} finally {
		await stopExpressionEngine();
	}
}

if (require.main === module)
	main().catch((error: unknown) => {
		process.stderr.write(
			`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	});
