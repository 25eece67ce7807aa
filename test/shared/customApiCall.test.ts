import type { ICredentialDataDecryptedObject, ICredentialType, INodeType } from 'n8n-workflow';

import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { SpreedlySubscriptionsApi } from '../../credentials/SpreedlySubscriptionsApi.credentials';
import { VoyadoEngageApi } from '../../credentials/VoyadoEngageApi.credentials';
import { WaldurApi } from '../../credentials/WaldurApi.credentials';
import { SignTraker } from '../../nodes/SignTraker/SignTraker.node';
import { SpreedlySubscriptions } from '../../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import { VoyadoEngage } from '../../nodes/VoyadoEngage/VoyadoEngage.node';
import { Waldur } from '../../nodes/Waldur/Waldur.node';
import { runNode } from '../harness/harness';

const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

/** What n8n's LoadNodesAndCredentials.injectCustomApiCallOptions does to a node whose credential has `authenticate`. */
function withCustomApiCall(node: INodeType): INodeType {
	for (const property of node.description.properties) {
		if (['resource', 'operation'].includes(property.name) && Array.isArray(property.options))
			property.options.push({ name: 'Custom API Call', value: CUSTOM_API_CALL });
	}
	return node;
}

const cases: Array<
	[string, () => INodeType, ICredentialType, ICredentialDataDecryptedObject, string]
> = [
	[
		'SignTraker',
		() => new SignTraker(),
		new SignTrakerApi(),
		{ apiKey: 'k', subdomain: 'acme' },
		'agent',
	],
	[
		'Spreedly Subscriptions',
		() => new SpreedlySubscriptions(),
		new SpreedlySubscriptionsApi(),
		{ siteName: 'acme-test', apiToken: 't' },
		'subscriber',
	],
	[
		'Voyado Engage',
		() => new VoyadoEngage(),
		new VoyadoEngageApi(),
		{ baseUrl: 'https://acme.voyado.com', apiKey: 'k' },
		'pointAccount',
	],
	[
		'Waldur',
		() => new Waldur(),
		new WaldurApi(),
		{ baseUrl: 'https://waldur.example.com', token: 't' },
		'projectCredit',
	],
];

describe('Custom API Call, which n8n adds to every node of this package', () => {
	it.each(cases)(
		'%s: n8n offers it, because the credential has `authenticate`',
		(_name, _node, credential) => {
			expect(credential.authenticate).toBeDefined();
		},
	);

	// With Custom API Call as the resource the editor hides Operation, so the node gets no operation.
	const selections = cases.flatMap(([name, node, credential, data, resource]) => [
		[name, 'operation', node, credential, data, { resource, operation: CUSTOM_API_CALL }] as const,
		[name, 'resource', node, credential, data, { resource: CUSTOM_API_CALL }] as const,
	]);

	it.each(selections)(
		'%s: as the %s it points to the HTTP Request node with this credential type, and sends nothing',
		async (_name, _selected, node, credential, data, parameters) => {
			const { error, items } = await runNode({
				node: withCustomApiCall(node()),
				credentialTypes: [credential],
				credentials: { [credential.name]: data },
				parameters,
			});
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe('Custom API Call is made with the HTTP Request node');
			expect(error?.description).toContain(
				`Authentication to "Predefined Credential Type" and Credential Type to "${credential.displayName}"`,
			);
			expect(items).toHaveLength(0);
		},
	);
});
