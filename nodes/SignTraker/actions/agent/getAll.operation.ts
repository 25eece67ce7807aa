import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { filtersCollection, forOperation, optionsCollection } from '../../../shared/descriptions';
import { returnAllAndLimit } from '../../../shared/fields';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { identityFilter, planListing, odataFilter, odataOptions } from '../../listing';

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

export const sending = READS;

export const description = forOperation('agent', 'getAll', properties);

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const email = identityFilter(this, filters, 'email', itemIndex, 'Email');
	return planListing(this, '/api/agents', email ? { email } : {}, itemIndex, settings);
}
