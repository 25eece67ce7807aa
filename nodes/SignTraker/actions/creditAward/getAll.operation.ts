import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	filtersCollection,
	forOperation,
	optionsCollection,
	returnAllAndLimit,
} from '../../../shared/descriptions';
import { toPositiveInteger } from '../../../shared/validate';
import { agentLocator } from '../../agentPicker';
import { identityFilter, listRecords, odataFilter, odataOptions } from '../../listing';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		agentLocator({
			displayName: 'Awarded To (Agent ID)',
			name: 'awardedTo',
			description: 'Only awards granted to this agent: pick one, or give the numeric agent ID',
			required: false,
		}),
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
