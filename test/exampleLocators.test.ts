import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { SignTraker } from '../nodes/SignTraker/SignTraker.node';
import { SpreedlySubscriptions } from '../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import { VoyadoEngage } from '../nodes/VoyadoEngage/VoyadoEngage.node';
import { Waldur } from '../nodes/Waldur/Waldur.node';

/**
 * The examples save every resource locator as n8n's editor saves a picked value, `{ __rl, mode, value }`:
 * a plain value (as saved before the pickers) runs, but the editor shows it with an empty "Mode..." selector.
 */
interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
}

const EXAMPLES_DIR = join(__dirname, '..', 'examples');
const NODES: Record<string, INodeType> = {
	signTraker: new SignTraker(),
	spreedlySubscriptions: new SpreedlySubscriptions(),
	voyadoEngage: new VoyadoEngage(),
	waldur: new Waldur(),
};

/** The node type behind `n8n-nodes-credits.<name>` or its AI-tool variant `<name>Tool`. */
function nodeTypeOf(type: string): INodeType | undefined {
	const match = /^n8n-nodes-credits\.(\w+?)(?:Tool)?$/.exec(type);
	return match ? NODES[match[1]] : undefined;
}

/** `[path, property, value]` for every resource locator the node shows and has a value for. */
function locatorsOf(node: ExampleNode, nodeType: INodeType) {
	const { description } = nodeType;
	const found: Array<[string, INodeProperties, unknown]> = [];
	// With the defaults of parameters left out, as n8n reads them (e.g. Voyado's Mapping Mode).
	const values =
		NodeHelpers.getNodeParameters(
			description.properties,
			node.parameters,
			true,
			false,
			node,
			description,
		) ?? {};
	for (const property of description.properties) {
		if (!(property.name in node.parameters)) continue;
		if (!NodeHelpers.displayParameter(values, property, node, description)) continue;
		const value = node.parameters[property.name];
		if (property.type === 'resourceLocator') found.push([property.name, property, value]);
		if (property.type !== 'collection' || typeof value !== 'object' || value === null) continue;
		for (const option of (property.options ?? []) as INodeProperties[]) {
			const optionValue = (value as INodeParameters)[option.name];
			if (option.type === 'resourceLocator' && optionValue !== undefined)
				found.push([`${property.name}.${option.name}`, option, optionValue]);
		}
	}
	return found;
}

const locators = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.flatMap((file) => {
		const example = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as {
			nodes: ExampleNode[];
		};
		return example.nodes.flatMap((node) => {
			const nodeType = nodeTypeOf(node.type);
			if (!nodeType) return [];
			return locatorsOf(node, nodeType).map(
				([path, property, value]) => [`${file} "${node.name}" ${path}`, property, value] as const,
			);
		});
	});

describe('resource locators in the examples', () => {
	it('are found (Awarded To, Definition ID, Credit UUID, Customer ID, …)', () => {
		expect(locators.length).toBeGreaterThanOrEqual(5);
	});

	it.each(locators)(
		'%s is saved with its mode, as the editor saves it',
		(_where, property, value) => {
			expect(value).toEqual(expect.objectContaining({ __rl: true }));
			const { mode, value: id } = value as { mode: string; value: unknown };
			expect(property.modes?.map((candidate) => candidate.name)).toContain(mode);
			expect(id).not.toBe('');
			// The editor offers From List only for a fixed value; an expression goes By ID (or By URL).
			if (typeof id === 'string' && id.startsWith('=')) expect(mode).not.toBe('list');
		},
	);

	it('a plain value, as a workflow saved before the pickers holds it, fails this check', () => {
		const plain = { name: 'old', type: 'n8n-nodes-credits.waldur', typeVersion: 1 };
		const parameters = { resource: 'projectCredit', operation: 'get', uuid: 'abc' };
		const [[, , value]] = locatorsOf({ ...plain, parameters }, NODES.waldur);
		expect(value).toBe('abc');
		expect(value).not.toEqual(expect.objectContaining({ __rl: true }));
	});
});
