import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { FromAIArgument, INode } from 'n8n-workflow';
import { traverseNodeParameters } from 'n8n-workflow';

/** The package's nodes as AI Agent tools in the shipped example and the e2e workflows, by file. */
const DIRS = [
	join(__dirname, '..', 'examples'),
	join(__dirname, '..', 'scripts', 'e2e', 'workflows'),
];
const toolNodes = DIRS.flatMap((dir) =>
	readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.flatMap((file) => {
			const { nodes } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: INode[] };
			return nodes
				.filter((node) => /^n8n-nodes-credits\.\w+Tool$/.test(node.type))
				.map((node) => [`${file}: ${node.name}`, node] as const);
		}),
);

describe('the package tools in the example and e2e workflows', () => {
	it('exist', () => {
		expect(toolNodes.length).toBeGreaterThanOrEqual(9);
	});

	it.each(toolNodes)(
		'%s tells the model what each $fromAI value is, and what the tool does',
		(_name, node) => {
			// What n8n-core's createNodeAsTool collects for the tool's JSON schema.
			const values: FromAIArgument[] = [];
			traverseNodeParameters(node.parameters, values);
			expect(values.length).toBeGreaterThan(0);
			for (const value of values) {
				expect(value.key).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
				expect(value.description?.trim()).toBeTruthy();
			}
			if (node.parameters.descriptionType === 'manual')
				expect(String(node.parameters.toolDescription).trim()).toBeTruthy();
		},
	);
});
