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
import { searchDefinitions } from './definitionPicker';

export class VoyadoEngage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Voyado Engage',
		name: 'voyadoEngage',
		icon: {
			light: 'file:../../icons/voyadoEngage.svg',
			dark: 'file:../../icons/voyadoEngage.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Give loyalty points in Voyado Engage (by contact ID, email, mobile phone or member number), find contacts and read point accounts, definitions and transactions',
		defaults: { name: 'Voyado Engage' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'voyadoEngageApi', required: true }],
		properties: [
			resourceSelector(
				[
					{ name: 'Contact', value: 'contact' },
					{ name: 'Point Account', value: 'pointAccount' },
					{ name: 'Point Definition', value: 'pointDefinition' },
					{ name: 'Point Transaction', value: 'pointTransaction' },
				],
				'pointTransaction',
			),
			...operationSelectors,
			...operationProperties(operations),
		],
	};

	methods = { listSearch: { searchDefinitions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, operations, 'Voyado Engage API');
	}
}
