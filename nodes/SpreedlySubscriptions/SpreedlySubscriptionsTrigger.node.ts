import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { endpointAddedByHand, refuseDelivery, POST_WEBHOOK, setupNotice } from '../shared/webhook';
import { changedCustomerIds, fetchSubscribers } from './trigger/notification';

export class SpreedlySubscriptionsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Spreedly Subscriptions Trigger',
		name: 'spreedlySubscriptionsTrigger',
		icon: {
			light: 'file:../../icons/spreedlySubscriptions.svg',
			dark: 'file:../../icons/spreedlySubscriptions.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: 'Subscribers changed',
		// n8n's node creator merges this node with the Spreedly Subscriptions node into one entry and shows this text on it.
		description:
			'Manage Spreedly (Pin Payments) Subscriptions subscribers: free trials, complimentary time, fees, store credit and plans; start a workflow when subscribers change',
		defaults: { name: 'Spreedly Subscriptions Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'spreedlySubscriptionsApi', required: true }],
		webhooks: POST_WEBHOOK,
		properties: [
			setupNotice(
				'Spreedly has no API to register this node\'s URL: in Spreedly edit your site\'s settings, paste the Production URL shown under Webhook URLs above into "Subscribers Changed Notification URL" and save. Spreedly then posts the changed customer IDs and retries until it gets a 200.',
			),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Subscribers',
						name: 'fetchSubscribers',
						type: 'boolean',
						default: true,
						description:
							'Whether to fetch each changed subscriber (GET subscribers/&lt;ID&gt;.xml) and output it as Subscriber → Get does. When off, each item has only the customer ID. The notification carries no details and is unsigned, so the fetched record is the one to trust.',
					},
				],
			},
		],
	};

	webhookMethods = endpointAddedByHand();

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const customerIds = changedCustomerIds(this.getBodyData());
		if (!customerIds) return refuseDelivery(this, 400, 'The body has no subscriber_ids');

		const fetch = this.getNodeParameter('options.fetchSubscribers', true) as boolean;
		if (!fetch) {
			const items = customerIds.map((customerId): IDataObject => ({ customerId }));
			return { workflowData: [this.helpers.returnJsonArray(items)] };
		}
		// Spreedly retries until it gets a 200, and fetching many subscribers takes a while: answer first.
		this.getResponseObject().status(200).json({ received: customerIds.length });
		const records = await fetchSubscribers(this, customerIds);
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(records)] };
	}
}
