import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

interface ExampleNode {
	name: string;
	type: string;
	disabled?: boolean;
}
interface Example {
	name: string;
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const EXAMPLES_DIR = join(__dirname, '..', 'examples');
const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
// The editor's Execute button never starts a chat trigger by itself (it has its own chat button).
const CHAT_TRIGGER = '@n8n/n8n-nodes-langchain.chatTrigger';

const isTrigger = (node: ExampleNode) =>
	/trigger$/i.test(node.type) || node.type === 'n8n-nodes-base.webhook';
/** A trigger example shows one of this package's triggers: it is published, not run by hand. */
const packageTriggerOf = (example: Example) =>
	example.nodes.find((node) => /^n8n-nodes-credits\.\w+Trigger$/.test(node.type) && !node.disabled);

function downstreamOf(example: Example, start: string): Set<string> {
	const seen = new Set<string>();
	const queue = [start];
	while (queue.length) {
		const name = queue.shift() as string;
		for (const output of example.connections[name]?.main ?? []) {
			for (const { node } of output ?? []) {
				if (!seen.has(node)) queue.push(node);
				seen.add(node);
			}
		}
	}
	return seen;
}

const allExamples = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.map(
		(file) =>
			[file, JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Example] as const,
	);
const examples = allExamples.filter(([, example]) => !packageTriggerOf(example));
const triggerExamples = allExamples.filter(([, example]) => packageTriggerOf(example));

describe('examples', () => {
	it('are all read', () => {
		expect(examples.length).toBeGreaterThanOrEqual(5);
	});

	// The README refers to the examples by number; n8n lists them by title.
	it.each(allExamples)('%s: its title starts with its number', (file, example) => {
		expect(example.name).toMatch(new RegExp(`^${file.slice(0, 2)} · \\S`));
	});

	// n8n's editor runs the enabled trigger it ranks highest (findTriggerNodeToAutoSelect: Form 10,
	// Webhook 9, app triggers 8, Schedule 7, Manual 6): with a webhook or schedule enabled next to the
	// manual trigger, "Execute workflow" would wait for a request or run the schedule's path instead.
	it.each(examples)(
		'%s: "Execute workflow" can only start the manual trigger',
		(_file, example) => {
			const enabledTriggers = example.nodes.filter(
				(node) => isTrigger(node) && !node.disabled && node.type !== CHAT_TRIGGER,
			);
			expect(enabledTriggers.map((node) => node.type)).toEqual([MANUAL_TRIGGER]);
		},
	);

	it.each(examples)(
		'%s: a production trigger kept disabled feeds the path the manual trigger runs',
		(_file, example) => {
			const manual = example.nodes.find((node) => node.type === MANUAL_TRIGGER) as ExampleNode;
			const manualPath = downstreamOf(example, manual.name);
			for (const trigger of example.nodes.filter((node) => isTrigger(node) && node.disabled)) {
				const targets = [...downstreamOf(example, trigger.name)];
				expect(targets.length).toBeGreaterThan(0);
				expect(targets.every((name) => manualPath.has(name))).toBe(true);
			}
		},
	);

	it('include a trigger example for each of the four trigger nodes', () => {
		const types = triggerExamples.map(([, example]) => packageTriggerOf(example)?.type).sort();
		expect(types).toEqual([
			'n8n-nodes-credits.signTrakerTrigger',
			'n8n-nodes-credits.spreedlySubscriptionsTrigger',
			'n8n-nodes-credits.voyadoEngageTrigger',
			'n8n-nodes-credits.waldurTrigger',
		]);
	});

	// With one trigger only, "Execute workflow" listens for that trigger's test event, as n8n's own trigger
	// workflows do; a second (e.g. manual) trigger would be outranked by it (app triggers 8, Manual 6).
	it.each(triggerExamples)('%s: the package trigger is its only trigger', (_file, example) => {
		expect(example.nodes.filter(isTrigger).map((node) => node.type)).toEqual([
			packageTriggerOf(example)?.type,
		]);
	});
});
