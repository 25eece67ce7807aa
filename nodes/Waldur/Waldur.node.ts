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
import {
	searchCustomerCredits,
	searchCustomers,
	searchProjectCredits,
	searchProjects,
} from './pickers';

export class Waldur implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Waldur',
		name: 'waldur',
		icon: { light: 'file:../../icons/waldur.svg', dark: 'file:../../icons/waldur.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, top up, list and retire Waldur project and customer credits',
		defaults: { name: 'Waldur' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'waldurApi', required: true }],
		properties: [
			resourceSelector(
				[
					{ name: 'Customer Credit', value: 'customerCredit' },
					{ name: 'Project Credit', value: 'projectCredit' },
				],
				'projectCredit',
			),
			...operationSelectors,
			...operationProperties(operations),
		],
	};

	methods = {
		listSearch: { searchProjects, searchCustomers, searchProjectCredits, searchCustomerCredits },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, operations, 'Waldur API');
	}
}
