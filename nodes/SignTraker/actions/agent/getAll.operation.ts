import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	filtersCollection,
	forOperation,
	optionsCollection,
	returnAllAndLimit,
} from '../../../shared/descriptions';
import { identityFilter, listRecords, odataFilter, odataOptions } from '../../listing';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Only the agent with this email address',
		},
		odataFilter,
	]),
	optionsCollection(odataOptions),
];

export const description = forOperation('agent', 'getAll', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const email = identityFilter(this, filters, 'email', itemIndex, 'Email');
	return await listRecords(this, '/api/agents', email ? { email } : {}, itemIndex);
}
