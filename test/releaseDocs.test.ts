import { readFileSync } from 'fs';
import { join } from 'path';

/** What a user copies from the README and what a release checks must name this version of the package. */
const read = (file: string) => readFileSync(join(__dirname, '..', file), 'utf8');
const { name, version } = JSON.parse(read('package.json')) as { name: string; version: string };
const readme = read('README.md');

describe('the README and the CHANGELOG name the package version', () => {
	it('the install lines name the tarball npm pack writes for this version (npm run e2e runs them)', () => {
		const block = /<!-- install-commands[^>]*-->\s*```bash\n([\s\S]*?)```/.exec(readme);
		expect(block?.[1]).toContain(`TARBALL="$PWD/${name}-${version}.tgz"\n`);
	});

	it('every tarball the README mentions is this version', () => {
		const tarballs = readme.match(new RegExp(`${name}-[\\w.-]+?\\.tgz`, 'g')) ?? [];
		expect(tarballs.length).toBeGreaterThanOrEqual(3);
		expect(new Set(tarballs)).toEqual(new Set([`${name}-${version}.tgz`]));
	});

	it('the CHANGELOG has a section for this version (the release workflow checks it too)', () => {
		expect(read('CHANGELOG.md')).toMatch(
			new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm'),
		);
	});
});
