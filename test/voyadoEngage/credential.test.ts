import { VoyadoEngageApi } from '../../credentials/VoyadoEngageApi.credentials';
import { credentialTestRequest, sendCredentialTest } from '../harness/credentialTest';
import { API_KEY, BASE, engage, runVoyado } from './helpers';

const credential = new VoyadoEngageApi();

describe('Voyado Engage credential', () => {
	it('keeps its saved names and flags the API key as a password', () => {
		expect(credential.name).toBe('voyadoEngageApi');
		expect(credential.displayName).toBe('Voyado Engage API');
		expect(credential.properties.map((property) => property.name)).toEqual(['baseUrl', 'apiKey']);
		const apiKey = credential.properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
	});

	it.each([
		['https://acme.voyado.com', 'https://acme.voyado.com'],
		['https://acme.staging.voyado.com/', 'https://acme.staging.voyado.com'],
		[' https://acme.voyado.com// ', 'https://acme.voyado.com'],
	])(
		'tests with GET %s → %s/api/v2/point-accounts/definitions?offset=0&count=1, the apikey header (not Bearer) and the headers Engage needs',
		async (baseUrl, host) => {
			engage(host)
				.get('/api/v2/point-accounts/definitions')
				.query({ offset: 0, count: 1 })
				.reply(200, []);
			expect(await sendCredentialTest(credential, { apiKey: API_KEY, baseUrl })).toBe(200);
		},
	);

	it('sends no Authorization header: Engage takes the key only as apikey', async () => {
		const options = await credentialTestRequest(credential, { apiKey: API_KEY, baseUrl: BASE });
		expect(Object.keys(options.headers ?? {}).map((name) => name.toLowerCase())).not.toContain(
			'authorization',
		);
	});

	it('sends apikey, User-Agent and Content-Type: application/json on a GET, and tolerates a trailing slash', async () => {
		engage().get('/api/v2/point-accounts/7').reply(200, { id: 7 });
		const { items } = await runVoyado(
			{ resource: 'pointAccount', operation: 'get', accountId: '7' },
			{ credentials: { voyadoEngageApi: { apiKey: API_KEY, baseUrl: `${BASE}/` } } },
		);
		expect(items.map((item) => item.json)).toEqual([{ id: 7 }]);
	});

	it('does not send Authorization', async () => {
		engage()
			.get('/api/v2/point-accounts/7')
			.reply((request) => {
				return [200, { authorization: request.headers.authorization ?? null }];
			});
		const { items } = await runVoyado({
			resource: 'pointAccount',
			operation: 'get',
			accountId: '7',
		});
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
