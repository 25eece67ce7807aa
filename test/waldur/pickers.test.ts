import type { IDataObject } from 'n8n-workflow';

import { WaldurApi } from '../../credentials/WaldurApi.credentials';
import { Waldur } from '../../nodes/Waldur/Waldur.node';
import { pickersOf, runListSearch } from '../harness/listSearch';
import { AUTH, BASE, waldur, outputOf, runWaldur, TOKEN } from './helpers';
import {
	CUSTOMER_CREDIT_UUID,
	CUSTOMER_UUID,
	customerCreditRecord,
	PROJECT_CREDIT_UUID,
	PROJECT_UUID,
	projectCreditRecord,
} from './records';

function search(method: string, filter?: string, paginationToken?: string) {
	return runListSearch({
		node: new Waldur(),
		credentialTypes: [new WaldurApi()],
		credentials: { waldurApi: { baseUrl: `${BASE}/`, token: TOKEN } },
		method,
		parameterPath: 'project',
		parameters: { resource: 'projectCredit', operation: 'create' },
		filter,
		paginationToken,
	});
}

const project = (uuid: string, name: string): IDataObject => ({
	uuid,
	url: `${BASE}/api/projects/${uuid}/`,
	name,
	customer_name: 'University of Tartu',
});
const nextLink = (path: string, query: string) => ({
	Link: `<${BASE}${path}?${query}>; rel="next"`,
});

describe('Waldur pickers', () => {
	it('offer projects, customers and credits wherever the node takes one', () => {
		const found = pickersOf(new Waldur()).map(({ name, method }) => `${name}:${method}`);
		expect(new Set(found)).toEqual(
			new Set([
				'uuid:searchProjectCredits',
				'uuid:searchCustomerCredits',
				'project:searchProjects',
				'customer:searchCustomers',
			]),
		);
	});

	it('search projects by name, shown with their customer, sorted by name', async () => {
		waldur.intercept('GET', '/api/projects/').reply({
			status: 200,
			body: [project(PROJECT_UUID, 'Genome assembly')],
			headers: { 'X-Result-Count': '1' },
		});
		expect(await search('searchProjects', ' genome ')).toEqual({
			results: [{ name: 'Genome assembly (University of Tartu)', value: PROJECT_UUID }],
		});
		expect(waldur.requests()[0]).toMatchObject({
			path: '/api/projects/',
			query: { name: 'genome', o: 'name', page_size: '50' },
		});
		expect(waldur.requests()[0].headers.authorization).toBe(AUTH);
	});

	it('follow the Link header: the next link is the page token, sent to the credential host', async () => {
		const second = 'name=lab&o=name&page=2&page_size=50';
		waldur.intercept('GET', '/api/projects/').reply({
			status: 200,
			body: [project(PROJECT_UUID, 'Lab 1')],
			headers: nextLink('/api/projects/', second),
		});
		const first = await search('searchProjects', 'lab');
		expect(first.paginationToken).toBe(`${BASE}/api/projects/?${second}`);

		waldur.intercept('GET', '/api/projects/').reply({
			status: 200,
			body: [project(CUSTOMER_UUID, 'Lab 2')],
		});
		// A proxy may write another host into its links; the token only ever goes to the credential's host.
		const moved = first.paginationToken!.replace(BASE, 'http://internal:8000');
		const page = await search('searchProjects', 'lab', moved);
		expect(page).toEqual({
			results: [{ name: 'Lab 2 (University of Tartu)', value: CUSTOMER_UUID }],
		});
		expect(waldur.requests()[1].url).toBe(`${BASE}/api/projects/?${second}`);
	});

	it('search customers by name', async () => {
		waldur.intercept('GET', '/api/customers/').reply({
			status: 200,
			body: [{ uuid: CUSTOMER_UUID, name: 'University of Tartu' }],
		});
		expect(await search('searchCustomers', 'tartu')).toEqual({
			results: [{ name: 'University of Tartu', value: CUSTOMER_UUID }],
		});
		expect(waldur.requests()[0].query).toEqual({ name: 'tartu', o: 'name', page_size: '50' });
	});

	it('show credits with their project or customer name and value, searched with query', async () => {
		waldur.intercept('GET', '/api/project-credits/').reply({
			status: 200,
			body: [projectCreditRecord()],
		});
		expect(await search('searchProjectCredits', 'genome')).toEqual({
			results: [{ name: 'Genome assembly: 1500.00', value: PROJECT_CREDIT_UUID }],
		});
		expect(waldur.requests()[0].query).toEqual({
			query: 'genome',
			o: 'project_name',
			page_size: '50',
		});

		waldur.intercept('GET', '/api/customer-credits/').reply({
			status: 200,
			body: [customerCreditRecord()],
		});
		expect(await search('searchCustomerCredits')).toEqual({
			results: [{ name: 'University of Tartu: 10000.00', value: CUSTOMER_CREDIT_UUID }],
		});
		expect(waldur.requests()[1].query).toEqual({ o: 'customer_name', page_size: '50' });
	});

	it('answer an empty list with no entries and no token', async () => {
		waldur.intercept('GET', '/api/customers/').reply({ status: 200, body: [] });
		expect(await search('searchCustomers', 'nobody')).toEqual({ results: [] });
	});

	it("show Waldur's own words when the token is refused", async () => {
		waldur
			.intercept('GET', '/api/projects/')
			.reply({ status: 401, body: { detail: 'Invalid token.' } });
		await expect(search('searchProjects')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Invalid token.',
			httpCode: '401',
		});
	});
});

describe('Waldur IDs in picker shape', () => {
	const picked = (value: string) => ({ __rl: true, mode: 'list', value });
	const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });

	it('creates a credit for a picked project, linked by URL', async () => {
		waldur
			.intercept('POST', '/api/project-credits/')
			.reply({ status: 201, body: projectCreditRecord() });
		const result = await runWaldur({
			resource: 'projectCredit',
			operation: 'create',
			project: picked(PROJECT_UUID),
			value: '1500',
		});
		expect(result.error).toBeUndefined();
		expect(waldur.requests()[0].body).toEqual({
			project: `${BASE}/api/projects/${PROJECT_UUID}/`,
			value: '1500',
		});
	});

	it('moves a credit given By URL to a customer given By URL (PATCH)', async () => {
		waldur.intercept('PATCH', `/api/customer-credits/${CUSTOMER_CREDIT_UUID}/`).reply({
			status: 200,
			body: customerCreditRecord(),
		});
		const customerUrl = `${BASE}/api/customers/${CUSTOMER_UUID}/`;
		const result = await runWaldur({
			resource: 'customerCredit',
			operation: 'update',
			uuid: byUrl(`${BASE}/api/customer-credits/${CUSTOMER_CREDIT_UUID}/`),
			updateFields: { customer: byUrl(customerUrl) },
		});
		expect(outputOf(result)).toEqual([customerCreditRecord()]);
		expect(waldur.requests()[0].body).toEqual({ customer: customerUrl });
	});

	it('gets the consumptions of a picked customer credit', async () => {
		waldur.intercept('GET', `/api/customer-credits/${CUSTOMER_CREDIT_UUID}/consumptions/`).reply({
			status: 200,
			body: [{ date: '2026-01-01', price: '10.00' }],
		});
		const result = await runWaldur({
			resource: 'customerCredit',
			operation: 'getConsumptions',
			uuid: picked(CUSTOMER_CREDIT_UUID),
		});
		expect(outputOf(result)).toEqual([{ date: '2026-01-01', price: '10.00' }]);
	});

	it('refuses a credit URL of the other kind of credit, naming the parameter', async () => {
		const result = await runWaldur(
			{
				resource: 'projectCredit',
				operation: 'get',
				uuid: '={{ $json.url }}',
			},
			{ items: [{ url: `${BASE}/api/customer-credits/${CUSTOMER_CREDIT_UUID}/` }] },
		);
		expect(result.error?.message).toMatch(
			/^The parameter "Credit UUID" must be a Waldur UUID .* or a URL such as https:\/\/waldur.example.com\/api\/project-credits\/<uuid>\/, got/,
		);
		expect(waldur.requests()).toHaveLength(0);
	});

	it('refuses an Update Fields project whose picker was left empty', async () => {
		const result = await runWaldur({
			resource: 'projectCredit',
			operation: 'update',
			uuid: PROJECT_CREDIT_UUID,
			updateFields: { project: picked('') },
		});
		expect(result.error?.message).toBe(
			'The parameter "Project" is empty: give it a value or remove it (item 0)',
		);
	});
});
