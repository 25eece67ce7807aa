// The workflows the real-n8n bench imports: Manual Trigger → the items → this package's node and n8n's
// HTTP Request node side by side, each fed the same items, in one `n8n execute`.
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

/** n8n's HTTP Request node in an n8n runtime folder (scripts/n8n-runtime.mjs). */
export function httpRequestNodeFile(runtimeDir: string): string {
	const nodes = path.join(runtimeDir, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes');
	return path.join(nodes, 'HttpRequest', 'HttpRequest.node.js');
}

export const CREDENTIAL_IDS = {
	signTrakerApi: 'benchSignTraker1',
	waldurApi: 'benchWaldurApi01',
	spreedlySubscriptionsApi: 'benchSpreedly001',
	voyadoEngageApi: 'benchVoyadoApi01',
} as const;
export type CredentialType = keyof typeof CREDENTIAL_IDS;

/** The credentials as `n8n import:credentials` reads them, every base URL the bench server's. */
export function benchCredentials(apiUrl: string): IDataObject[] {
	const data: Record<CredentialType, IDataObject> = {
		signTrakerApi: { apiKey: 'bench-key', subdomain: '', baseUrl: apiUrl },
		waldurApi: { token: 'bench-token', baseUrl: apiUrl },
		spreedlySubscriptionsApi: { siteName: 'bench', apiToken: 'bench-token', baseUrl: apiUrl },
		voyadoEngageApi: { apiKey: 'bench-key', baseUrl: apiUrl },
	};
	return Object.entries(data).map(([type, values]) => ({
		id: CREDENTIAL_IDS[type as CredentialType],
		name: `Bench ${type}`,
		type,
		data: values,
	}));
}

/** One job the bench times: this package's node, or n8n's HTTP Request node doing the same requests. */
export interface Contender {
	/** The node's name in the workflow, and the row label. */
	name: string;
	credentialType: CredentialType;
	/** Our node: its type and parameters. */
	node?: { type: string; parameters: IDataObject };
	/** The HTTP Request node: method, URL (an expression) and an optional JSON body (a template). */
	http?: { method: string; url: string; jsonBody?: string };
	/** Requests the server must see for one run of this node. */
	requests: number;
	/** Output items one run must give. */
	outputItems: number;
	/** The least time the provider's documented pace allows, where it has one (Voyado: 200 requests/s). */
	floorMs?: number;
}

const PACKAGE = 'n8n-nodes-credits';
const uuidOf = 'id.toString(16).padStart(32, "0")';

/** Voyado's 200 requests/s: request 200·k may start k seconds after the first; the last then takes one latency. */
export const voyadoFloorMs = (requests: number, latencyMs: number) =>
	(Math.ceil(requests / 200) - 1) * 1000 + latencyMs;

/** Item-wise Gets (ID from `{{ $json.id }}`) of each provider, and the same URL through the HTTP Request node. */
export function getContenders(apiUrl: string, count: number, latencyMs: number): Contender[] {
	const pair = (
		label: string,
		credentialType: CredentialType,
		type: string,
		parameters: IDataObject,
		url: string,
	): Contender[] => [
		{
			name: label,
			credentialType,
			node: { type: `${PACKAGE}.${type}`, parameters },
			requests: count,
			outputItems: count,
		},
		{
			name: `${label} (HTTP Request)`,
			credentialType,
			http: { method: 'GET', url },
			requests: count,
			outputItems: count,
		},
	];
	return [
		...pair(
			'SignTraker Agent Get',
			'signTrakerApi',
			'signTraker',
			{ resource: 'agent', operation: 'get', agentId: '={{ $json.id }}' },
			`=${apiUrl}/api/agents/{{ $json.id }}`,
		),
		...pair(
			'Waldur Project Credit Get',
			'waldurApi',
			'waldur',
			{ resource: 'projectCredit', operation: 'get', uuid: '={{ $json.uuid }}' },
			`=${apiUrl}/api/project-credits/{{ $json.uuid }}/`,
		),
		...pair(
			'Spreedly Subscriber Get',
			'spreedlySubscriptionsApi',
			'spreedlySubscriptions',
			{ resource: 'subscriber', operation: 'get', customerId: '={{ $json.id }}' },
			`=${apiUrl}/api/v4/bench/subscribers/{{ $json.id }}.xml`,
		),
		...pair(
			'Voyado Point Account Get',
			'voyadoEngageApi',
			'voyadoEngage',
			{ resource: 'pointAccount', operation: 'get', accountId: '={{ $json.id }}' },
			`=${apiUrl}/api/v2/point-accounts/{{ $json.id }}`,
		).map((contender) =>
			contender.node ? { ...contender, floorMs: voyadoFloorMs(count, latencyMs) } : contender,
		),
	];
}

/** Item-wise writes: one expression per item each, as the Gets. */
export function writeContenders(apiUrl: string, count: number): Contender[] {
	return [
		{
			name: 'SignTraker Credit Award Create',
			credentialType: 'signTrakerApi',
			node: {
				type: `${PACKAGE}.signTraker`,
				parameters: {
					resource: 'creditAward',
					operation: 'create',
					name: 'Bench',
					awardedTo: '={{ $json.id }}',
					totalAmount: 10,
				},
			},
			requests: count,
			outputItems: count,
		},
		{
			name: 'SignTraker Credit Award Create (HTTP Request)',
			credentialType: 'signTrakerApi',
			http: {
				method: 'POST',
				url: `${apiUrl}/api/credits/awards`,
				jsonBody: '={"Name":"Bench","AwardedTo":{"Id":{{ $json.id }}},"TotalAmount":10}',
			},
			requests: count,
			outputItems: count,
		},
		{
			name: 'Waldur Project Credit Create',
			credentialType: 'waldurApi',
			node: {
				type: `${PACKAGE}.waldur`,
				parameters: {
					resource: 'projectCredit',
					operation: 'create',
					project: '={{ $json.uuid }}',
					value: '10.00',
				},
			},
			requests: count,
			outputItems: count,
		},
		{
			name: 'Waldur Project Credit Create (HTTP Request)',
			credentialType: 'waldurApi',
			http: {
				method: 'POST',
				url: `${apiUrl}/api/project-credits/`,
				jsonBody: `={"project":"${apiUrl}/api/projects/{{ $json.uuid }}/","value":"10.00"}`,
			},
			requests: count,
			outputItems: count,
		},
	];
}

/** Return All of one list, one input item: every page read with the run's one credential read. */
export function returnAllContenders(records: number, pageSize: number): Contender[] {
	const pages = Math.ceil(records / pageSize);
	return [
		{
			name: 'Waldur Project Credit Get Many (Return All)',
			credentialType: 'waldurApi',
			node: {
				type: `${PACKAGE}.waldur`,
				parameters: { resource: 'projectCredit', operation: 'getAll', returnAll: true },
			},
			requests: pages,
			outputItems: records,
		},
		{
			name: 'Voyado Point Transaction Get Many (Return All)',
			credentialType: 'voyadoEngageApi',
			node: {
				type: `${PACKAGE}.voyadoEngage`,
				parameters: {
					resource: 'pointTransaction',
					operation: 'getAll',
					lookupBy: 'account',
					accountId: '42',
					returnAll: true,
				},
			},
			requests: pages,
			outputItems: records,
		},
	];
}

function credentialOf(contender: Contender): IDataObject {
	const id = CREDENTIAL_IDS[contender.credentialType];
	return { [contender.credentialType]: { id, name: `Bench ${contender.credentialType}` } };
}

function httpRequestNode(contender: Contender, httpTypeVersion: number): IDataObject {
	const http = contender.http as NonNullable<Contender['http']>;
	const parameters: IDataObject = {
		method: http.method,
		url: http.url,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: contender.credentialType,
		options: {},
	};
	if (http.jsonBody !== undefined)
		Object.assign(parameters, { sendBody: true, specifyBody: 'json', jsonBody: http.jsonBody });
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: httpTypeVersion,
		parameters,
	};
}

/** n8n nodes that turn the trigger's one item into `count` items `{ id, uuid }`, at height `y`. */
function itemSource(prefix: string, count: number, y: number): IDataObject[] {
	const list = `={{ Array.from({ length: ${count} }, (_, index) => { const id = index + 1; return { id, uuid: ${uuidOf} }; }) }}`;
	return [
		{
			id: `bench-${prefix}-list`,
			name: `${prefix} items`,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, y],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [{ id: 'records', name: 'records', value: list, type: 'array' }],
				},
				options: {},
			},
		},
		{
			id: `bench-${prefix}-split`,
			name: `${prefix} one each`,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, y],
			parameters: { fieldToSplitOut: 'records', options: {} },
		},
	];
}

/** A stage: contenders side by side, fed `items` items (1: the trigger's own item). */
export interface Stage {
	prefix: string;
	contenders: Contender[];
	items: number;
	/** Each contender's place, top to bottom: n8n's v1 order runs the branches in that order. */
	order: number[];
}

/**
 * The workflow: Manual Trigger → per stage the items (Set, then Split Out) → the stage's contenders side
 * by side. Stages run top to bottom, so a warm-up stage first loads and compiles every node (n8n loads node
 * types and starts the expression engine on first use) before the measured stage.
 */
export function benchWorkflow(options: {
	id: string;
	stages: Stage[];
	httpTypeVersion: number;
}): IDataObject {
	const nodes: IDataObject[] = [
		{
			id: 'bench-trigger',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections: IDataObject = {};
	const link = (from: string, to: string[]) => {
		const existing = (connections[from] as { main: IDataObject[][] } | undefined)?.main[0] ?? [];
		connections[from] = {
			main: [[...existing, ...to.map((node) => ({ node, type: 'main', index: 0 }))]],
		};
	};
	options.stages.forEach((stage, stageIndex) => {
		const top = stageIndex * 2000;
		let feeder = 'Start';
		if (stage.items > 1) {
			nodes.push(...itemSource(stage.prefix, stage.items, top));
			link('Start', [`${stage.prefix} items`]);
			link(`${stage.prefix} items`, [`${stage.prefix} one each`]);
			feeder = `${stage.prefix} one each`;
		}
		stage.contenders.forEach((contender, index) => {
			const body = contender.node
				? { type: contender.node.type, typeVersion: 1, parameters: contender.node.parameters }
				: httpRequestNode(contender, options.httpTypeVersion);
			nodes.push({
				id: `bench-${stage.prefix}-${index}`,
				name: contender.name,
				position: [600, top + stage.order[index] * 200],
				...body,
				credentials: credentialOf(contender),
			});
		});
		link(
			feeder,
			stage.contenders.map(({ name }) => name),
		);
	});
	return {
		id: options.id,
		name: `Bench ${options.id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections,
	};
}

/** Item-wise contenders under other names with `items` items each, for a warm-up stage. */
export function warmUpOf(contenders: Contender[], items: number): Contender[] {
	return contenders.map((contender) => ({
		...contender,
		name: `Warm-up: ${contender.name}`,
		requests: items,
		outputItems: items,
	}));
}
