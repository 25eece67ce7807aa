import { readFileSync } from 'fs';
import path from 'path';

import { ROOT, sourceFiles } from '../harness/sourceFiles';
import { findImportCycles } from './importCycles';

function sourcesOf(files: Record<string, string>): Map<string, string> {
	return new Map(Object.entries(files));
}

describe('import cycles', () => {
	it('none in nodes/ and credentials/', () => {
		const files = ['nodes', 'credentials'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
		expect(files.length).toBeGreaterThan(100);
		const sources = new Map(
			files.map((file) => [path.relative(ROOT, file), readFileSync(file, 'utf8')]),
		);
		expect(findImportCycles(sources)).toEqual([]);
	});

	it('finds a cycle through several files, type-only imports included', () => {
		const sources = sourcesOf({
			'a.ts': "import { b } from './b';",
			'b.ts': "import type { C } from './lib/c';",
			'lib/c.ts': "import { a } from '../a';\nimport { d } from './d';",
			'lib/d.ts': 'export const d = 1;',
		});
		expect(findImportCycles(sources)).toEqual([['a.ts', 'b.ts', 'lib/c.ts']]);
	});

	it("resolves a folder's index.ts and finds a file importing itself", () => {
		const sources = sourcesOf({
			'a.ts': "import { x } from './actions';",
			'actions/index.ts': "import { a } from '../a';",
			'self.ts': "export { self } from './self';",
		});
		expect(findImportCycles(sources)).toEqual([['a.ts', 'actions/index.ts'], ['self.ts']]);
	});

	it('finds none in a tree without cycles', () => {
		const sources = sourcesOf({
			'a.ts': "import { b } from './b';\nimport { c } from './c';",
			'b.ts': "import { c } from './c';\nimport { readFileSync } from 'fs';",
			'c.ts': 'export const c = 1;',
		});
		expect(findImportCycles(sources)).toEqual([]);
	});
});
