import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, forOperation, optionsCollection } from '../../../shared/descriptions';
import { readCollection, returnAllAndLimit } from '../../../shared/fields';
import { planList } from '../../../shared/pipeline/list';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { READS } from '../../../shared/pipeline/operation';
import type { RequestSettings } from '../../../shared/requestSettings';
import { awardedToFilter, odataFilterProperty, odataOptions, readOdata } from '../../fields';
import { listRecords } from '../../listing';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([awardedToFilter.property, odataFilterProperty]),
	optionsCollection(odataOptions),
];

export const sending = READS;

export const description = forOperation('creditAward', 'getAll', properties);

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const filters = readCollection(this, 'filters', itemIndex);
	const awardedTo = awardedToFilter.from(filters, this, itemIndex);
	const own = awardedTo === undefined ? {} : { awardedTo };
	const { query, skip } = readOdata(this, itemIndex, filters, own);
	const awards = { ctx: this, path: '/api/credits/awards', query, itemIndex, settings };
	return planList(this, itemIndex, async (limit) => await listRecords(awards, limit, skip));
}
