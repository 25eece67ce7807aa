import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { agentField } from '../../fields';
import { signTrakerRequest } from '../../transport';

const agent = agentField({
	displayName: 'Agent ID',
	name: 'agentId',
	description: 'The agent to get: pick one, or give its numeric ID',
});

const properties: INodeProperties[] = [agent.property, optionsCollection([])];

export const sending = READS;

export const description = forOperation('agent', 'get', properties);

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const agentId = agent.read(this, itemIndex);
	const request = {
		method: 'GET' as const,
		path: `/api/agents/${agentId}`,
		notFoundMessage: `No SignTraker agent with ID ${agentId} was found`,
		emptySuccess: { record: `agent ${agentId}` },
	};
	return {
		send: async () => await signTrakerRequest<IDataObject>(this, request, itemIndex, settings),
	};
}
