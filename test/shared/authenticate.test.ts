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

/** What authenticating adds to `request()`: a header, or HTTP Basic `auth`. */
type Added = { header: Record<string, string> } | { auth: IHttpRequestOptions['auth'] };
const withHeaders = (added: Added): Partial<IHttpRequestOptions> =>
	'auth' in added
		? { headers: request().headers, auth: added.auth }
		: { headers: { ...request().headers, ...added.header } };

const cases: Array<[string, ICredentialType, Record<string, unknown>, Added]> = [
	[
		'SignTraker',
		new SignTrakerApi(),
		{ apiKey: 'st-key' },
		{ header: { Authorization: 'ST-API st-key' } },
	],
	['Voyado Engage', new VoyadoEngageApi(), { apiKey: 'vy-key' }, { header: { apikey: 'vy-key' } }],
	[
		'Waldur',
		new WaldurApi(),
		{ token: 'wd-token' },
		{ header: { Authorization: 'Token wd-token' } },
	],
	[
		'Spreedly Subscriptions',
		new SpreedlySubscriptionsApi(),
		{ apiToken: 'sp-token' },
		{ auth: { username: 'sp-token', password: 'X' } },
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
		async (_name, credential, values, added) => {
			const original = request();
			const authenticated = await (credential.authenticate as Authenticate)(values, original);
			expect(authenticated).toEqual({ ...request(), ...withHeaders(added) });
			expect(original).toEqual(request());
		},
	);

	it('renders a missing secret as empty text, as the generic form did', async () => {
		const authenticated = await (new WaldurApi().authenticate as Authenticate)({}, request());
		expect(authenticated.headers?.Authorization).toBe('Token ');
	});
});
