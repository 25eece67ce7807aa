import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WRITES } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { Operation } from '../../../shared/router';

import { optionalXmlText } from '../../checks';
import { recordOrSuccess } from '../../results';
import { spreedlyAnswer } from '../../transport';
import {
	customerIdField,
	customerIdProperty,
	emailField,
	screenNameField,
	screenNameProperty,
} from '../../fields';

export const newSubscriberProperties = [customerIdProperty, screenNameProperty, emailField];

export interface NewSubscriber {
	customerId: string;
	screenName: string;
	email?: string;
}

export function readNewSubscriber(ctx: IExecuteFunctions, itemIndex: number): NewSubscriber {
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return {
		customerId: customerIdField.read(ctx, itemIndex),
		screenName: screenNameField.read(ctx, itemIndex),
		email: optionalXmlText(ctx, additional.email, itemIndex, 'Email'),
	};
}

/** Spreedly answers 403 to a create whose customer ID is already a subscriber's. */
export const SUBSCRIBER_EXISTS_HINT =
	'Spreedly answers 403 when a subscriber with this Customer ID already exists: use Subscriber → Get or Create to reuse it, or choose another Customer ID.';

/** POST /subscribers.xml; the API answers 201 with the new subscriber. */
export async function postSubscriber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	subscriber: NewSubscriber,
	settings: RequestSettings,
): Promise<IDataObject> {
	const fields = {
		'customer-id': subscriber.customerId,
		'screen-name': subscriber.screenName,
		email: subscriber.email,
	};
	const body = await spreedlyAnswer(
		ctx,
		{
			method: 'POST',
			path: '/subscribers.xml',
			xml: { root: 'subscriber', fields },
			statusHints: { 403: SUBSCRIBER_EXISTS_HINT },
			emptySuccess: { done: { customerId: subscriber.customerId } },
		},
		itemIndex,
		settings,
	);
	return recordOrSuccess(body, { customerId: subscriber.customerId });
}

type SendNewSubscriber = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	subscriber: NewSubscriber,
	settings: RequestSettings,
) => Promise<IDataObject>;

/** An operation that reads a new subscriber (Create, Get or Create) and hands it to `send`. */
export function newSubscriberOperation(operation: string, send: SendNewSubscriber): Operation {
	return {
		sending: WRITES,
		description: forOperation('subscriber', operation, [
			...newSubscriberProperties,
			optionsCollection([]),
		]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings) {
			const subscriber = readNewSubscriber(this, itemIndex);
			return {
				recordKey: subscriber.customerId,
				send: async () => await send(this, itemIndex, subscriber, settings),
			};
		},
	};
}
