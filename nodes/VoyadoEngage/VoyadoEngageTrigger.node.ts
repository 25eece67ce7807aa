import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	acknowledgeDelivery,
	endpointAddedByHand,
	headerOf,
	rawBodyBytesOf,
	refuseDelivery,
	POST_WEBHOOK,
	setupNotice,
} from '../shared/webhook';
import { nodeState } from '../shared/staticData';
import { VOYADO_EVENTS } from './trigger/events';
import { alreadyDelivered, rememberDelivery } from './trigger/replay';
import { signingKeyOf, svixHeadersOf, verifySvixDelivery } from './trigger/svix';

const CREDENTIAL_TYPE = 'voyadoEngageWebhookApi';

function parseJsonObject(text: string): IDataObject | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return value !== null && typeof value === 'object' && !Array.isArray(value)
			? (value as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

export class VoyadoEngageTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Voyado Engage Trigger',
		name: 'voyadoEngageTrigger',
		icon: {
			light: 'file:../../icons/voyadoEngage.svg',
			dark: 'file:../../icons/voyadoEngage.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ") || "every event"}}',
		// n8n's node creator merges this node with the Voyado Engage node into one entry and shows this text on it.
		description:
			'Give loyalty points in Voyado Engage (by contact ID, email, mobile phone or member number), find contacts and read point accounts, definitions and transactions; start a workflow on its webhook events (points, vouchers, contacts)',
		defaults: { name: 'Voyado Engage Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'voyadoEngageWebhookApi', required: true, testedBy: 'signingSecretTest' },
		],
		webhooks: POST_WEBHOOK,
		properties: [
			setupNotice(
				"Engage has no API to register this node's URL, so add it by hand: in your Engage environment's webhook (Svix) portal add an endpoint with the Production URL shown under Webhook URLs above, subscribe it to the same events, and copy the endpoint's Signing Secret (whsec_…) into the credential. Voyado enables the portal for your environment on request.",
			),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: VOYADO_EVENTS,
				default: [],
				description:
					'The event types that start the workflow; other verified events are acknowledged and ignored. Leave empty for every event the endpoint receives.',
			},
		],
	};

	methods = {
		credentialTest: {
			async signingSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.signingSecret ?? '');
				if (!signingKeyOf(secret)) {
					return {
						status: 'Error',
						message:
							'This is not a Svix signing secret: expected whsec_ followed by base64, as the Svix portal shows it',
					};
				}
				return {
					status: 'OK',
					message:
						'The secret has the whsec_ form. Engage offers nothing to check it against: the first signed delivery proves it.',
				};
			},
		},
	};

	webhookMethods = endpointAddedByHand();

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const key = signingKeyOf(String(credentials.signingSecret ?? ''));
		if (!key) {
			return refuseDelivery(
				this,
				401,
				'The signing secret in the credential is not a whsec_ secret, so no delivery can be verified',
			);
		}
		const headers = svixHeadersOf((name) => headerOf(this, name));
		const rawBody = rawBodyBytesOf(this);
		const verdict = verifySvixDelivery(headers, rawBody, key, Math.floor(Date.now() / 1000));
		if (!verdict.valid) return refuseDelivery(this, 401, verdict.reason);

		const event = parseJsonObject(rawBody?.toString('utf8') ?? '');
		if (!event) return refuseDelivery(this, 400, 'The body is not a JSON object');

		const events = this.getNodeParameter('events', []) as string[];
		if (events.length > 0 && !events.includes(String(event.eventType))) {
			return acknowledgeDelivery(`Event type ${String(event.eventType)} is not selected`);
		}

		const state = nodeState(this);
		if (alreadyDelivered(state, headers.id)) {
			return acknowledgeDelivery(`Delivery ${headers.id} was already received`);
		}
		rememberDelivery(state, headers.id);
		return { workflowData: [this.helpers.returnJsonArray(event)] };
	}
}
