import { readFileSync } from 'fs';
import path from 'path';

import { ROOT, sourceFiles } from '../harness/sourceFiles';
import { findModuleState } from './findModuleState';

const check = (source: string) => findModuleState('example.ts', source);

describe('no module-level mutable state in nodes/ and credentials/', () => {
	const files = ['nodes', 'credentials'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));

	it('scans every node and credential source file', () => {
		expect(files.filter((file) => file.endsWith('.node.ts')).length).toBeGreaterThanOrEqual(4);
		expect(files.filter((file) => file.endsWith('.credentials.ts')).length).toBeGreaterThanOrEqual(
			4,
		);
	});

	it('finds none', () => {
		const problems = files.flatMap((file) =>
			findModuleState(path.relative(ROOT, file), readFileSync(file, 'utf8')),
		);
		expect(problems).toEqual([]);
	});
});

describe('findModuleState', () => {
	it('flags top-level let and var', () => {
		expect(check('let calls = 0;\nexport var cache = {};')).toEqual([
			'example.ts:1: top-level `let calls`',
			'example.ts:2: top-level `var cache`',
		]);
	});

	it('flags writes into top-level constants from functions', () => {
		const source = [
			'const seen = new Set<string>();',
			'const byId = new Map<string, number>();',
			'const list: string[] = [];',
			'const counters = { runs: 0 };',
			'export function remember(id: string) {',
			'	seen.add(id);',
			'	byId.set(id, 1);',
			'	list.push(id);',
			'	counters.runs++;',
			'	counters["last"] = id;',
			'	delete (counters as any).old;',
			'	list.length = 0;',
			'}',
		].join('\n');
		expect(check(source)).toEqual([
			'example.ts:6: writes into top-level `seen`',
			'example.ts:7: writes into top-level `byId`',
			'example.ts:8: writes into top-level `list`',
			'example.ts:9: writes into top-level `counters`',
			'example.ts:10: writes into top-level `counters`',
			'example.ts:11: writes into top-level `counters`',
			'example.ts:12: writes into top-level `list`',
		]);
	});

	it('flags writes into imported bindings (another module filling an exported constant)', () => {
		expect(
			check(
				"import { registry } from './registry';\nexport const register = (id: string) => registry.push(id);",
			),
		).toEqual(['example.ts:2: writes into top-level `registry`']);
	});

	it('flags static class properties that are not readonly', () => {
		expect(
			check('export class Node {\n\tstatic lastRun = 0;\n\tstatic readonly version = 1;\n}'),
		).toEqual(['example.ts:2: static property `lastRun` is not readonly']);
	});

	it('accepts read-only constants and writes to local variables of the same name', () => {
		const source = [
			"import { sleep } from 'n8n-workflow';",
			'const RETRYABLE = new Set([429, 503]);',
			"const OPTIONS = [{ name: 'A', value: 'a' }];",
			'const LIMITS = Object.freeze({ max: 100 });',
			'export async function run(status: number, list: number[]) {',
			'	const seen = new Set<number>();',
			'	seen.add(status);',
			'	list.push(status);',
			'	const OPTIONS = [] as string[];',
			'	OPTIONS.push("local");',
			'	await sleep(1);',
			'	return RETRYABLE.has(status) && [...OPTIONS].sort().length < LIMITS.max;',
			'}',
		].join('\n');
		expect(check(source)).toEqual([]);
	});
});
