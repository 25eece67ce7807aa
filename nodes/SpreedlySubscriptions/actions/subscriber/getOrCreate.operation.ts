import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RequestSettings } from '../../../shared/requestSettings';
import { asNodeError } from '../../../shared/pipeline/errorItems';
import type { NewSubscriber } from './newSubscriber';
import { newSubscriberOperation, postSubscriber } from './newSubscriber';
import { callForSubscriber } from './subscriberRequest';

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
async function getOrCreate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	subscriber: NewSubscriber,
	settings: RequestSettings,
): Promise<IDataObject> {
	const fetch = async () =>
		await callForSubscriber(ctx, itemIndex, subscriber.customerId, { method: 'GET' }, settings);
	const existing = await allowing(ctx, itemIndex, fetch, (error) => error.httpCode === '404');
	if (existing) return existing;
	const alreadyExists = (error: NodeApiError) =>
		error.httpCode === '403' && /already exists/i.test(error.message);
	const created = await allowing(
		ctx,
		itemIndex,
		async () => await postSubscriber(ctx, itemIndex, subscriber, settings),
		alreadyExists,
	);
	return created ?? (await fetch());
}

export const { description, sending, plan } = newSubscriberOperation('getOrCreate', getOrCreate);
