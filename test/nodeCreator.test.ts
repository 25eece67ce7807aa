import type { INodeType } from 'n8n-workflow';

import { SignTraker } from '../nodes/SignTraker/SignTraker.node';
import { SignTrakerTrigger } from '../nodes/SignTraker/SignTrakerTrigger.node';
import { SpreedlySubscriptions } from '../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import { SpreedlySubscriptionsTrigger } from '../nodes/SpreedlySubscriptions/SpreedlySubscriptionsTrigger.node';
import { VoyadoEngage } from '../nodes/VoyadoEngage/VoyadoEngage.node';
import { VoyadoEngageTrigger } from '../nodes/VoyadoEngage/VoyadoEngageTrigger.node';
import { Waldur } from '../nodes/Waldur/Waldur.node';
import { WaldurTrigger } from '../nodes/Waldur/WaldurTrigger.node';

/**
 * n8n's node creator (editor-ui generateMergedNodesAndActions, n8n 2.41) lists a node and the trigger named
 * `<name>Trigger` as one entry, with the node's actions and the trigger's, and sets that entry's description to
 * the trigger's. So the trigger's description must say what the action node does as well.
 */
const PAIRS: Array<[INodeType, INodeType]> = [
	[new SignTraker(), new SignTrakerTrigger()],
	[new VoyadoEngage(), new VoyadoEngageTrigger()],
	[new Waldur(), new WaldurTrigger()],
	[new SpreedlySubscriptions(), new SpreedlySubscriptionsTrigger()],
];

describe.each(
	PAIRS.map(([action, trigger]) => [action.description.displayName, action, trigger] as const),
)('the node creator entry of %s', (_name, action, trigger) => {
	it('merges the two nodes, as their names are <name> and <name>Trigger', () => {
		expect(trigger.description.name.replace('Trigger', '')).toBe(action.description.name);
	});

	it("shows the trigger's description, which says what the node does, then what starts a workflow", () => {
		expect(trigger.description.description).toMatch(
			new RegExp(`^${escape(action.description.description)}; start a workflow \\w`),
		);
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
