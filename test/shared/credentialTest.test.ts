import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialTestRequest,
	IDataObject,
	INodeType,
} from 'n8n-workflow';

import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { SpreedlySubscriptionsApi } from '../../credentials/SpreedlySubscriptionsApi.credentials';
import { VoyadoEngageApi } from '../../credentials/VoyadoEngageApi.credentials';
import { WaldurApi } from '../../credentials/WaldurApi.credentials';
import { runNode } from '../harness/harness';
import { mockApi } from '../harness/mockApi';

type TestedCredential = ICredentialType & { test: ICredentialTestRequest };

/** The node n8n's CredentialsTester builds to send a credential's test request (a declarative node). */
function credentialTestNode(credential: TestedCredential): INodeType {
	return {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credential.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: credential.test.request },
					default: '',
				},
			],
		},
	};
}

/**
 * The rule message n8n's CredentialsTester.runRequestTest shows for the test request's HTTP status
 * (undefined: it shows the status text, e.g. "Unauthorized"). n8n reads the status from the error's
 * cause, the HTTP client's error; the engine's copy of the error keeps it as httpCode.
 */
function ruleMessageFor(credential: TestedCredential, error: IDataObject | undefined) {
	const status = Number(error?.httpCode);
	if (!Number.isInteger(status))
		throw new Error(`the test request did not fail with an HTTP status: ${error?.message}`);
	const rule = credential.test.rules?.find(
		(candidate) => candidate.type === 'responseCode' && candidate.properties.value === status,
	);
	return rule?.properties.message as string | undefined;
}

async function runCredentialTest(
	credential: TestedCredential,
	data: ICredentialDataDecryptedObject,
) {
	const { error } = await runNode({
		node: credentialTestNode(credential),
		credentialTypes: [credential],
		credentials: { [credential.name]: data },
		parameters: {},
	});
	return ruleMessageFor(credential, error);
}

interface Case {
	credential: TestedCredential;
	data: ICredentialDataDecryptedObject;
	host: string;
	path: string;
	status: number;
	/** The provider's own error body for this status (the sandbox answers the same). */
	body: string | IDataObject;
	shows: RegExp;
}

const signTraker = { apiKey: 'wrong', subdomain: 'acme' };
const voyado = { baseUrl: 'https://acme.voyado.com', apiKey: 'wrong' };
const waldur = { baseUrl: 'https://waldur.example.com/', token: 'wrong' };
const spreedly = { siteName: 'acme-test', apiToken: 'wrong' };

const cases: Record<string, Case> = {
	'SignTraker 401': {
		credential: new SignTrakerApi(),
		data: signTraker,
		host: 'https://acme.signtraker.com',
		path: '/api/credits/awards?%24top=1',
		status: 401,
		body: { Message: 'Authorization has been denied for this request.' },
		shows:
			/^SignTraker says "Authorization has been denied for this request\." \(HTTP 401\).*My Profile/,
	},
	'SignTraker 404 (a wrong subdomain)': {
		credential: new SignTrakerApi(),
		data: signTraker,
		host: 'https://acme.signtraker.com',
		path: '/api/credits/awards?%24top=1',
		status: 404,
		body: '',
		shows: /^SignTraker has no API at this address \(HTTP 404\)\. Check the subdomain/,
	},
	'Voyado Engage 401': {
		credential: new VoyadoEngageApi(),
		data: voyado,
		host: 'https://acme.voyado.com',
		path: '/api/v2/point-accounts/definitions?offset=0&count=1',
		status: 401,
		body: '',
		shows:
			/^Voyado Engage did not accept the API key \(HTTP 401\)\. Check the key in Engage Config Hub → API connections/,
	},
	'Voyado Engage 403 (the IP allowlist)': {
		credential: new VoyadoEngageApi(),
		data: voyado,
		host: 'https://acme.voyado.com',
		path: '/api/v2/point-accounts/definitions?offset=0&count=1',
		status: 403,
		body: '',
		shows: /IP allowlist/,
	},
	'Waldur 401': {
		credential: new WaldurApi(),
		data: waldur,
		host: 'https://waldur.example.com',
		path: '/api/project-credits/?page_size=1',
		status: 401,
		body: { detail: 'Invalid token.' },
		shows:
			/^Waldur says "Invalid token\." or "Token has expired\." \(HTTP 401\)\. Copy a current token/,
	},
	'Waldur 404 (a base URL with /api)': {
		credential: new WaldurApi(),
		data: waldur,
		host: 'https://waldur.example.com',
		path: '/api/project-credits/?page_size=1',
		status: 404,
		body: { detail: 'Not found.' },
		shows: /without \/api\//,
	},
	'Spreedly 401': {
		credential: new SpreedlySubscriptionsApi(),
		data: spreedly,
		host: 'https://spreedly.com',
		path: '/api/v4/acme-test/subscription_plans.xml',
		status: 401,
		body: 'HTTP Basic: Access denied.\n',
		shows: /^Spreedly says "HTTP Basic: Access denied\." \(HTTP 401\).*API authentication token/,
	},
	'Spreedly 404 (a wrong site name)': {
		credential: new SpreedlySubscriptionsApi(),
		data: spreedly,
		host: 'https://spreedly.com',
		path: '/api/v4/acme-test/subscription_plans.xml',
		status: 404,
		body: 'The page you were looking for does not exist.',
		shows: /^Spreedly has no site of this name.*Check the site name/,
	},
};

describe('a failing credential test shows what the provider said and what to check', () => {
	it.each(Object.entries(cases))('%s', async (_name, testCase) => {
		// After a 401 n8n-core sends the request once more, in case refreshing the credential helps.
		mockApi(testCase.host)
			.get(testCase.path)
			.times(testCase.status === 401 ? 2 : 1)
			.reply(testCase.status, testCase.body);
		const shown = await runCredentialTest(testCase.credential, testCase.data);
		expect(shown).toMatch(testCase.shows);
	});

	it('leaves a status no rule covers to n8n (it shows the status text)', async () => {
		const credential = new WaldurApi();
		mockApi('https://waldur.example.com').get('/api/project-credits/?page_size=1').reply(500, {});
		expect(await runCredentialTest(credential, waldur)).toBeUndefined();
	});

	it.each([
		new SignTrakerApi(),
		new VoyadoEngageApi(),
		new WaldurApi(),
		new SpreedlySubscriptionsApi(),
	])('$displayName: one rule per status, each naming the status', (credential) => {
		const rules = credential.test.rules ?? [];
		const statuses = rules.map((rule) => rule.properties.value);
		expect(new Set(statuses).size).toBe(statuses.length);
		expect(statuses).toContain(401);
		for (const rule of rules)
			expect(rule.properties.message).toContain(`(HTTP ${rule.properties.value})`);
	});
});
