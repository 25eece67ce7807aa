import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation, optionsCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { listRecords } from '../../listing';
import { contactIdProperty, requireContactId } from '../../parameters';

const properties: INodeProperties[] = [
	contactIdProperty('The GUID of the contact whose point accounts to list'),
	...returnAllAndLimit(),
	optionsCollection(),
];

export const description = forOperation('pointAccount', 'getAll', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const contactId = requireContactId(this, 'contactId', itemIndex);
	return await listRecords(this, '/api/v2/point-accounts', { contactId }, itemIndex);
}
