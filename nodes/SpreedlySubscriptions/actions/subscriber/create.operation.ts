import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation, optionsCollection } from '../../../shared/descriptions';
import { newSubscriberProperties, postSubscriber, readNewSubscriber } from './newSubscriber';

export const description = forOperation('subscriber', 'create', [
	...newSubscriberProperties,
	optionsCollection(),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await postSubscriber(this, itemIndex, readNewSubscriber(this, itemIndex));
}
