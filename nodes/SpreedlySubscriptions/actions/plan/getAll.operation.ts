import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation, optionsCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { fetchList } from '../../listing';

export const description = forOperation('plan', 'getAll', [
	...returnAllAndLimit(),
	optionsCollection(),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await fetchList(this, '/subscription_plans.xml', itemIndex, 'subscription plan');
}
