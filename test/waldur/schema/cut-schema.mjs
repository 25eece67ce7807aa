// Cuts Waldur's official OpenAPI schema down to the paths the Waldur nodes use and every component
// they reference, so the tests can validate against it without the 4 MiB original.
//
// Run by hand, from the repository root, with the path of the full schema:
//   node test/waldur/schema/cut-schema.mjs /path/to/waldur-openapi-schema-8.0.5.yaml
// The full schema is public: GitHub waldur/api-docs, docs/API/waldur-openapi-schema-8.0.5.yaml.
// The tests never run this script; they read the committed cut only.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const SOURCE = 'GitHub waldur/api-docs docs/API/waldur-openapi-schema-8.0.5.yaml';
const PATHS = [
	'/api/project-credits/',
	'/api/project-credits/{uuid}/',
	'/api/customer-credits/',
	'/api/customer-credits/{uuid}/',
	'/api/customer-credits/{uuid}/consumptions/',
	'/api/hooks-web/',
	'/api/hooks-web/{uuid}/',
	// The project and customer pickers list these.
	'/api/projects/',
	'/api/customers/',
];
const OUTPUT = join(
	dirname(fileURLToPath(import.meta.url)),
	'../../fixtures/waldur/waldur-openapi-schema-8.0.5.cut.yaml',
);

const input = process.argv[2];
if (!input) {
	console.error(
		'usage: node test/waldur/schema/cut-schema.mjs <full waldur-openapi-schema-8.0.5.yaml>',
	);
	process.exit(2);
}
const full = yaml.load(readFileSync(input, 'utf8'));

function lookup(pointer) {
	return pointer
		.slice(2)
		.split('/')
		.reduce((node, key) => node[key], full);
}

/** Every `#/components/...` reference reachable from `node`, followed transitively. */
function collectRefs(node, found = new Set()) {
	if (Array.isArray(node)) node.forEach((entry) => collectRefs(entry, found));
	else if (node && typeof node === 'object') {
		for (const [key, value] of Object.entries(node)) {
			if (key === '$ref' && !found.has(value)) {
				found.add(value);
				collectRefs(lookup(value), found);
			} else collectRefs(value, found);
		}
	}
	return found;
}

const paths = Object.fromEntries(PATHS.map((path) => [path, full.paths[path]]));
const components = {};
for (const ref of [...collectRefs(paths)].sort()) {
	const [, , section, name] = ref.split('/');
	components[section] ??= {};
	components[section][name] = lookup(ref);
}
const schemes = new Set(
	Object.values(paths).flatMap((item) =>
		Object.values(item).flatMap((op) => (op.security ?? []).flatMap(Object.keys)),
	),
);
components.securitySchemes = Object.fromEntries(
	[...schemes].sort().map((name) => [name, full.components.securitySchemes[name]]),
);

const cut = { openapi: full.openapi, info: full.info, paths, components };
const header = `# Cut from ${SOURCE} (${full.info.title} ${full.info.version}): only the paths the Waldur nodes use and the components they reference, unchanged.\n# Regenerate: node test/waldur/schema/cut-schema.mjs <full schema>\n`;
writeFileSync(OUTPUT, header + yaml.dump(cut, { lineWidth: -1, noRefs: true }));
console.log(
	`wrote ${OUTPUT}: ${PATHS.length} paths, ${Object.values(components).reduce((n, s) => n + Object.keys(s).length, 0)} components`,
);
