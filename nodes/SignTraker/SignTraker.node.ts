import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceSelector } from '../shared/descriptions';
import { operationProperties, routeOperation } from '../shared/router';
import { operations, operationSelectors } from './actions/router';
import { searchAgents } from './agentPicker';

export class SignTraker implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SignTraker',
		name: 'signTraker',
		icon: {
			light: 'file:../../icons/signTraker.svg',
			dark: 'file:../../icons/signTraker.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Award credits to SignTraker agents and look agents up',
		defaults: { name: 'SignTraker' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'signTrakerApi', required: true }],
		properties: [
			resourceSelector(
				[
					{ name: 'Agent', value: 'agent' },
					{ name: 'Credit Award', value: 'creditAward' },
				],
				'creditAward',
			),
			...operationSelectors,
			...operationProperties(operations),
		],
	};

	methods = { listSearch: { searchAgents } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, operations, 'SignTraker API');
	}
}
