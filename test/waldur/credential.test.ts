import { WaldurApi } from '../../credentials/WaldurApi.credentials';
import { sendCredentialTest } from '../harness/credentialTest';
import { BASE, waldur, runWaldur, TOKEN } from './helpers';
import { PROJECT_CREDIT_UUID, projectCreditRecord } from './records';

const credential = new WaldurApi();
describe('the Waldur API credential', () => {
	it.each([
		'https://waldur.example.com',
		'https://waldur.example.com/',
		' https://waldur.example.com// ',
	])(
		'tests GET <base>/api/project-credits/?page_size=1 with "Authorization: Token <token>" for the base URL %p',
		async (baseUrl) => {
			waldur.intercept('GET', '/api/project-credits/').reply({ status: 200, body: [] });
			expect(await sendCredentialTest(credential, { baseUrl, token: TOKEN })).toBe(200);
			expect(waldur.requests()).toHaveLength(1);
			expect(waldur.requests()[0]).toMatchObject({
				path: '/api/project-credits/',
				query: { page_size: '1' },
			});
			expect(waldur.requests()[0].headers.authorization).toBe(`Token ${TOKEN}`);
		},
	);

	it('keeps the token out of sight in the editor', () => {
		expect(
			credential.properties.find((property) => property.name === 'token')?.typeOptions?.password,
		).toBe(true);
	});
});

describe('the base URL in use', () => {
	it('tolerates trailing slashes', async () => {
		waldur.intercept('GET', `/api/project-credits/${PROJECT_CREDIT_UUID}/`).reply({
			status: 200,
			body: projectCreditRecord(),
		});

		await runWaldur(
			{ resource: 'projectCredit', operation: 'get', uuid: PROJECT_CREDIT_UUID },
			{ credentials: { waldurApi: { baseUrl: `${BASE}///`, token: TOKEN } } },
		);

		expect(waldur.requests()[0].url).toBe(`${BASE}/api/project-credits/${PROJECT_CREDIT_UUID}/`);
	});

	it('refuses a base URL that is not an http(s) address, without sending anything', async () => {
		const result = await runWaldur(
			{ resource: 'projectCredit', operation: 'get', uuid: PROJECT_CREDIT_UUID },
			{ credentials: { waldurApi: { baseUrl: 'waldur.example.com', token: TOKEN } } },
		);

		expect(result.error?.message).toBe(
			'The Waldur credential\'s base URL "waldur.example.com" is not an http(s) address',
		);
		expect(waldur.requests()).toEqual([]);
	});
});
