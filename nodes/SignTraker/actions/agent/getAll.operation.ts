import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, forOperation, optionsCollection } from '../../../shared/descriptions';
import { readCollection, returnAllAndLimit } from '../../../shared/fields';
import { planList } from '../../../shared/pipeline/list';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { READS } from '../../../shared/pipeline/operation';
import type { RequestSettings } from '../../../shared/requestSettings';
import { emailFilter, odataFilterProperty, odataOptions, readOdata } from '../../fields';
import { listRecords } from '../../listing';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([emailFilter.property, odataFilterProperty]),
	optionsCollection(odataOptions),
];

export const sending = READS;

export const description = forOperation('agent', 'getAll', properties);

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const filters = readCollection(this, 'filters', itemIndex);
	const email = emailFilter.from(filters, this, itemIndex);
	const { query, skip } = readOdata(this, itemIndex, filters, email ? { email } : {});
	const agents = { ctx: this, path: '/api/agents', query, itemIndex, settings };
	return planList(this, itemIndex, async (limit) => await listRecords(agents, limit, skip));
}
