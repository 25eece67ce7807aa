import type { ICredentialType, IHttpRequestOptions } from 'n8n-workflow';

import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { SpreedlySubscriptionsApi } from '../../credentials/SpreedlySubscriptionsApi.credentials';
import { VoyadoEngageApi } from '../../credentials/VoyadoEngageApi.credentials';
import { WaldurApi } from '../../credentials/WaldurApi.credentials';

type Authenticate = (
	credentials: Record<string, unknown>,
	request: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/** A request as the nodes' transport hands it to n8n's credentials helper. */
const request = (): IHttpRequestOptions => ({
	method: 'GET',
	url: 'https://api.example.com/x',
	headers: { Accept: 'application/json', 'User-Agent': 'n8n-nodes-credits' },
	qs: { page: 2 },
});

const cases: Array<
	[string, ICredentialType, Record<string, unknown>, Partial<IHttpRequestOptions>]
> = [
	[
		'SignTraker',
		new SignTrakerApi(),
		{ apiKey: 'st-key', subdomain: 'acme' },
		{ headers: { ...request().headers, Authorization: 'ST-API st-key' } },
	],
	[
		'Voyado Engage',
		new VoyadoEngageApi(),
		{ apiKey: 'vy-key', baseUrl: 'https://acme.voyado.com' },
		{ headers: { ...request().headers, apikey: 'vy-key' } },
	],
	[
		'Waldur',
		new WaldurApi(),
		{ token: 'wd-token', baseUrl: 'https://waldur.example.com' },
		{ headers: { ...request().headers, Authorization: 'Token wd-token' } },
	],
	[
		'Spreedly Subscriptions',
		new SpreedlySubscriptionsApi(),
		{ apiToken: 'sp-token', siteName: 'acme-test' },
		{ headers: request().headers, auth: { username: 'sp-token', password: 'X' } },
	],
];

describe('credential authenticate', () => {
	it.each(cases)(
		'%s: a function, so n8n evaluates no expression per request',
		(_name, credential) => {
			// n8n resolves a generic `{{$credentials.…}}` form as an expression on every request.
			expect(typeof credential.authenticate).toBe('function');
		},
	);

	it.each(cases)(
		'%s: adds the secret and keeps the rest of the request, without changing the original',
		async (_name, credential, values, expected) => {
			const original = request();
			const authenticated = await (credential.authenticate as Authenticate)(values, original);
			expect(authenticated).toEqual({ ...request(), ...expected });
			expect(original).toEqual(request());
		},
	);

	it('renders a missing secret as empty text, as the generic form did', async () => {
		const authenticated = await (new WaldurApi().authenticate as Authenticate)({}, request());
		expect(authenticated.headers?.Authorization).toBe('Token ');
	});
});
