import path from 'path';
import ts from 'typescript';

/** The relative imports of a TypeScript source (`import type` too: a cycle of types is a cycle of design). */
export function relativeImports(file: string, source: string): string[] {
	return ts
		.preProcessFile(source, true, true)
		.importedFiles.map((imported) => imported.fileName)
		.filter((name) => name.startsWith('.'))
		.map((name) => path.join(path.dirname(file), name));
}

/** Which files of `sources` each file imports; an import names a file without `.ts`, or a folder's `index.ts`. */
function importGraph(sources: Map<string, string>): Map<string, string[]> {
	const resolve = (target: string) =>
		[`${target}.ts`, path.join(target, 'index.ts'), target].find((file) => sources.has(file));
	const graph = new Map<string, string[]>();
	for (const [file, source] of sources) {
		const targets = relativeImports(file, source).map(resolve);
		graph.set(file, [...new Set(targets.filter((target): target is string => !!target))]);
	}
	return graph;
}

/**
 * The groups of files that import each other in a circle (strongly connected components of the
 * import graph with more than one file, or a file importing itself), each sorted, via Tarjan's algorithm.
 */
export function findImportCycles(sources: Map<string, string>): string[][] {
	const graph = importGraph(sources);
	const index = new Map<string, number>();
	const lowest = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const groups: string[][] = [];

	const connect = (file: string) => {
		index.set(file, index.size);
		lowest.set(file, index.get(file) as number);
		stack.push(file);
		onStack.add(file);
		for (const target of graph.get(file) ?? []) {
			if (!index.has(target)) {
				connect(target);
				lowest.set(file, Math.min(lowest.get(file) as number, lowest.get(target) as number));
			} else if (onStack.has(target)) {
				lowest.set(file, Math.min(lowest.get(file) as number, index.get(target) as number));
			}
		}
		if (lowest.get(file) !== index.get(file)) return;
		const group: string[] = [];
		let member: string;
		do {
			member = stack.pop() as string;
			onStack.delete(member);
			group.push(member);
		} while (member !== file);
		if (group.length > 1 || (graph.get(file) ?? []).includes(file)) groups.push(group.sort());
	};
	for (const file of [...graph.keys()].sort()) if (!index.has(file)) connect(file);
	return groups;
}
