import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation, optionsCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { listRecords } from '../../listing';

const properties: INodeProperties[] = [...returnAllAndLimit(), optionsCollection()];

export const description = forOperation('pointDefinition', 'getAll', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listRecords(this, '/api/v2/point-accounts/definitions', {}, itemIndex);
}
