// The yardstick: a plain keep-alive Node client that does nothing but send the same requests.
import { Agent, request } from 'node:http';

export interface RawRequest {
	method: 'GET' | 'POST';
	url: string;
	body?: string;
}

function send(agent: Agent, { method, url, body }: RawRequest): Promise<void> {
	return new Promise((resolve, reject) => {
		const outgoing = request(
			url,
			{
				method,
				agent,
				headers: body ? { 'content-type': 'application/json' } : {},
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					if (String(response.headers['content-type']).includes('json')) JSON.parse(text);
					resolve();
				});
				response.on('error', reject);
			},
		);
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}

/** Sends `requests` with at most `concurrency` in flight, each answer read and parsed; returns ms. */
export async function rawClient(requests: RawRequest[], concurrency: number): Promise<number> {
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	const started = performance.now();
	let next = 0;
	const worker = async () => {
		while (next < requests.length) await send(agent, requests[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
	const ms = performance.now() - started;
	agent.destroy();
	return ms;
}
