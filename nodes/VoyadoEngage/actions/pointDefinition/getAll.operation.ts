import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import { returnAllAndLimit } from '../../../shared/fields';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { planList } from '../../../shared/pipeline/list';
import { listRecords } from '../../listing';

const properties: INodeProperties[] = [...returnAllAndLimit(), optionsCollection([])];

export const sending = READS;

export const description = forOperation('pointDefinition', 'getAll', properties);

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	return planList(
		this,
		itemIndex,
		async (limit) =>
			await listRecords(
				{ ctx: this, path: '/api/v2/point-accounts/definitions', query: {}, itemIndex, settings },
				limit,
			),
	);
}
