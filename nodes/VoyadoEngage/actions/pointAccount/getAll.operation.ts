import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import { returnAllAndLimit } from '../../../shared/fields';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { planList } from '../../../shared/pipeline/list';
import { listRecords } from '../../listing';
import { contactIdField } from '../../fields';

const contact = contactIdField('The GUID of the contact whose point accounts to list');

const properties: INodeProperties[] = [
	contact.property,
	...returnAllAndLimit(),
	optionsCollection([]),
];

export const sending = READS;

export const description = forOperation('pointAccount', 'getAll', properties);

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const contactId = contact.read(this, itemIndex);
	return planList(
		this,
		itemIndex,
		async (limit) =>
			await listRecords(
				{ ctx: this, path: '/api/v2/point-accounts', query: { contactId }, itemIndex, settings },
				limit,
			),
	);
}
