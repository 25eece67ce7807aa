// The bench's stand-in for the four APIs: one keep-alive HTTP server on 127.0.0.1 that answers after a
// fixed latency and counts requests, new connections and requests in flight. It runs in its own
// process (`node server.js`), so the client under test never slows the server down. A second port
// takes the control calls (`GET /stats`, `POST /reset?latencyMs=20`), so they are never counted.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface ServerStats {
	requests: number;
	/** New TCP connections since the reset. */
	connections: number;
	/** The most connections open at once (kept-alive ones from before the reset included). */
	peakOpenConnections: number;
	peakInFlight: number;
	/** Requests by method and path without the ID, e.g. "GET /api/agents/:id". */
	routes: Record<string, number>;
}

/** A real Spreedly subscriber document (test/fixtures/spreedly names its public source). */
const SUBSCRIBER_XML = readFileSync(
	path.join(
		__dirname,
		'..',
		'..',
		'..',
		'..',
		'test',
		'fixtures',
		'spreedly',
		'rspreedly_subscriber.xml',
	),
	'utf8',
);
export const RECORD_COUNT_PARAMETER = 'records';

function record(id: string | number): Record<string, unknown> {
	return {
		id,
		uuid: `0f3c2b1a9d8e4f7a8b6c5d4e3f2a${String(id).padStart(4, '0').slice(-4)}`,
		name: `Record ${id}`,
		amount: 125.5,
		created: '2026-03-01T10:00:00Z',
		status: 'Active',
		description: 'A record of the size these APIs send, give or take',
	};
}

/** Waldur: bare arrays, `Link: <…>; rel="next"` and X-Result-Count. */
function waldurPage(url: URL, host: string, response: ServerResponse): string {
	const total = Number(url.searchParams.get(RECORD_COUNT_PARAMETER) ?? 0);
	const page = Number(url.searchParams.get('page') ?? 1);
	const size = Number(url.searchParams.get('page_size') ?? 10);
	const first = (page - 1) * size;
	const items = [];
	for (let index = first; index < Math.min(first + size, total); index++) items.push(record(index));
	response.setHeader('X-Result-Count', String(total));
	if (first + size < total) {
		const next = new URL(url.toString());
		next.searchParams.set('page', String(page + 1));
		next.searchParams.set('page_size', String(size));
		response.setHeader('Link', `<http://${host}${next.pathname}${next.search}>; rel="next"`);
	}
	return JSON.stringify(items);
}

/** Voyado Engage: `{items, totalCount, offset, count}` with offset/count paging. */
function voyadoPage(url: URL, total: number): string {
	const offset = Number(url.searchParams.get('offset') ?? 0);
	const count = Number(url.searchParams.get('count') ?? 100);
	const items = [];
	for (let index = offset; index < Math.min(offset + count, total); index++)
		items.push(record(index));
	return JSON.stringify({ items, totalCount: total, offset, count, links: [] });
}

/** How many records a list holds: set per run with `POST /reset?records=N`. */
interface Settings {
	latencyMs: number;
	records: number;
}

function answer(
	request: IncomingMessage,
	body: string,
	response: ServerResponse,
	settings: Settings,
): void {
	const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
	if (request.method === 'POST' && url.pathname === '/api/v2/point-accounts/transactions') {
		response.setHeader('content-type', 'application/json; charset=utf-8');
		response.end(
			JSON.stringify({
				notAccepted: [],
				errorMessages: [],
				missingDefinitionIds: [],
				missingContactIds: [],
				received: (JSON.parse(body) as unknown[]).length,
			}),
		);
		return;
	}
	if (url.pathname.endsWith('.xml')) {
		response.setHeader('content-type', 'application/xml; charset=utf-8');
		response.end(SUBSCRIBER_XML);
		return;
	}
	response.setHeader('content-type', 'application/json');
	// A create (SignTraker awards, Waldur credits) answers with the new record.
	if (request.method === 'POST') response.end(JSON.stringify(record(1)));
	else if (url.pathname === '/api/project-credits/') {
		url.searchParams.set(RECORD_COUNT_PARAMETER, String(settings.records));
		response.end(waldurPage(url, String(request.headers.host), response));
	} else if (url.pathname === '/api/v2/point-accounts/transactions') {
		response.end(voyadoPage(url, settings.records));
	} else {
		response.end(JSON.stringify(record(url.pathname.split('/').filter(Boolean).pop() ?? '')));
	}
}

function routeOf(request: IncomingMessage): string {
	const pathname = (request.url ?? '/').split('?')[0];
	const generic = pathname
		.split('/')
		.map((segment) => (/^(\d+|[0-9a-f]{32})(\.xml)?$/.test(segment) ? ':id' : segment))
		.join('/');
	return `${request.method} ${generic}`;
}

function startApiServer(settings: Settings, stats: ServerStats) {
	let inFlight = 0;
	let open = 0;
	const server = createServer(
		{ keepAlive: true, keepAliveTimeout: 60_000 },
		(request, response) => {
			stats.requests++;
			inFlight++;
			stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
			const route = routeOf(request);
			stats.routes[route] = (stats.routes[route] ?? 0) + 1;
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const reply = () => {
					inFlight--;
					answer(request, Buffer.concat(chunks).toString('utf8'), response, settings);
				};
				if (settings.latencyMs > 0) setTimeout(reply, settings.latencyMs);
				else reply();
			});
		},
	);
	server.keepAliveTimeout = 60_000;
	server.on('connection', (socket) => {
		stats.connections++;
		open++;
		stats.peakOpenConnections = Math.max(stats.peakOpenConnections, open);
		socket.on('close', () => open--);
	});
	return { server, openConnections: () => open };
}

function listen(server: ReturnType<typeof createServer>): Promise<number> {
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
	);
}

async function main() {
	const settings: Settings = { latencyMs: 0, records: 0 };
	const stats: ServerStats = {
		requests: 0,
		connections: 0,
		peakOpenConnections: 0,
		peakInFlight: 0,
		routes: {},
	};
	const { server: api, openConnections } = startApiServer(settings, stats);
	const control = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://control');
		if (url.pathname === '/reset') {
			settings.latencyMs = Number(url.searchParams.get('latencyMs') ?? settings.latencyMs);
			settings.records = Number(url.searchParams.get('records') ?? 0);
			Object.assign(stats, {
				requests: 0,
				connections: 0,
				peakOpenConnections: openConnections(),
				peakInFlight: 0,
				routes: {},
			});
		}
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify(stats));
	});
	const [apiPort, controlPort] = await Promise.all([listen(api), listen(control)]);
	process.stdout.write(`${JSON.stringify({ apiPort, controlPort })}\n`);
	process.on('SIGTERM', () => process.exit(0));
}

if (require.main === module) void main();
