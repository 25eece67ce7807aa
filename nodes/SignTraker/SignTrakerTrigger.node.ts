import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { defaultRequestSettings } from '../shared/requestSettings';
import { nodeState } from '../shared/staticData';
import { readCollection } from '../shared/fields';
import { searchAgents } from './agentPicker';
import { awardedToFilter } from './fields';
import type { AwardCursor } from './trigger/newAwards';
import { awardIdOf, awardsAfter, newestAward } from './trigger/newAwards';

/** The agent filter as the API's `awardedTo` query, or none: the action's Awarded To filter, checked as there. */
function agentQuery(ctx: IPollFunctions): IDataObject {
	const awardedTo = awardedToFilter.from(readCollection(ctx, 'filters', 0), ctx, 0);
	return awardedTo === undefined ? {} : { awardedTo };
}

export class SignTrakerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignTraker Trigger',
		name: 'signTrakerTrigger',
		icon: {
			light: 'file:../../icons/signTraker.svg',
			dark: 'file:../../icons/signTraker.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New credit award"}}',
		// n8n's node creator merges this node with the SignTraker node into one entry and shows this text on it.
		description:
			'Award credits to SignTraker agents and look agents up; start a workflow on every new credit award',
		defaults: { name: 'SignTraker Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signTrakerApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'New Credit Award',
						value: 'newCreditAward',
						description: 'A credit award was created (one item per award, oldest first)',
					},
				],
				default: 'newCreditAward',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [awardedToFilter.property],
			},
		],
	};

	methods = { listSearch: { searchAgents } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const query = agentQuery(this);
		const poll = { ctx: this, settings: defaultRequestSettings(this) };
		if (this.getMode() === 'manual') {
			const newest = await newestAward(poll, query);
			return newest ? [this.helpers.returnJsonArray(newest)] : null;
		}

		const cursor = nodeState<AwardCursor>(this);
		if (cursor.lastAwardId === undefined) {
			// First poll after activation: remember where the awards stand, report nothing old.
			const newest = await newestAward(poll, query);
			cursor.lastAwardId = (newest && awardIdOf(newest)) ?? 0;
			return null;
		}
		const awards = await awardsAfter(poll, query, cursor as AwardCursor, cursor.lastAwardId);
		if (awards.length === 0) return null;
		cursor.lastAwardId = awardIdOf(awards[awards.length - 1]);
		return [this.helpers.returnJsonArray(awards)];
	}
}
