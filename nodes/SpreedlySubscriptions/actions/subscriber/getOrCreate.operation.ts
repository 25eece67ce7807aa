import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { forOperation, optionsCollection } from '../../../shared/descriptions';
import { asNodeError } from '../../../shared/itemLoop';
import { newSubscriberProperties, postSubscriber, readNewSubscriber } from './newSubscriber';
import { callForSubscriber } from './subscriberRequest';

export const description = forOperation('subscriber', 'getOrCreate', [
	...newSubscriberProperties,
	optionsCollection(),
]);

/** Runs `attempt`; an API error that `expected` accepts yields undefined, any other error is thrown. */
async function allowing<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	attempt: () => Promise<T>,
	expected: (error: NodeApiError) => boolean,
): Promise<T | undefined> {
	try {
		return await attempt();
	} catch (error) {
		if (error instanceof NodeApiError && expected(error)) return undefined;
		throw asNodeError(ctx, error, itemIndex);
	}
}

/** GET; on 404 POST; if that POST finds the subscriber created meanwhile (403 "already exists"), GET again. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const subscriber = readNewSubscriber(this, itemIndex);
	const fetch = async () =>
		await callForSubscriber(this, itemIndex, subscriber.customerId, { method: 'GET' });
	const existing = await allowing(this, itemIndex, fetch, (error) => error.httpCode === '404');
	if (existing) return existing;
	const alreadyExists = (error: NodeApiError) =>
		error.httpCode === '403' && /already exists/i.test(error.message);
	const created = await allowing(
		this,
		itemIndex,
		async () => await postSubscriber(this, itemIndex, subscriber),
		alreadyExists,
	);
	return created ?? (await fetch());
}
