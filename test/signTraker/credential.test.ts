import nock from 'nock';

import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { resolveCredentialExpression } from '../harness/harness';
import { API_KEY, BASE, runSignTraker } from './helpers';

const credential = new SignTrakerApi();

describe('SignTraker credential', () => {
	it('flags the API key as a password and has an icon and documentation', () => {
		const apiKey = credential.properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
		expect(credential.icon).toBeDefined();
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
	});

	it.each([
		[{ subdomain: 'acme' }, 'https://acme.signtraker.com'],
		[{ subdomain: ' acme ', baseUrl: '' }, 'https://acme.signtraker.com'],
		[{ subdomain: 'acme', baseUrl: 'https://st.example.com/' }, 'https://st.example.com'],
		[{ subdomain: '', baseUrl: 'https://st.example.com///' }, 'https://st.example.com'],
	])('the test request resolves %j to %s', (data, expected) => {
		const baseUrl = resolveCredentialExpression(credential.test.request.baseURL as string, {
			apiKey: API_KEY,
			...data,
		});
		expect(baseUrl).toBe(expected);
		expect(credential.test.request.url).toBe('/api/credits/awards');
		expect(credential.test.request.qs).toEqual({ $top: 1 });
	});

	it('sends Authorization: ST-API <key> on every request', async () => {
		const scope = nock(BASE)
			.get('/api/agents/7')
			.matchHeader('authorization', `ST-API ${API_KEY}`)
			.reply(200, { Id: 7 });
		const { items } = await runSignTraker({ resource: 'agent', operation: 'get', agentId: '7' });
		expect(items.map((item) => item.json)).toEqual([{ Id: 7 }]);
		expect(scope.isDone()).toBe(true);
	});

	it('uses the base URL instead of the subdomain and tolerates a trailing slash', async () => {
		const scope = nock('https://signtraker.internal.example')
			.get('/api/agents/7')
			.reply(200, { Id: 7 });
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
		expect(scope.isDone()).toBe(true);
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
