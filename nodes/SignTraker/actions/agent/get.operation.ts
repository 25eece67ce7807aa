import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation, optionsCollection } from '../../../shared/descriptions';
import { requirePositiveInteger } from '../../../shared/validate';
import { agentLocator } from '../../agentPicker';
import { signTrakerRequest } from '../../transport';

const properties: INodeProperties[] = [
	agentLocator({
		displayName: 'Agent ID',
		name: 'agentId',
		description: 'The agent to get: pick one, or give its numeric ID',
	}),
	optionsCollection(),
];

export const description = forOperation('agent', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const agentId = requirePositiveInteger(this, 'agentId', itemIndex, 'Agent ID');
	const agent = await signTrakerRequest<IDataObject>(
		this,
		{
			method: 'GET',
			path: `/api/agents/${agentId}`,
			notFoundMessage: `No SignTraker agent with ID ${agentId} was found`,
		},
		itemIndex,
	);
	return agent ?? {};
}
