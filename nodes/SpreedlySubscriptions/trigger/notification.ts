import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from '../../shared/context';
import { errorFacts, errorMessageOf } from '../../shared/pipeline/errorItems';
import { callForSubscriber } from '../actions/subscriber/subscriberRequest';
import { defaultRequestSettings } from '../../shared/requestSettings';

/**
 * The customer IDs of a "subscribers changed" notification (`subscriber_ids=a,b,…`), each once and in
 * the order Spreedly listed them; undefined when the body carries none.
 */
export function changedCustomerIds(body: IDataObject): string[] | undefined {
	const value = body.subscriber_ids;
	const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
	const ids = [...new Set(text.split(',').map((id) => id.trim()))].filter(Boolean);
	return ids.length > 0 ? ids : undefined;
}

/** What an item says about a subscriber that could not be fetched, so it is never silently dropped. */
function fetchFailure(customerId: string, error: unknown): IDataObject {
	return { customerId, error: errorMessageOf(error), ...errorFacts(error) };
}

/** `GET subscribers/<id>.xml` for each ID, one after another: the record as Subscriber → Get outputs it. */
export async function fetchSubscribers(
	ctx: ApiContext,
	customerIds: string[],
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	const settings = defaultRequestSettings(ctx);
	for (const customerId of customerIds) {
		try {
			records.push(await callForSubscriber(ctx, 0, customerId, { method: 'GET' }, settings));
		} catch (error) {
			records.push(fetchFailure(customerId, error));
		}
	}
	return records;
}
