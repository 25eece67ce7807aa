// `npm run bench`: 10,000 Voyado Engage `add` items through n8n-core's real WorkflowExecute against a
// local HTTP server, compared with a plain client sending the same POSTs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

import type { IDataObject } from 'n8n-workflow';

import { VoyadoEngageApi } from '../credentials/VoyadoEngageApi.credentials';
import { VoyadoEngage } from '../nodes/VoyadoEngage/VoyadoEngage.node';
import { runNode } from '../test/harness/harness';

const ITEMS = 10_000;
const EXPECTED_REQUESTS = 10;
const API_KEY = 'bench-key';
const PATH = '/api/v2/point-accounts/transactions';
const ACCEPTED_ALL = JSON.stringify({
	notAccepted: [],
	errorMessages: [],
	missingDefinitionIds: [],
	missingContactIds: [],
});

interface Post {
	body: string;
	headers: Record<string, string>;
}

/** A stand-in for Engage that accepts every row and records what it was sent. */
async function startServer(): Promise<{ url: string; posts: Post[]; close: () => Promise<void> }> {
	const posts: Post[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			if (request.method === 'POST' && request.url === PATH) {
				const headers: Record<string, string> = {};
				for (const name of ['content-type', 'user-agent', 'apikey', 'idempotency-key'])
					headers[name] = String(request.headers[name] ?? '');
				posts.push({ body: Buffer.concat(chunks).toString('utf8'), headers });
			}
			response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
			response.end(ACCEPTED_ALL);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		posts,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

function purchases(count: number) {
	return Array.from({ length: count }, (_, index) => ({
		contactId: `5b8f3c3e-2d9a-4e1f-9c7b-${String(index).padStart(12, '0')}`,
		definitionId: 1,
		amount: (index % 500) + 1,
		source: 'Purchase',
		description: `Order ${100000 + index}`,
	}));
}

/** How a workflow fills the row: from each item (the usual case), or with fixed values (the node's own cost). */
const ROW_PARAMETERS = {
	'fields from expressions': {
		contactId: '={{ $json.contactId }}',
		definitionId: '={{ $json.definitionId }}',
		amount: '={{ $json.amount }}',
		source: '={{ $json.source }}',
		description: '={{ $json.description }}',
	},
	'fixed field values': {
		contactId: '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b',
		definitionId: '1',
		amount: 10,
		source: 'Purchase',
		description: 'Nightly export',
	},
};

async function runAdd(baseUrl: string, count: number, rowParameters: IDataObject) {
	return await runNode({
		node: new VoyadoEngage(),
		credentialTypes: [new VoyadoEngageApi()],
		credentials: { voyadoEngageApi: { apiKey: API_KEY, baseUrl } },
		parameters: { resource: 'pointTransaction', operation: 'add', ...rowParameters },
		items: purchases(count),
	});
}

/** What the node's work is compared with: the same POSTs from a client that does nothing else. */
async function plainClient(baseUrl: string, posts: Post[]): Promise<number> {
	const started = performance.now();
	for (const post of posts) {
		const response = await fetch(`${baseUrl}${PATH}`, {
			method: 'POST',
			headers: post.headers,
			body: post.body,
		});
		await response.json();
	}
	return performance.now() - started;
}

const PLAIN_RUNS = 5;

async function medianOf(runs: number, measure: () => Promise<number>): Promise<number> {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) times.push(await measure());
	return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

function fail(message: string): never {
	process.stderr.write(`bench failed: ${message}\n`);
	process.exit(1);
}

/** Runs the node once over ITEMS items, checks what reached the server, and returns the wall time and the POSTs. */
async function measureNode(
	server: Awaited<ReturnType<typeof startServer>>,
	rowParameters: IDataObject,
) {
	await runAdd(server.url, 20, rowParameters); // warm-up: module loading and JIT, not measured
	server.posts.length = 0;
	const heapBefore = process.memoryUsage().heapUsed;
	const started = performance.now();
	const result = await runAdd(server.url, ITEMS, rowParameters);
	const ms = performance.now() - started;
	const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
	const posts = server.posts.splice(0);
	if (result.error) fail(`the node failed: ${result.error.message}`);
	if (posts.length !== EXPECTED_REQUESTS)
		fail(`expected ${EXPECTED_REQUESTS} requests, got ${posts.length}`);
	if (result.items.length !== ITEMS || result.items.some((item) => item.json.accepted !== true)) {
		fail(`expected ${ITEMS} accepted items, got ${result.items.length}`);
	}
	if (new Set(posts.map((post) => post.headers['idempotency-key'])).size !== EXPECTED_REQUESTS)
		fail('Idempotency-Keys are not unique per batch');
	return { ms, posts, heapGrowthMb };
}

async function main() {
	const server = await startServer();
	try {
		const lines = [
			`Voyado Engage add: ${ITEMS} items through n8n-core WorkflowExecute → local server ${server.url}`,
		];
		for (const [label, rowParameters] of Object.entries(ROW_PARAMETERS)) {
			const { ms, posts, heapGrowthMb } = await measureNode(server, rowParameters);
			await plainClient(server.url, posts.slice(0, 1)); // warm-up
			const plainMs = await medianOf(PLAIN_RUNS, async () => await plainClient(server.url, posts));
			const rows = posts.map((post) => (JSON.parse(post.body) as unknown[]).length);
			lines.push(
				`- ${label}:`,
				`    requests made:             ${posts.length} (rows per request: ${rows.join(', ')})`,
				`    node wall time:            ${ms.toFixed(0)} ms (${((ms * 1000) / ITEMS).toFixed(1)} µs per item)`,
				`    plain client, same POSTs:  ${plainMs.toFixed(0)} ms (median of ${PLAIN_RUNS})`,
				`    ratio node / plain client: ${(ms / plainMs).toFixed(1)}x`,
				`    heap growth over the run:  ${heapGrowthMb.toFixed(1)} MB (items and run data held by n8n)`,
			);
		}
		lines.push(
			`peak RSS of the process:     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
		);
		process.stdout.write(`${lines.join('\n')}\n`);
	} finally {
		await server.close();
	}
}

main().catch((error: unknown) =>
	fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
