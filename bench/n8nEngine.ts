// What makes the in-process engine behave like a real n8n 2.41: the expression engine n8n's CLI
// starts, and n8n's own HTTP Request node from the cached n8n runtime.
import Module from 'node:module';
import path from 'node:path';

import { Container } from '@n8n/di';
import type { INodeType, IVersionedNodeType } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { httpRequestNodeFile } from './realWorkflows';

/** Resolves a package the way n8n-core does (n8n-core carries its own @n8n/config). */
function resolveFromCore(name: string): string {
	return require.resolve(name, { paths: [path.dirname(require.resolve('n8n-core'))] });
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { GlobalConfig } = require(resolveFromCore('@n8n/config')) as typeof import('@n8n/config');

/**
 * n8n's CLI (packages/cli/src/commands/base-command.ts) calls `Expression.initExpressionEngine` with
 * `GlobalConfig.expressionEngine`, whose `engine` comes from N8N_EXPRESSION_ENGINE and defaults to
 * `vm` (isolated-vm) in 2.41. n8n-workflow used as a library stays on `legacy` until this is called.
 */
export async function useN8nExpressionEngine(): Promise<string> {
	const { engine, poolSize, maxCodeCacheSize, bridgeTimeout, bridgeMemoryLimit, idleTimeout } =
		Container.get(GlobalConfig).expressionEngine;
	await Expression.initExpressionEngine({
		engine,
		poolSize,
		maxCodeCacheSize,
		bridgeTimeout,
		bridgeMemoryLimit,
		idleTimeoutMs: idleTimeout === undefined ? undefined : idleTimeout * 1000,
	});
	return `${Expression.getActiveImplementation()} (pool ${poolSize})`;
}

export async function stopExpressionEngine(): Promise<void> {
	await Expression.disposeExpressionEngine();
}

/** The packages n8n-nodes-base must share with this process, so one engine and one DI container run it. */
const SHARED_PACKAGES = ['n8n-workflow', 'n8n-core', '@n8n/di', '@n8n/config'];

type Resolve = (request: string, ...rest: unknown[]) => string;

function shareOurPackages(): void {
	const loader = Module as unknown as { _resolveFilename: Resolve };
	const original = loader._resolveFilename;
	const ours = new Map(SHARED_PACKAGES.map((name) => [name, resolveFromCore(name)]));
	loader._resolveFilename = function (request, ...rest) {
		return ours.get(request) ?? original.call(this, request, ...rest);
	};
}

/** n8n's HTTP Request node at the version the 2.41 editor adds, from the cached runtime's n8n-nodes-base. */
export function loadHttpRequestNode(runtimeDir: string): { node: INodeType; version: number } {
	shareOurPackages();
	const file = httpRequestNodeFile(runtimeDir);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(file) as { HttpRequest: new () => IVersionedNodeType };
	const versioned = new HttpRequest();
	const version = versioned.description.defaultVersion ?? versioned.currentVersion;
	return { node: versioned.nodeVersions[version] as INodeType, version };
}
