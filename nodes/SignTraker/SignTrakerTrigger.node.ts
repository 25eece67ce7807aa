import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { defaultRequestSettings } from '../shared/requestSettings';
import { nodeState } from '../shared/staticData';
import { positiveIntegerOf } from '../shared/checks';
import { agentLocator, searchAgents } from './agentPicker';
import type { AwardCursor } from './trigger/newAwards';
import { awardIdOf, awardsAfter, newestAward } from './trigger/newAwards';

const AWARDED_TO_LABEL = 'Awarded To (Agent ID)';

/** The agent filter as the API's `awardedTo` query, or none. */
function agentQuery(ctx: IPollFunctions): IDataObject {
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	if (!('awardedTo' in filters)) return {};
	const value = ctx.getNodeParameter('filters.awardedTo', '', { extractValue: true }) as unknown;
	const awardedTo = positiveIntegerOf(value);
	if (awardedTo === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The parameter "${AWARDED_TO_LABEL}" must be a whole number of 1 or more, got ${JSON.stringify(value)}`,
			{ description: 'Give the numeric ID of an agent, or remove the filter to get every award.' },
		);
	}
	return { awardedTo };
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
				options: [
					agentLocator({
						displayName: AWARDED_TO_LABEL,
						name: 'awardedTo',
						description:
							'Only awards granted to this agent: pick one, or give the numeric agent ID',
						required: false,
					}),
				],
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
