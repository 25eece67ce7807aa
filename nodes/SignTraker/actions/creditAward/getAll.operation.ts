import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { filtersCollection, forOperation, optionsCollection } from '../../../shared/descriptions';
import { returnAllAndLimit } from '../../../shared/fields';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { toPositiveInteger } from '../../../shared/checks';
import { agentLocator } from '../../agentPicker';
import { identityFilter, odataFilter, odataOptions, planListing } from '../../listing';

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

export const sending = READS;

export const description = forOperation('creditAward', 'getAll', properties);

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const label = 'Awarded To (Agent ID)';
	const awardedTo = identityFilter(this, filters, 'awardedTo', itemIndex, label);
	const query: IDataObject = {};
	if (awardedTo !== undefined)
		query.awardedTo = toPositiveInteger(this, awardedTo, itemIndex, label);
	return planListing(this, '/api/credits/awards', query, itemIndex, settings);
}
