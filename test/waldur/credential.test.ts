import { WaldurApi } from '../../credentials/WaldurApi.credentials';
import { resolveCredentialExpression } from '../harness/harness';
import { BASE, calls, mockWaldur, runWaldur, TOKEN } from './helpers';
import { PROJECT_CREDIT_UUID, projectCreditRecord } from './records';
import { requestProblems } from './schema/openapi';

const credential = new WaldurApi();
/** Resolves a credential expression the way n8n does when it tests or applies a credential. */
function resolve(expression: string, credentials: Record<string, string>): unknown {
	return resolveCredentialExpression(expression, credentials);
}

describe('the Waldur API credential', () => {
	it('sends "Authorization: Token <token>"', () => {
		const header = credential.authenticate.properties.headers!.Authorization as string;
		expect(resolve(header, { token: TOKEN })).toBe(`Token ${TOKEN}`);
	});

	it.each([
		'https://waldur.example.com',
		'https://waldur.example.com/',
		' https://waldur.example.com// ',
	])('tests GET <base>/api/project-credits/?page_size=1 with the base URL %p', (baseUrl) => {
		const { request } = credential.test;
		const url = new URL(
			`${resolve(request.baseURL as string, { baseUrl, token: TOKEN }) as string}${request.url}`,
		);
		for (const [key, value] of Object.entries(request.qs ?? {}))
			url.searchParams.set(key, String(value));

		expect(url.href).toBe(`${BASE}/api/project-credits/?page_size=1`);
		expect(
			requestProblems({
				method: 'GET',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: { authorization: `Token ${TOKEN}` },
				body: undefined,
			}),
		).toEqual([]);
	});

	it('keeps the token out of sight in the editor', () => {
		expect(
			credential.properties.find((property) => property.name === 'token')?.typeOptions?.password,
		).toBe(true);
	});
});

describe('the base URL in use', () => {
	it('tolerates trailing slashes', async () => {
		mockWaldur('GET', `/api/project-credits/${PROJECT_CREDIT_UUID}/`, {
			status: 200,
			body: projectCreditRecord(),
		});

		await runWaldur(
			{ resource: 'projectCredit', operation: 'get', uuid: PROJECT_CREDIT_UUID },
			{ credentials: { waldurApi: { baseUrl: `${BASE}///`, token: TOKEN } } },
		);

		expect(calls()[0].url).toBe(`${BASE}/api/project-credits/${PROJECT_CREDIT_UUID}/`);
	});

	it('refuses a base URL that is not an http(s) address, without sending anything', async () => {
		const result = await runWaldur(
			{ resource: 'projectCredit', operation: 'get', uuid: PROJECT_CREDIT_UUID },
			{ credentials: { waldurApi: { baseUrl: 'waldur.example.com', token: TOKEN } } },
		);

		expect(result.error?.message).toBe(
			'The Waldur credential\'s base URL "waldur.example.com" is not an http(s) address',
		);
		expect(calls()).toEqual([]);
	});
});
