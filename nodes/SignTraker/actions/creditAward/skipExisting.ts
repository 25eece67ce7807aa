import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PlannedWrite, readRunSwitch } from '../../../shared/pipeline/dryRun';
import { lookupStage } from '../../../shared/pipeline/lookups';
import type { ItemPlan, PlannedItem, Run, Staged } from '../../../shared/pipeline/operation';
import { fetchPage } from '../../listing';

export const AWARDS_PATH = '/api/credits/awards';

/** A Create Award item's plan: what it sends, and the agent and Name that make an award "the same". */
export interface AwardPlan extends ItemPlan {
	agentId: number;
	name: string;
}

export const skipExistingProperty: INodeProperties = {
	displayName: 'Skip Existing',
	name: 'skipExisting',
	type: 'boolean',
	default: false,
	description:
		'Whether to look for an award with the same Name to the same agent first: when there is one, nothing is sent and the item is that award with "skipped": true. Makes running the same items again safe.',
};

export const RERUN_ADVICE =
	'To send the same items again without awarding twice, turn on Options → Skip Existing.';

function readSkipExisting(ctx: Run['ctx']): boolean {
	return readRunSwitch(ctx, skipExistingProperty.name, skipExistingProperty.displayName);
}

/** An OData string literal: in single quotes, each single quote doubled. */
export function odataString(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A later item of the run that makes the same award as `first`: it waits for the first (they share
 * the agent's record key, so it is sent after it) and outputs that award, skipped.
 */
function duplicateOf(run: Run, item: PlannedItem<AwardPlan>, first: PlannedItem<AwardPlan>) {
	const skipped = { skipped: true, duplicateOfItem: first.itemIndex };
	return async (): Promise<IDataObject> => {
		try {
			return { ...((await first.plan.send()) as IDataObject), ...skipped };
		} catch (error) {
			if (error instanceof PlannedWrite) return skipped;
			throw new NodeOperationError(
				run.ctx.getNode(),
				`Not sent: item ${first.itemIndex}, which makes the same award (same Awarded To and Name), failed`,
				{ itemIndex: item.itemIndex },
			);
		}
	};
}

/**
 * Options → Skip Existing: one lookup per distinct (agent, Name) of the run, all before the first
 * award is sent. An award found is output with `skipped: true` instead of being made again; of
 * several items with the same agent and Name, the first makes the award and the others are skipped.
 */
export const skipExistingStage = lookupStage<AwardPlan, IDataObject | undefined>({
	keyOf: ({ plan }, run) =>
		run.once(readSkipExisting) ? JSON.stringify([plan.agentId, plan.name]) : undefined,
	async find(_key, { itemIndex, plan, settings }, run) {
		const query = { awardedTo: plan.agentId, $filter: `Name eq ${odataString(plan.name)}` };
		const page = await fetchPage(
			{ ctx: run.ctx, path: AWARDS_PATH, query, itemIndex, settings },
			0,
			1,
		);
		return page.items[0];
	},
	apply(item, found, first, run): Staged<AwardPlan> {
		if (found) return { itemIndex: item.itemIndex, result: { ...found, skipped: true } };
		if (item === first) return item;
		return { ...item, plan: { ...item.plan, send: duplicateOf(run, item, first) } };
	},
});

/** How many awards a run skipped, above the output. */
export function skippedHints(outputs: IDataObject[]): string[] {
	const skipped = outputs.filter((output) => output.skipped === true);
	const existed = skipped.filter((output) => output.duplicateOfItem === undefined).length;
	const repeated = skipped.length - existed;
	const hints: string[] = [];
	if (existed > 0)
		hints.push(
			`${existed} ${existed === 1 ? 'award already existed and was' : 'awards already existed and were'} skipped`,
		);
	if (repeated > 0)
		hints.push(
			`${repeated} ${repeated === 1 ? 'item repeated an award of an earlier item and was' : 'items repeated an award of an earlier item and were'} skipped`,
		);
	return hints;
}
