import { VoyadoEngageApi } from '../../credentials/VoyadoEngageApi.credentials';
import { resolveCredentialExpression } from '../harness/harness';
import { API_KEY, BASE, engage, runVoyado, USER_AGENT } from './helpers';

const credential = new VoyadoEngageApi();

describe('Voyado Engage credential', () => {
	it('is named as the contract says, flags the API key as a password and has an icon and documentation', () => {
		expect(credential.name).toBe('voyadoEngageApi');
		expect(credential.displayName).toBe('Voyado Engage API');
		expect(credential.properties.map((property) => property.name)).toEqual(['baseUrl', 'apiKey']);
		const apiKey = credential.properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
		expect(credential.icon).toBeDefined();
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
	});

	it('authenticates with the apikey header, not Bearer', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { apikey: '={{$credentials.apiKey}}' } },
		});
	});

	it.each([
		['https://acme.voyado.com', 'https://acme.voyado.com'],
		['https://acme.staging.voyado.com/', 'https://acme.staging.voyado.com'],
		[' https://acme.voyado.com// ', 'https://acme.voyado.com'],
	])('the test request resolves the base URL %j to %s', (baseUrl, expected) => {
		expect(
			resolveCredentialExpression(credential.test.request.baseURL as string, {
				apiKey: API_KEY,
				baseUrl,
			}),
		).toBe(expected);
	});

	it('tests with GET /api/v2/point-accounts/definitions?offset=0&count=1 and the headers Engage needs', () => {
		const { request } = credential.test;
		expect(request.method ?? 'GET').toBe('GET');
		expect(request.url).toBe('/api/v2/point-accounts/definitions');
		expect(request.qs).toEqual({ offset: 0, count: 1 });
		expect(request.headers).toMatchObject({
			'Content-Type': 'application/json',
			'User-Agent': USER_AGENT,
		});
	});

	it('names the package and its version in the User-Agent', () => {
		expect(USER_AGENT).toMatch(/^n8n-nodes-credits\/\d+\.\d+\.\d+/);
	});

	it('sends apikey, User-Agent and Content-Type: application/json on a GET, and tolerates a trailing slash', async () => {
		const scope = engage().get('/api/v2/point-accounts/7').reply(200, { id: 7 });
		const { items } = await runVoyado(
			{ resource: 'pointAccount', operation: 'get', accountId: '7' },
			{ credentials: { voyadoEngageApi: { apiKey: API_KEY, baseUrl: `${BASE}/` } } },
		);
		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.json)).toEqual([{ id: 7 }]);
	});

	it('does not send Authorization', async () => {
		const scope = engage()
			.get('/api/v2/point-accounts/7')
			.reply(function () {
				return [200, { authorization: this.req.headers.authorization ?? null }];
			});
		const { items } = await runVoyado({
			resource: 'pointAccount',
			operation: 'get',
			accountId: '7',
		});
		expect(scope.isDone()).toBe(true);
		expect(items[0].json).toEqual({ authorization: null });
	});

	it('fails before any request when the base URL is not an http(s) address', async () => {
		const { error } = await runVoyado(
			{ resource: 'pointAccount', operation: 'get', accountId: '7' },
			{ credentials: { voyadoEngageApi: { apiKey: API_KEY, baseUrl: 'acme.voyado.com' } } },
		);
		expect(error?.message).toBe(
			'The Voyado Engage credential\'s base URL "acme.voyado.com" is not an http(s) address',
		);
		expect(error?.message).not.toContain(API_KEY);
	});
});
