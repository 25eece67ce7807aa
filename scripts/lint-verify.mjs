// `npm run lint:verify`: the lint n8n's verification scanner (@n8n/scan-community-package) runs before a package
// is verified, run here the same way: its own config (@n8n/eslint-plugin-community-nodes' recommended (Cloud)
// rules + the n8n-nodes-base rule sets), inline `eslint-disable` comments ignored, this project's eslint config not
// read. It lints the sources (nodes/, credentials/, package.json) and the built dist/**/*.js, as the scanner lints
// the attested source and the published tarball. Run `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import glob from 'fast-glob';
import { buildScanConfig, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const manifest = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
const SPREEDLY_XML_MODULE = /^(dist\/)?nodes\/SpreedlySubscriptions\/xml(Request|Response)\.(ts|js)$/;

/**
 * The findings the package keeps on purpose, all caused by xml2js: the Spreedly API speaks XML, and xml2js (which
 * n8n itself ships) parses it. Each applies only to xml2js, only where it is allowed. Listed in the README.
 */
export const EXCEPTIONS = [
	{
		rule: '@n8n/community-nodes/no-runtime-dependencies',
		applies: ({ file }) => file === 'package.json' && Object.keys(manifest.dependencies ?? {}).join() === 'xml2js',
	},
	{
		rule: '@n8n/community-nodes/no-restricted-imports',
		applies: ({ file, message }) => /'xml2js'/.test(message) && SPREEDLY_XML_MODULE.test(file),
	},
];

const excused = (finding) =>
	EXCEPTIONS.some((exception) => exception.rule === finding.rule && exception.applies(finding));

async function lint(patterns) {
	const eslint = new ESLint({
		cwd: projectDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, { cwd: projectDir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	return eslint.lintFiles(files);
}

async function main() {
	if (!existsSync(path.join(projectDir, 'dist'))) throw new Error('No dist/: run `npm run build` first');
	const results = [...(await lint(SOURCE_FILE_PATTERNS)), ...(await lint(['dist/**/*.js', 'package.json']))];
	let errors = 0;
	let kept = 0;
	for (const result of results) {
		const file = path.relative(projectDir, result.filePath);
		for (const message of result.messages) {
			const where = `${file}:${message.line}:${message.column}`;
			if (message.severity === 2 && excused({ rule: message.ruleId, file, message: message.message })) {
				kept++;
				console.log(`  kept  ${where}  ${message.ruleId}: ${message.message}`);
			} else if (message.severity === 2) {
				errors++;
				console.log(`  error ${where}  ${message.ruleId ?? 'parse'}: ${message.message}`);
			}
		}
	}
	console.log(`lint:verify: ${results.length} files, ${errors} errors, ${kept} kept on purpose (xml2js)`);
	if (errors) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error.stack ?? String(error));
	process.exit(1);
});
