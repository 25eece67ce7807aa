import type { ICredentialDataDecryptedObject, ICredentialType, INodeType } from 'n8n-workflow';

import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { SpreedlySubscriptionsApi } from '../../credentials/SpreedlySubscriptionsApi.credentials';
import { VoyadoEngageApi } from '../../credentials/VoyadoEngageApi.credentials';
import { WaldurApi } from '../../credentials/WaldurApi.credentials';
import { SignTraker } from '../../nodes/SignTraker/SignTraker.node';
import { SpreedlySubscriptions } from '../../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import { VoyadoEngage } from '../../nodes/VoyadoEngage/VoyadoEngage.node';
import { Waldur } from '../../nodes/Waldur/Waldur.node';
import { runListSearch } from '../harness/listSearch';
import { useSandbox } from './sandboxProcess';

const sandbox = useSandbox();

interface Provider {
	node: INodeType;
	credentialType: ICredentialType;
	credentials: (url: string) => ICredentialDataDecryptedObject;
}

const providers: Record<string, Provider> = {
	signTraker: {
		node: new SignTraker(),
		credentialType: new SignTrakerApi(),
		credentials: (url) => ({ apiKey: 'sandbox-signtraker-key', baseUrl: `${url}/signtraker` }),
	},
	voyado: {
		node: new VoyadoEngage(),
		credentialType: new VoyadoEngageApi(),
		credentials: (url) => ({ apiKey: 'sandbox-voyado-key', baseUrl: `${url}/voyado` }),
	},
	waldur: {
		node: new Waldur(),
		credentialType: new WaldurApi(),
		credentials: (url) => ({ token: 'sandbox-waldur-token', baseUrl: `${url}/waldur` }),
	},
	spreedly: {
		node: new SpreedlySubscriptions(),
		credentialType: new SpreedlySubscriptionsApi(),
		credentials: (url) => ({
			siteName: 'sandbox-test',
			apiToken: 'sandbox-spreedly-token',
			baseUrl: `${url}/spreedly`,
		}),
	},
};

/** A picker's list search, sent through n8n-core's LoadOptionsContext to the sandbox over HTTP. */
async function pick(provider: string, method: string, filter?: string, paginationToken?: string) {
	const { node, credentialType, credentials } = providers[provider];
	const { results, paginationToken: next } = await runListSearch({
		node,
		credentialTypes: [credentialType],
		credentials: { [credentialType.name]: credentials(sandbox().url) },
		method,
		parameterPath: 'id',
		filter,
		paginationToken,
	});
	return {
		names: results.map((entry) => entry.name),
		values: results.map((entry) => entry.value),
		next,
	};
}

describe('sandbox: every picker gets a filled list', () => {
	it.each([
		[
			'signTraker',
			'searchAgents',
			['Jane Doe (jane@example.com)', 'John Smith (john@example.com)'],
		],
		[
			'voyado',
			'searchDefinitions',
			[
				'Bonus points (Points earned on purchases)',
				'Level points (Points that decide the membership level)',
			],
		],
		['waldur', 'searchProjects', ['Climate Models (Acme Research)', 'Genome Lab (Acme Research)']],
		['waldur', 'searchCustomers', ['Acme Research']],
		['waldur', 'searchProjectCredits', ['Genome Lab: 500.00']],
		['waldur', 'searchCustomerCredits', ['Acme Research: 10000.00']],
		[
			'spreedly',
			'searchPlans',
			[
				'Personal (personal), 19 USD, 1 month',
				'Team (team), 49 USD, 1 month',
				'Corporate (corporate), 99 USD, 1 month [disabled]',
				'Free Trial (free), 0 USD, 14 days',
			],
		],
		[
			'spreedly',
			'searchSubscribers',
			['alice (alice@example.com), ID 1001', 'bob (bob@example.com), ID 1002'],
		],
		['spreedly', 'searchFeatureLevels', ['personal', 'team', 'corporate', 'free']],
	])('%s %s', async (provider, method, names) => {
		const { names: shown, next } = await pick(provider, method);
		expect(shown).toEqual(names);
		expect(next).toBeUndefined();
	});

	it.each([
		['signTraker', 'searchAgents', 'SMITH', ['102']],
		['signTraker', 'searchAgents', 'jane@', ['101']],
		['voyado', 'searchDefinitions', 'level', ['2']],
		['waldur', 'searchProjects', 'genome', ['3d9a6f0e2c1b4a7d8e5f6a7b8c9d0e11']],
		['waldur', 'searchCustomers', 'nobody', []],
		['waldur', 'searchProjectCredits', 'acme', ['9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c51']],
		['spreedly', 'searchPlans', 'team', ['43']],
		['spreedly', 'searchSubscribers', 'bob', ['1002']],
		['spreedly', 'searchFeatureLevels', 'corp', ['corporate']],
	])('%s %s searches "%s"', async (provider, method, filter, values) => {
		expect((await pick(provider, method, filter)).values).toEqual(values);
	});

	it('SignTraker pages agents with $top/$skip and searches them with contains(tolower(…))', async () => {
		const headers = { Authorization: 'ST-API sandbox-signtraker-key' };
		const second = await sandbox().request(
			'/signtraker/api/agents?$orderby=LastName&$top=1&$skip=1',
			{
				headers,
			},
		);
		expect(second.json()).toEqual([expect.objectContaining({ Id: 102 })]);
		const filter = encodeURIComponent(
			"contains(tolower(Email),'john') or startswith(LastName,'D')",
		);
		const found = await sandbox().request(`/signtraker/api/agents?$filter=${filter}`, { headers });
		expect(found.json<Array<{ Id: number }>>().map((agent) => agent.Id)).toEqual([101, 102]);
	});

	it('Waldur pages projects with a Link header, which the picker follows as its token', async () => {
		const first = await sandbox().request('/waldur/api/projects/?o=name&page_size=1', {
			headers: { Authorization: 'Token sandbox-waldur-token' },
		});
		expect(first.json()).toEqual([expect.objectContaining({ name: 'Climate Models' })]);
		const next = /<([^>]*)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
		expect(next).toMatch(/page=2/);
		expect((await pick('waldur', 'searchProjects', undefined, next)).names).toEqual([
			'Genome Lab (Acme Research)',
		]);
	});
});
