import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { sendCredentialTest } from '../harness/credentialTest';
import { API_KEY, BASE, runSignTraker } from './helpers';
import { mockApi } from '../harness/mockApi';

const credential = new SignTrakerApi();

describe('SignTraker credential', () => {
	it('flags the API key as a password', () => {
		const apiKey = credential.properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
	});

	it.each([
		[{ subdomain: 'acme' }, 'https://acme.signtraker.com'],
		[{ subdomain: ' acme ', baseUrl: '' }, 'https://acme.signtraker.com'],
		[{ subdomain: 'acme', baseUrl: 'https://st.example.com/' }, 'https://st.example.com'],
		[{ subdomain: '', baseUrl: 'https://st.example.com///' }, 'https://st.example.com'],
	])(
		'the test request for %j is GET %s/api/credits/awards?$top=1 with the key',
		async (data, host) => {
			mockApi(host)
				.get('/api/credits/awards')
				.query({ $top: 1 })
				.matchHeader('authorization', `ST-API ${API_KEY}`)
				.reply(200, []);
			expect(await sendCredentialTest(credential, { apiKey: API_KEY, ...data })).toBe(200);
		},
	);

	it('sends Authorization: ST-API <key> on every request', async () => {
		mockApi(BASE)
			.get('/api/agents/7')
			.matchHeader('authorization', `ST-API ${API_KEY}`)
			.reply(200, { Id: 7 });
		const { items } = await runSignTraker({ resource: 'agent', operation: 'get', agentId: '7' });
		expect(items.map((item) => item.json)).toEqual([{ Id: 7 }]);
	});

	it('uses the base URL instead of the subdomain and tolerates a trailing slash', async () => {
		mockApi('https://signtraker.internal.example').get('/api/agents/7').reply(200, { Id: 7 });
		const { items } = await runSignTraker(
			{ resource: 'agent', operation: 'get', agentId: '7' },
			{
				credentials: {
					signTrakerApi: {
						apiKey: API_KEY,
						subdomain: 'acme',
						baseUrl: 'https://signtraker.internal.example/',
					},
				},
			},
		);
		expect(items).toHaveLength(1);
	});

	it('fails before any request when neither subdomain nor base URL is set', async () => {
		const { error } = await runSignTraker(
			{ resource: 'agent', operation: 'get', agentId: '7' },
			{ credentials: { signTrakerApi: { apiKey: API_KEY } } },
		);
		expect(error?.message).toBe('The SignTraker credential has neither a subdomain nor a base URL');
		expect(error?.description).toContain('subdomain');
	});

	it('rejects a subdomain that is not a host name part', async () => {
		const { error } = await runSignTraker(
			{ resource: 'agent', operation: 'get', agentId: '7' },
			{ credentials: { signTrakerApi: { apiKey: API_KEY, subdomain: 'acme.evil.com/x?' } } },
		);
		expect(error?.message).toContain('is not a valid host name part');
	});
});
