import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';

import type { ApiContext } from '../../../shared/context';
import type { ApiRequest } from '../../../shared/http';
import { READS, WRITES } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { Operation } from '../../../shared/router';
import { subscriberField, planDocument } from '../../fields';
import { recordOrSuccess } from '../../results';
import type { SpreedlyRequest } from '../../transport';
import { spreedlyAnswer } from '../../transport';

/** `/subscribers/<id>.xml`, or `/subscribers/<id>/<action>.xml`, with the customer ID URL-encoded. */
export function subscriberPath(customerId: string, action?: string): string {
	const id = encodeURIComponent(customerId);
	return action ? `/subscribers/${id}/${action}.xml` : `/subscribers/${id}.xml`;
}

export function notFoundMessage(customerId: string): string {
	return `There is no Spreedly subscriber with customer ID "${customerId}"`;
}

/**
 * The plan document of a call that names a plan (`<subscription-plan><id/>…`), and its 404 without a
 * body, when either the subscriber or the plan may be missing.
 */
export function planCall(
	ctx: IExecuteFunctions,
	itemIndex: number,
	customerId: string,
): Pick<SubscriberCall, 'xml' | 'notFoundMessage'> {
	const xml = planDocument(ctx, itemIndex);
	return {
		xml,
		notFoundMessage: `${notFoundMessage(customerId)}, or no subscription plan with ID ${String(xml.fields.id)}`,
	};
}

export interface SubscriberCall {
	method: IHttpRequestMethods;
	/** The sub-resource, e.g. `allow_free_trial`; none for the subscriber itself. */
	action?: string;
	xml?: SpreedlyRequest['xml'];
	/** false when repeating the call after a lost answer would miss its target (a rename). */
	idempotent?: boolean;
	/** What Spreedly's statuses mean for this call (its manual's status list), where it differs from the general hints. */
	statusHints?: ApiRequest['statusHints'];
	/** The message for a 404 without a body, when more than the subscriber can be missing (e.g. the plan). */
	notFoundMessage?: string;
}

/** Sends one call about one subscriber; outputs the subscriber the API answers with, or `{ success, customerId }`. */
export async function callForSubscriber(
	ctx: ApiContext,
	itemIndex: number,
	customerId: string,
	call: SubscriberCall,
	settings: RequestSettings,
): Promise<IDataObject> {
	const body = await spreedlyAnswer(
		ctx,
		{
			method: call.method,
			path: subscriberPath(customerId, call.action),
			xml: call.xml,
			idempotent: call.idempotent,
			notFoundMessage: call.notFoundMessage ?? notFoundMessage(customerId),
			statusHints: call.statusHints,
			emptySuccess:
				call.method === 'GET' ? { record: `subscriber "${customerId}"` } : { done: { customerId } },
		},
		itemIndex,
		settings,
	);
	return recordOrSuccess(body, { customerId });
}

/**
 * An operation on one subscriber: Customer ID, the operation's own parameters and the Options
 * collection. `buildCall` reads and checks those parameters (before any request) and says what to send.
 */
export function subscriberOperation(
	operation: string,
	properties: INodeProperties[],
	buildCall: (ctx: IExecuteFunctions, itemIndex: number, customerId: string) => SubscriberCall,
): Operation {
	return {
		sending: operation === 'get' ? READS : WRITES,
		description: forOperation('subscriber', operation, [
			subscriberField.property,
			...properties,
			optionsCollection([]),
		]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings): ItemPlan {
			const customerId = subscriberField.read(this, itemIndex);
			const call = buildCall(this, itemIndex, customerId);
			return {
				recordKey: customerId,
				send: async () => await callForSubscriber(this, itemIndex, customerId, call, settings),
			};
		},
	};
}
