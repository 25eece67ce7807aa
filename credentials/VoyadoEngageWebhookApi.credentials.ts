import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { secretProperty } from './common';

/**
 * The signing secret of an Engage webhook endpoint (Svix). There is no request to authenticate and no
 * API to ask whether the secret is right: the Voyado Engage Trigger tests it locally (`testedBy`)
 * for the `whsec_<base64>` form, and every delivery proves it with its signature.
 */
export class VoyadoEngageWebhookApi implements ICredentialType {
	name = 'voyadoEngageWebhookApi';

	displayName = 'Voyado Engage Webhook API';

	icon: Icon = {
		light: 'file:../icons/voyadoEngage.svg',
		dark: 'file:../icons/voyadoEngage.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-credits/n8n-nodes-credits#voyado-engage-trigger';

	properties: INodeProperties[] = [
		{
			...secretProperty(
				'Signing Secret',
				'signingSecret',
				"The endpoint's signing secret from the Svix portal in Engage (Webhooks → your endpoint → Signing Secret)",
			),
			placeholder: 'whsec_…',
		},
	];
}
