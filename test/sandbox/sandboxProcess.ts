import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * The sandbox is plain ESM JavaScript (it runs without a build step), which CommonJS jest cannot import;
 * so the tests start it as its own process on an ephemeral port and talk HTTP to it.
 */
export interface RunningSandbox {
	url: string;
	stop: () => Promise<void>;
	request: (path: string, init?: RequestInit) => Promise<SandboxReply>;
	reset: () => Promise<void>;
	recorded: (provider?: string) => Promise<RecordedRequest[]>;
	/** What the sandbox printed to stdout so far. */
	printed: () => string;
}

export interface SandboxReply {
	status: number;
	headers: Headers;
	text: string;
	json: <T = unknown>() => T;
}

export interface RecordedRequest {
	provider: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
	/** 0 when a fault kept the answer from the client. */
	status: number;
	replayed: boolean;
	fault?: 'noAnswer' | 'dropBefore' | 'dropAfter';
	/** For `dropAfter`: the status the provider produced, which the client never saw. */
	appliedStatus?: number;
}

const serverScript = path.resolve(__dirname, '../../sandbox/server.mjs');

function waitForUrl(child: ChildProcess): Promise<string> {
	return new Promise((resolve, reject) => {
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) resolve(match[1]);
		});
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', (code) =>
			reject(new Error(`sandbox exited (${code}) before listening:\n${output}`)),
		);
	});
}

export async function startSandboxProcess(): Promise<RunningSandbox> {
	const child = spawn(process.execPath, [serverScript, '--port', '0'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let printed = '';
	child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
	const url = await waitForUrl(child);
	const request = async (requestPath: string, init?: RequestInit): Promise<SandboxReply> => {
		const response = await fetch(`${url}${requestPath}`, { redirect: 'manual', ...init });
		const text = await response.text();
		return {
			status: response.status,
			headers: response.headers,
			text,
			json: <T>() => JSON.parse(text) as T,
		};
	};
	return {
		url,
		request,
		printed: () => printed,
		reset: async () => {
			await request('/__reset', { method: 'POST' });
		},
		recorded: async (provider?: string) =>
			(await request(`/__requests${provider ? `?provider=${provider}` : ''}`)).json<
				RecordedRequest[]
			>(),
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

/** Starts one sandbox for the test file, with fresh seed data before each test. */
export function useSandbox(): () => RunningSandbox {
	let sandbox: RunningSandbox;
	beforeAll(async () => {
		sandbox = await startSandboxProcess();
	});
	afterAll(async () => sandbox.stop());
	beforeEach(async () => sandbox.reset());
	return () => sandbox;
}
