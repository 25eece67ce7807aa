import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { refuseDelivery, secretsMatch, POST_WEBHOOK, setupNotice } from '../shared/webhook';
import { nodeState } from '../shared/staticData';
import { asWaldurEvent } from './trigger/delivery';
import { WALDUR_CREDIT_EVENT_TYPES } from './trigger/eventTypes';
import type { WaldurTriggerState } from './trigger/registration';
import {
	deleteHooksExceptOwn,
	deleteHooksForUrl,
	registerHook,
	registrationsOf,
	TOKEN_PARAMETER,
} from './trigger/registration';

export class WaldurTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Waldur Trigger',
		name: 'waldurTrigger',
		icon: { light: 'file:../../icons/waldur.svg', dark: 'file:../../icons/waldur.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		// n8n's node creator merges this node with the Waldur node into one entry and shows this text on it.
		description:
			'Create, top up, list and retire Waldur project and customer credits; start a workflow on credit events (reduced, set to zero, created or updated by staff)',
		defaults: { name: 'Waldur Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'waldurApi', required: true }],
		webhooks: POST_WEBHOOK,
		properties: [
			setupNotice(
				"On activation the node registers a webhook at Waldur (Hooks → Web hooks) and removes it on deactivation, so there is nothing to set up there. The registered URL is the one under Webhook URLs above plus a secret token, and deliveries without that token are refused. Waldur must reach this n8n: it may refuse a private or local address. The hook belongs to the credential's user and only gets events that user may see.",
			),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: WALDUR_CREDIT_EVENT_TYPES,
				default: [],
				required: true,
				description:
					'The credit event types Waldur sends. Names differ by Waldur version (2024 releases use the shorter names; 8.0.5 splits them into customer and project events): pick the ones your server knows, it refuses others.',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await deleteHooksExceptOwn(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registerHook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteHooksForUrl(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Waldur signs nothing: only a delivery to the URL with this node's secret token is accepted.
		const token = (this.getQueryData() as Record<string, unknown>)[TOKEN_PARAMETER];
		const registrations = Object.values(registrationsOf(nodeState<WaldurTriggerState>(this)));
		const known =
			typeof token === 'string' &&
			registrations.some((registration) => secretsMatch(token, registration.token));
		if (!known) return refuseDelivery(this, 401, 'Unknown delivery URL');

		const event = asWaldurEvent(this.getBodyData());
		if (typeof event === 'string') return refuseDelivery(this, 400, event);
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(event.event_type)) {
			return refuseDelivery(this, 400, `Event type ${event.event_type} is not selected`);
		}
		return { workflowData: [this.helpers.returnJsonArray(event)] };
	}
}
