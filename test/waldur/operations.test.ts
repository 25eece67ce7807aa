import type { IDataObject } from 'n8n-workflow';

import { AUTH, BASE, expectOneCall, waldur, outputOf, runWaldur } from './helpers';
import type { Reply } from '../harness/mockApi';
import {
	CUSTOMER_CREDIT_UUID,
	CUSTOMER_UUID,
	customerCreditRecord,
	OFFERING_UUID,
	PROJECT_CREDIT_UUID,
	PROJECT_UUID,
	projectCreditRecord,
} from './records';

const PROJECT_CREDIT = `/api/project-credits/${PROJECT_CREDIT_UUID}/`;
const CUSTOMER_CREDIT = `/api/customer-credits/${CUSTOMER_CREDIT_UUID}/`;
const PROJECT_URL = `${BASE}/api/projects/${PROJECT_UUID}/`;
const CUSTOMER_URL = `${BASE}/api/customers/${CUSTOMER_UUID}/`;
const OTHER_PROJECT = 'ffffffffeeeeddddccccbbbbbbbbbbbb';
const OFFERING_URL = `${BASE}/api/marketplace-provider-offerings/${OFFERING_UUID}/`;

interface WireCase {
	parameters: IDataObject;
	/** The one request the node must send: method, path, query and JSON body (undefined: none). */
	request: { method: string; path: string; query?: Record<string, string>; body?: unknown };
	reply: Reply;
	output: IDataObject[];
}

// The customer filters both kinds of credit have, as parameters and as the query Waldur reads.
const CUSTOMER_FILTERS = {
	customerUuid: '0A1B2C3D-4E5F-4071-8293-A4B5C6D7E8F9',
	customerName: 'Tartu',
	customerSlug: 'ut',
	query: 'univ',
};
const CUSTOMER_QUERY = {
	customer_uuid: CUSTOMER_UUID,
	customer_name: 'Tartu',
	customer_slug: 'ut',
	query: 'univ',
};

const project = (parameters: IDataObject) => ({ resource: 'projectCredit', ...parameters });
const customer = (parameters: IDataObject) => ({ resource: 'customerCredit', ...parameters });
const ok = (body: IDataObject, status = 200): Reply => ({ status, body });

const createdProjectCredit = projectCreditRecord({
	value: '0.30',
	expected_consumption: '0.10000',
	grace_coefficient: '15',
	end_date: '2027-03-01',
});
const createdCustomerCredit = customerCreditRecord({
	offerings: [OFFERING_URL],
	value: '25000.12345',
});

const cases: Record<string, WireCase> = {
	'project credit: get by UUID in the dashed upper-case form': {
		parameters: project({ operation: 'get', uuid: 'B3F1C2D4-E5A6-4789-B0C1-D2E3F4A5B6C7' }),
		request: { method: 'GET', path: PROJECT_CREDIT },
		reply: ok(projectCreditRecord()),
		output: [projectCreditRecord()],
	},
	'project credit: list with every filter and the ordering as snake_case query parameters': {
		parameters: project({
			operation: 'getAll',
			returnAll: true,
			filters: { projectUuid: PROJECT_UUID, projectName: 'Genome', ...CUSTOMER_FILTERS },
			options: { ordering: '-expected_consumption' },
		}),
		request: {
			method: 'GET',
			path: '/api/project-credits/',
			query: {
				project_uuid: PROJECT_UUID,
				project_name: 'Genome',
				...CUSTOMER_QUERY,
				o: '-expected_consumption',
				page_size: '100',
			},
		},
		reply: { status: 200, body: [projectCreditRecord()], headers: { 'X-Result-Count': '1' } },
		output: [projectCreditRecord()],
	},
	'project credit: list sorted by several fields, given as comma-separated text': {
		parameters: project({
			operation: 'getAll',
			limit: 3,
			options: { ordering: 'value, -end_date' },
		}),
		request: {
			method: 'GET',
			path: '/api/project-credits/',
			query: { o: 'value,-end_date', page_size: '3' },
		},
		reply: { status: 200, body: [], headers: { 'X-Result-Count': '0' } },
		output: [],
	},
	'project credit: create from a project UUID, decimals exactly as typed': {
		parameters: project({
			operation: 'create',
			project: PROJECT_UUID,
			value: '0.30',
			additionalFields: {
				endDate: '2027-03-01T00:00:00',
				expectedConsumption: '0.10000',
				minimalConsumptionLogic: 'linear',
				graceCoefficient: '15',
				applyAsMinimalConsumption: false,
				markUnusedCreditAsSpentOnProjectTermination: true,
			},
		}),
		request: {
			method: 'POST',
			path: '/api/project-credits/',
			body: {
				project: PROJECT_URL,
				value: '0.30',
				end_date: '2027-03-01',
				expected_consumption: '0.10000',
				minimal_consumption_logic: 'linear',
				grace_coefficient: '15',
				apply_as_minimal_consumption: false,
				mark_unused_credit_as_spent_on_project_termination: true,
			},
		},
		reply: ok(createdProjectCredit, 201),
		output: [createdProjectCredit],
	},
	'project credit: create from a project URL, sent as it is': {
		parameters: project({ operation: 'create', project: PROJECT_URL, value: '1500' }),
		request: {
			method: 'POST',
			path: '/api/project-credits/',
			body: { project: PROJECT_URL, value: '1500' },
		},
		reply: ok(projectCreditRecord(), 201),
		output: [projectCreditRecord()],
	},
	'project credit: create from a project URL without its trailing slash, which Waldur needs': {
		parameters: project({
			operation: 'create',
			project: PROJECT_URL.slice(0, -1),
			value: '={{ 1500 }}',
			additionalFields: {
				endDate: '2027-01-01T23:30:00-05:00',
				applyAsMinimalConsumption: '={{ "true" }}',
			},
		}),
		request: {
			method: 'POST',
			path: '/api/project-credits/',
			body: {
				project: PROJECT_URL,
				value: '1500',
				end_date: '2027-01-01',
				apply_as_minimal_consumption: true,
			},
		},
		reply: ok(projectCreditRecord(), 201),
		output: [projectCreditRecord()],
	},
	'project credit: create with the End Date given as a month, sent as its first day': {
		parameters: project({
			operation: 'create',
			project: PROJECT_UUID,
			value: '1500',
			additionalFields: { endDate: ' 2027-03 ' },
		}),
		request: {
			method: 'POST',
			path: '/api/project-credits/',
			body: { project: PROJECT_URL, value: '1500', end_date: '2027-03-01' },
		},
		reply: ok(projectCreditRecord(), 201),
		output: [projectCreditRecord()],
	},
	'project credit: replace with PUT, project, value and the additional fields': {
		parameters: project({
			operation: 'replace',
			uuid: PROJECT_CREDIT_UUID,
			project: PROJECT_UUID,
			value: '2000.50',
			additionalFields: { endDate: '2026-12-01' },
		}),
		request: {
			method: 'PUT',
			path: PROJECT_CREDIT,
			body: { project: PROJECT_URL, value: '2000.50', end_date: '2026-12-01' },
		},
		reply: ok(projectCreditRecord({ value: '2000.50' })),
		output: [projectCreditRecord({ value: '2000.50' })],
	},
	'project credit: update with PATCH, only the fields given': {
		parameters: project({
			operation: 'update',
			uuid: PROJECT_CREDIT_UUID,
			updateFields: { value: '1750.25', applyAsMinimalConsumption: false },
		}),
		request: {
			method: 'PATCH',
			path: PROJECT_CREDIT,
			body: { value: '1750.25', apply_as_minimal_consumption: false },
		},
		reply: ok(projectCreditRecord({ value: '1750.25' })),
		output: [projectCreditRecord({ value: '1750.25' })],
	},
	'project credit: move to another project with PATCH': {
		parameters: project({
			operation: 'update',
			uuid: PROJECT_CREDIT_UUID,
			updateFields: { project: OTHER_PROJECT },
		}),
		request: {
			method: 'PATCH',
			path: PROJECT_CREDIT,
			body: { project: `${BASE}/api/projects/${OTHER_PROJECT}/` },
		},
		reply: ok(projectCreditRecord()),
		output: [projectCreditRecord()],
	},
	'project credit: delete, 204 becomes { success: true, uuid }': {
		parameters: project({ operation: 'delete', uuid: PROJECT_CREDIT_UUID }),
		request: { method: 'DELETE', path: PROJECT_CREDIT },
		reply: { status: 204 },
		output: [{ success: true, uuid: PROJECT_CREDIT_UUID }],
	},
	'customer credit: list with the customer filters and ordering, up to the limit': {
		parameters: customer({
			operation: 'getAll',
			limit: 5,
			filters: CUSTOMER_FILTERS,
			options: { ordering: '-customer_name' },
		}),
		request: {
			method: 'GET',
			path: '/api/customer-credits/',
			query: { ...CUSTOMER_QUERY, o: '-customer_name', page_size: '5' },
		},
		reply: { status: 200, body: [customerCreditRecord()], headers: { 'X-Result-Count': '1' } },
		output: [customerCreditRecord()],
	},
	'customer credit: get': {
		parameters: customer({ operation: 'get', uuid: CUSTOMER_CREDIT_UUID }),
		request: { method: 'GET', path: CUSTOMER_CREDIT },
		reply: ok(customerCreditRecord()),
		output: [customerCreditRecord()],
	},
	'customer credit: create for a customer UUID, with offerings and decimals as typed': {
		parameters: customer({
			operation: 'create',
			customer: CUSTOMER_UUID,
			value: '25000.12345',
			additionalFields: {
				offerings: OFFERING_URL,
				endDate: '2027-01-01',
				expectedConsumption: '2000',
				graceCoefficient: '0',
				minimalConsumptionLogic: 'linear',
			},
		}),
		request: {
			method: 'POST',
			path: '/api/customer-credits/',
			body: {
				customer: CUSTOMER_URL,
				value: '25000.12345',
				offerings: [OFFERING_URL],
				end_date: '2027-01-01',
				expected_consumption: '2000',
				grace_coefficient: '0',
				minimal_consumption_logic: 'linear',
			},
		},
		reply: ok(createdCustomerCredit, 201),
		output: [createdCustomerCredit],
	},
	'customer credit: replace with PUT': {
		parameters: customer({
			operation: 'replace',
			uuid: CUSTOMER_CREDIT_UUID,
			customer: CUSTOMER_URL,
			value: '12000.00',
		}),
		request: {
			method: 'PUT',
			path: CUSTOMER_CREDIT,
			body: { customer: CUSTOMER_URL, value: '12000.00' },
		},
		reply: ok(customerCreditRecord({ value: '12000.00' })),
		output: [customerCreditRecord({ value: '12000.00' })],
	},
	'customer credit: update with PATCH, only the fields given': {
		parameters: customer({
			operation: 'update',
			uuid: CUSTOMER_CREDIT_UUID,
			updateFields: { expectedConsumption: '1200.00' },
		}),
		request: { method: 'PATCH', path: CUSTOMER_CREDIT, body: { expected_consumption: '1200.00' } },
		reply: ok(customerCreditRecord({ expected_consumption: '1200.00' })),
		output: [customerCreditRecord({ expected_consumption: '1200.00' })],
	},
	'customer credit: delete': {
		parameters: customer({ operation: 'delete', uuid: CUSTOMER_CREDIT_UUID }),
		request: { method: 'DELETE', path: CUSTOMER_CREDIT },
		reply: { status: 204 },
		output: [{ success: true, uuid: CUSTOMER_CREDIT_UUID }],
	},
};

describe('every Waldur operation on the wire', () => {
	it.each(Object.entries(cases))('%s', async (_name, { parameters, request, reply, output }) => {
		waldur.intercept(request.method, request.path).reply(reply);

		const result = await runWaldur(parameters);

		expect(result.error).toBeUndefined();
		expectOneCall({
			method: request.method,
			path: request.path,
			query: request.query ?? {},
			body: request.body,
		});
		expect(waldur.requests()[0].headers.accept).toBe('application/json');
		if (request.body !== undefined)
			expect(waldur.requests()[0].headers['content-type']).toMatch(/^application\/json/);
		expect(outputOf(result)).toEqual(output);
	});

	it('customer credit: the monthly consumptions, one item per month, over every page', async () => {
		const path = `${CUSTOMER_CREDIT}consumptions/`;
		const next = `${BASE}${path}?page=2&page_size=100`;
		const months = Array.from({ length: 101 }, (_, index) => ({
			date: new Date(Date.UTC(2017, index, 1)).toISOString().slice(0, 10),
			price: `${index}.50`,
		}));
		waldur.intercept('GET', path).reply({
			status: 200,
			body: months.slice(0, 100),
			headers: { Link: `<${next}>; rel="next"`, 'X-Result-Count': '101' },
		});
		waldur.intercept('GET', path).reply({
			status: 200,
			body: months.slice(100),
			headers: { 'X-Result-Count': '101' },
		});

		const result = await runWaldur(
			customer({ operation: 'getConsumptions', uuid: CUSTOMER_CREDIT_UUID }),
		);

		expect(result.error).toBeUndefined();
		expect(waldur.requests().map((call) => call.url)).toEqual([
			`${BASE}${path}?page_size=100`,
			next,
		]);
		expect(waldur.requests().every((call) => call.headers.authorization === AUTH)).toBe(true);
		expect(outputOf(result)).toEqual(months);
	});
});
