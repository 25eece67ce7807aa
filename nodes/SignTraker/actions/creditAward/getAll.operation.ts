import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	filtersCollection,
	forOperation,
	optionsCollection,
	returnAllAndLimit,
} from '../../../shared/descriptions';
import { toPositiveInteger } from '../../../shared/validate';
import { identityFilter, listRecords, odataFilter, odataOptions } from '../../listing';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Awarded To (Agent ID)',
			name: 'awardedTo',
			type: 'string',
			default: '',
			placeholder: '42',
			description: 'Only awards granted to the agent with this numeric ID',
		},
		odataFilter,
	]),
	optionsCollection(odataOptions),
];

export const description = forOperation('creditAward', 'getAll', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const label = 'Awarded To (Agent ID)';
	const awardedTo = identityFilter(this, filters, 'awardedTo', itemIndex, label);
	const query: IDataObject = {};
	if (awardedTo !== undefined)
		query.awardedTo = toPositiveInteger(this, awardedTo, itemIndex, label);
	return await listRecords(this, '/api/credits/awards', query, itemIndex);
}
