// A local stand-in for the four providers, one port with a prefix each:
//   http://127.0.0.1:<port>/signtraker | /voyado | /waldur | /spreedly
// and a scripted OpenAI-compatible chat model for n8n's AI Agent (/openai/v1, see providers/openai.mjs),
// plus `GET /__requests` (what was received, secrets redacted), `POST /__reset` (fresh seed data, no requests, no faults)
// and `POST /__faults` (a fault rule as JSON, see lib/faults.mjs: the next matching request goes unanswered or is dropped).
// It also plays the providers' push side: Svix-signed Voyado events, Waldur hooks-web events and Spreedly's
// "subscribers changed" notification, posted to n8n; `GET /__deliveries` lists them, `PUT /__webhooks`
// `{voyado: [url…], spreedly: url}` sets the URLs that Engage and Spreedly are configured with by hand
// (Waldur's hooks are registered through its API).
// Usage: node sandbox/server.mjs [--port 5680] [--voyado-webhook <url>]… [--spreedly-webhook <url>]
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { createFaults } from './lib/faults.mjs';
import { json, parseJson } from './lib/http.mjs';
import { createOutbox } from './lib/outbox.mjs';
import { SANDBOX_KEYS } from './keys.mjs';
import { createOpenAi } from './providers/openai.mjs';
import { createSignTraker } from './providers/signtraker.mjs';
import { createSpreedly } from './providers/spreedly.mjs';
import { createVoyado } from './providers/voyado.mjs';
import { createWaldur } from './providers/waldur.mjs';

export const PROVIDERS = ['signtraker', 'voyado', 'waldur', 'spreedly', 'openai'];
const SECRET_HEADERS = new Set(['authorization', 'apikey', 'cookie', 'x-auth-token']);
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function createProviders(keys, targets, deliver) {
	return {
		signtraker: createSignTraker({ apiKey: keys.signTrakerApiKey }),
		voyado: createVoyado({
			apiKey: keys.voyadoApiKey,
			webhooks: { endpoints: () => targets.voyado, signingSecret: keys.voyadoWebhookSecret, deliver },
		}),
		waldur: createWaldur({ token: keys.waldurToken, deliver }),
		spreedly: createSpreedly({
			apiToken: keys.spreedlyApiToken,
			siteName: keys.spreedlySiteName,
			notifications: { url: () => targets.spreedly, deliver },
		}),
		openai: createOpenAi({ apiKey: keys.openAiApiKey }),
	};
}

/** `{voyado: string[], spreedly?: string}` from a `PUT /__webhooks` body or the options; anything else is refused. */
function webhookTargets(value) {
	const voyado = value?.voyado ?? [];
	const spreedly = value?.spreedly ?? undefined;
	const isUrl = (url) => typeof url === 'string' && /^https?:\/\//.test(url);
	if (!Array.isArray(voyado) || !voyado.every(isUrl) || (spreedly !== undefined && !isUrl(spreedly))) return undefined;
	return { voyado, spreedly };
}

function redactedHeaders(headers) {
	return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name) ? '[redacted]' : value]));
}

function queryObject(query) {
	const result = {};
	for (const [key, value] of query) {
		if (key === 'x-auth-token') result[key] = '[redacted]';
		else if (key in result) result[key] = [].concat(result[key], value);
		else result[key] = value;
	}
	return result;
}

function readBody(incoming) {
	return new Promise((resolve, reject) => {
		let size = 0;
		const chunks = [];
		incoming.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) reject(new Error('Request body too large'));
			else chunks.push(chunk);
		});
		incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		incoming.on('error', reject);
	});
}

function parsedOrRaw(body) {
	if (!body) return null;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * Starts the sandbox on 127.0.0.1.
 * @param {{port?: number, keys?: typeof SANDBOX_KEYS, log?: (line: string) => void}} [options]
 */
export async function startSandbox({ port = 0, keys = SANDBOX_KEYS, log = () => {}, webhooks } = {}) {
	let targets = webhookTargets(webhooks) ?? { voyado: [] };
	const outbox = createOutbox(log);
	let providers = createProviders(keys, targets, outbox.deliver);
	/** Stored responses by provider and `Idempotency-Key`: a replayed request is answered, not applied again. */
	let idempotent = new Map();
	let requests = [];
	/** Extra milliseconds before answering, by `provider METHOD` (e.g. slow Voyado POSTs for the worker-kill test). */
	const latency = new Map();
	const faults = createFaults();

	const setTargets = (value) => {
		// Mutated in place: the providers read it when they send.
		Object.assign(targets, { voyado: [], spreedly: undefined }, value);
	};
	const reset = () => {
		outbox.reset();
		providers = createProviders(keys, targets, outbox.deliver);
		idempotent = new Map();
		requests = [];
		faults.clear();
	};

	function dispatch(provider, request) {
		const key = request.headers['idempotency-key'];
		const replayKey = key && request.method !== 'GET' ? `${provider} ${key}` : undefined;
		if (replayKey && idempotent.has(replayKey)) return { ...idempotent.get(replayKey), replayed: true };
		const response = providers[provider](request);
		if (replayKey && response.status < 500) idempotent.set(replayKey, response);
		return response;
	}

	async function handle(incoming, outgoing) {
		const url = new URL(incoming.url, 'http://sandbox');
		const origin = `http://${incoming.headers.host ?? `127.0.0.1:${server.address().port}`}`;
		if (url.pathname === '/__requests' && incoming.method === 'GET') {
			const provider = url.searchParams.get('provider');
			return send(outgoing, json(200, provider ? requests.filter((entry) => entry.provider === provider) : requests));
		}
		if (url.pathname === '/__reset' && incoming.method === 'POST') {
			reset();
			return send(outgoing, json(200, { reset: true }));
		}
		if (url.pathname === '/__deliveries' && incoming.method === 'GET') {
			await outbox.settled();
			return send(outgoing, json(200, outbox.deliveries()));
		}
		if (url.pathname === '/__webhooks') {
			if (incoming.method === 'GET') return send(outgoing, json(200, targets));
			if (incoming.method !== 'PUT') return send(outgoing, json(405, { message: 'GET or PUT' }));
			const value = webhookTargets(parsedOrRaw(await readBody(incoming)));
			if (!value) return send(outgoing, json(400, { message: 'Expected {"voyado": ["http…"], "spreedly": "http…"}' }));
			setTargets(value);
			return send(outgoing, json(200, targets));
		}
		if (url.pathname === '/__faults' && incoming.method === 'POST') {
			try {
				faults.add(parseJson(await readBody(incoming)));
			} catch (error) {
				return send(outgoing, json(400, { message: error.message }));
			}
			return send(outgoing, json(200, { added: true }));
		}
		const [, provider, ...rest] = url.pathname.split('/');
		if (!PROVIDERS.includes(provider)) {
			return send(outgoing, json(404, { providers: Object.fromEntries(PROVIDERS.map((name) => [name, `${origin}/${name}`])) }));
		}
		const body = await readBody(incoming);
		const request = {
			method: incoming.method,
			path: `/${rest.join('/')}`,
			query: url.searchParams,
			headers: incoming.headers,
			body,
			baseUrl: `${origin}/${provider}`,
		};
		const record = (status, extra) => {
			requests.push({
				provider,
				method: request.method,
				path: request.path,
				query: queryObject(url.searchParams),
				headers: redactedHeaders(incoming.headers),
				body: parsedOrRaw(body),
				status,
				...extra,
			});
			log(`${request.method} /${provider}${request.path}${url.search} → ${status || extra.fault}`);
		};
		const fault = faults.take(provider, request.method, request.path);
		// A fault leaves `status` 0: no answer reached the client.
		if (fault === 'noAnswer') return record(0, { replayed: false, fault });
		if (fault === 'dropBefore') {
			record(0, { replayed: false, fault });
			return incoming.socket.destroy();
		}
		const response = dispatch(provider, request);
		if (fault === 'dropAfter') {
			record(0, { replayed: Boolean(response.replayed), fault, appliedStatus: response.status });
			return incoming.socket.destroy();
		}
		record(response.status, { replayed: Boolean(response.replayed) });
		const delay = latency.get(`${provider} ${request.method}`);
		// Applied first, answered later: a client that dies while waiting has still changed the data.
		if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
		return send(outgoing, response);
	}

	function send(outgoing, { status, headers = {}, body = '' }) {
		outgoing.writeHead(status, headers);
		outgoing.end(body);
	}

	const server = http.createServer((incoming, outgoing) => {
		handle(incoming, outgoing).catch((error) => {
			log(`sandbox error: ${error.stack}`);
			if (!outgoing.headersSent) send(outgoing, json(500, { message: `Sandbox error: ${error.message}` }));
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	const actualPort = server.address().port;
	const url = `http://127.0.0.1:${actualPort}`;
	return {
		url,
		port: actualPort,
		baseUrls: Object.fromEntries(PROVIDERS.map((name) => [name, `${url}/${name}`])),
		requests: () => requests,
		reset,
		/** Where Engage's endpoints and Spreedly's notification URL point: `{voyado: [url…], spreedly: url}`. */
		setWebhookTargets: (value) => {
			const checked = webhookTargets(value);
			if (!checked) throw new Error(`Invalid webhook targets: ${JSON.stringify(value)}`);
			setTargets(checked);
		},
		/** What the sandbox posted to n8n so far (after `settled()`, with n8n's answers). */
		deliveries: () => outbox.deliveries(),
		deliveriesSettled: () => outbox.settled(),
		/** Answers `method` requests to `provider` `ms` milliseconds late (0 = on time); they are applied at once. */
		setLatency: (provider, method, ms) => latency.set(`${provider} ${method}`, ms),
		/** @param {import('./lib/faults.mjs').FaultRule} rule */
		injectFault: (rule) => faults.add(rule),
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const flagValues = (name) => process.argv.flatMap((arg, index) => (arg === name ? [process.argv[index + 1]] : []));
	const [portFlag] = flagValues('--port');
	const port = portFlag !== undefined ? Number(portFlag) : Number(process.env.SANDBOX_PORT ?? 5680);
	const webhooks = { voyado: flagValues('--voyado-webhook'), spreedly: flagValues('--spreedly-webhook')[0] };
	const sandbox = await startSandbox({ port, log: (line) => console.log(line), webhooks });
	console.log(`Sandbox of the four APIs on ${sandbox.url}`);
	for (const [name, baseUrl] of Object.entries(sandbox.baseUrls)) console.log(`  ${name.padEnd(10)} ${baseUrl}`);
	console.log(`  recorded requests: ${sandbox.url}/__requests   reset: POST ${sandbox.url}/__reset`);
	const { sandboxCredentialLines } = await import('../scripts/lib/sandbox-credentials.mjs');
	console.log('The keys it accepts (fake ones, for the sandbox only), as n8n credentials:');
	for (const line of sandboxCredentialLines(sandbox.baseUrls)) console.log(`  ${line}`);
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
