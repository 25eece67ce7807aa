// A served n8n (`n8n start`, and `n8n worker` in queue mode) driven as a user drives it: its REST API for the
// owner, login, activation and executions, and its production webhooks.
// The runtime ({nodeBin, n8nBin, dir}) is a parameter, so the same driver runs any n8n version.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startProcess, tail, waitFor } from './processes.mjs';

/** The owner account the driver creates in a fresh instance (a local test login, not a secret). */
export const TEST_OWNER = { email: 'e2e@example.com', firstName: 'End', lastName: 'ToEnd', password: 'E2e-password-1' };
const START_TIMEOUT_MS = 180_000;

/**
 * Starts `n8n <command>` and waits until it answers `/healthz/readiness` on `healthUrl`.
 * @param {{nodeBin: string, n8nBin: string}} runtime
 * @param {{env: NodeJS.ProcessEnv, command?: 'start' | 'worker', args?: string[], healthUrl: string, logFile: string, name: string}} options
 */
export async function startN8nProcess(runtime, { env, command = 'start', args = [], healthUrl, logFile, name }) {
	const n8n = startProcess(runtime.nodeBin, [runtime.n8nBin, command, ...args], { env, logFile, name });
	try {
		await waitFor(
			async () => {
				if (!n8n.isRunning()) throw new Error(`${name} exited before it was ready:\n${tail(n8n.output())}`);
				try {
					return (await fetch(`${healthUrl}/healthz/readiness`)).ok;
				} catch {
					return false;
				}
			},
			{ timeoutMs: START_TIMEOUT_MS, describe: () => `${name} was not ready after ${START_TIMEOUT_MS / 1000} s:\n${tail(n8n.output())}` },
		);
	} catch (error) {
		await n8n.stop();
		throw error;
	}
	return n8n;
}

/** n8n's REST API as the editor uses it: a session cookie bound to a browser id. */
export class N8nRestClient {
	/** @param {string} baseUrl e.g. http://127.0.0.1:5678 */
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.browserId = randomUUID();
		this.cookie = '';
	}

	async request(method, route, body) {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie && { cookie: this.cookie }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) {
			const error = new Error(`${method} /rest${route} answered ${response.status}: ${text.slice(0, 500)}`);
			error.status = response.status;
			throw error;
		}
		return text ? JSON.parse(text).data : undefined;
	}

	/** Creates the instance owner (a fresh instance has none that can log in) and logs in as it. */
	async setupOwnerAndLogin(owner = TEST_OWNER) {
		await this.request('POST', '/owner/setup', owner);
		// n8n 1.x before ~1.90 reads `email`, later versions `emailOrLdapLoginId`.
		await this.request('POST', '/login', { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password });
	}

	async getWorkflow(workflowId) {
		return await this.request('GET', `/workflows/${workflowId}`);
	}

	/**
	 * Activates (n8n 2.x: publishes) a workflow and waits until its triggers are live: production webhooks registered
	 * (at the provider too, for triggers that register themselves), pollers started.
	 */
	async activateWorkflow(workflowId, { timeoutMs = 60_000 } = {}) {
		const workflow = await this.getWorkflow(workflowId);
		try {
			await this.request('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
		} catch (error) {
			if (error.status !== 404 && error.status !== 405) throw error;
			// n8n 1.x has no activate route: the editor PATCHes `active`, and activation is done when it answers.
			return await this.request('PATCH', `/workflows/${workflowId}`, { active: true, versionId: workflow.versionId });
		}
		await this.waitUntilPublished(workflowId, workflow.versionId, timeoutMs);
	}

	/** n8n 2.x applies a publication in the background; its status route says when every trigger is activated. */
	async waitUntilPublished(workflowId, versionId, timeoutMs) {
		let last;
		await waitFor(
			async () => {
				try {
					last = await this.request('GET', `/workflows/${workflowId}/publication-status`);
				} catch (error) {
					if (error.status === 404) return true; // no publication service: activation was synchronous
					throw error;
				}
				const failed = (last.triggers ?? []).filter((trigger) => trigger.errorMessage || /error|fail/i.test(trigger.status));
				if (failed.length) throw new Error(`workflow ${workflowId} could not be activated: ${JSON.stringify(failed)}`);
				return last.liveVersionId === versionId && !last.pendingVersionId && (last.triggers ?? []).every((trigger) => trigger.status === 'activated');
			},
			{ timeoutMs, describe: () => `workflow ${workflowId} was not live after ${timeoutMs / 1000} s: ${JSON.stringify(last)}` },
		);
	}

	async deactivateWorkflow(workflowId) {
		try {
			return await this.request('POST', `/workflows/${workflowId}/deactivate`, {});
		} catch (error) {
			if (error.status !== 404 && error.status !== 405) throw error;
			const workflow = await this.getWorkflow(workflowId);
			return await this.request('PATCH', `/workflows/${workflowId}`, { active: false, versionId: workflow.versionId });
		}
	}

	/** Execution summaries of one workflow, newest first. */
	async listExecutions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.request('GET', `/executions?filter=${filter}&limit=100`);
		return page.results ?? page;
	}

	/** One execution with its run data parsed (n8n sends it `flatted`-encoded). */
	async getExecution(executionId, runtime) {
		const execution = await this.request('GET', `/executions/${executionId}`);
		if (typeof execution.data === 'string') execution.data = parseFlatted(runtime, execution.data);
		return execution;
	}

	/**
	 * Waits until `workflowId` has `count` executions that are no longer new/running/waiting, and returns them (oldest
	 * first, with run data). Throws if more appear than expected.
	 */
	async waitForFinishedExecutions(runtime, workflowId, { count = 1, timeoutMs = 60_000 } = {}) {
		const finished = await waitFor(
			async () => {
				const executions = await this.listExecutions(workflowId);
				const done = executions.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
				return done.length >= count && executions.length === done.length ? done : undefined;
			},
			{ timeoutMs, describe: `workflow ${workflowId}: fewer than ${count} finished execution(s) after ${timeoutMs / 1000} s` },
		);
		if (finished.length > count) throw new Error(`workflow ${workflowId}: ${finished.length} executions, expected ${count}`);
		finished.sort((a, b) => Number(a.id) - Number(b.id));
		return await Promise.all(finished.map((execution) => this.getExecution(execution.id, runtime)));
	}
}

function parseFlatted(runtime, text) {
	const requireFromN8n = createRequire(path.join(runtime.dir, 'node_modules', 'n8n', 'package.json'));
	return requireFromN8n('flatted').parse(text);
}

/**
 * Calls a production webhook (`/webhook/<path>`) and returns its status and body.
 * @param {string} baseUrl
 * @param {string} webhookPath
 * @param {{method?: string, body?: string | object, headers?: Record<string, string>}} [request]
 */
export async function callWebhook(baseUrl, webhookPath, { method = 'POST', body, headers = {} } = {}) {
	const isText = typeof body === 'string';
	const response = await fetch(`${baseUrl}/webhook/${webhookPath}`, {
		method,
		headers: { ...(body !== undefined && !isText && { 'content-type': 'application/json' }), ...headers },
		body: body === undefined ? undefined : isText ? body : JSON.stringify(body),
	});
	return { status: response.status, body: await response.text() };
}
