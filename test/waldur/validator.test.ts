import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { customerCredit, projectCredit } from '../../nodes/Waldur/credits';
import { MONEY, PERCENTAGE } from '../../nodes/Waldur/checks';
import { waldur, runWaldur } from './helpers';
import { PROJECT_CREDIT_UUID, projectCreditRecord } from './records';
import {
	componentProblems,
	document,
	requestProblems,
	responseProblems,
	SCHEMA_FILE,
} from './schema/openapi';

const AUTHORIZED = { authorization: 'Token abc' };
const GOOD_BODY = {
	project: 'https://waldur.example.com/api/projects/6c9b2f4e1d8a4b7c9e0f1a2b3c4d5e6f/',
	value: '100.50',
};

describe("the validator for Waldur's schema", () => {
	it('accepts a valid create body', () => {
		expect(
			requestProblems({
				method: 'POST',
				path: '/api/project-credits/',
				query: {},
				headers: AUTHORIZED,
				body: GOOD_BODY,
			}),
		).toEqual([]);
	});

	it('rejects a bad body: a float value, an unknown logic, no project', () => {
		const problems = requestProblems({
			method: 'POST',
			path: '/api/project-credits/',
			query: {},
			headers: AUTHORIZED,
			body: { value: 0.30000000000000004, minimal_consumption_logic: 'exponential' },
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/body must have required property 'project'/),
				expect.stringMatching(/body\/value must be string/),
				expect.stringMatching(
					/body\/minimal_consumption_logic must be equal to one of the allowed values/,
				),
			]),
		);
	});

	it('rejects a decimal string with too many decimals and a fractional grace coefficient', () => {
		expect(
			componentProblems('PatchedProjectCreditRequest', {
				value: '1.123456',
				grace_coefficient: '10.5',
			}),
		).toEqual([
			expect.stringMatching(/\/value must match pattern/),
			expect.stringMatching(/\/grace_coefficient must match pattern/),
		]);
	});

	it('rejects unknown query parameters, unknown orderings, bad UUIDs and a missing token', () => {
		const problems = requestProblems({
			method: 'GET',
			path: '/api/project-credits/',
			query: { o: 'customer_slug', project_uuid: 'abc', page_size: 'ten', limit: '5' },
			headers: {},
			body: undefined,
		});
		expect(problems).toEqual([
			expect.stringMatching(/query o\/0 must be equal to one of the allowed values/),
			expect.stringMatching(/query project_uuid must match format "uuid"/),
			expect.stringMatching(/query page_size must be integer/),
			expect.stringMatching(/unknown query parameter "limit"/),
			expect.stringMatching(/no "Authorization: Token <key>" header/),
		]);
	});

	it('rejects paths the schema does not have, such as one without its trailing slash', () => {
		expect(
			requestProblems({
				method: 'GET',
				path: `/api/project-credits/${PROJECT_CREDIT_UUID}`,
				query: {},
				headers: AUTHORIZED,
				body: undefined,
			}),
		).toEqual([expect.stringMatching(/no such operation/)]);
		expect(
			requestProblems({
				method: 'GET',
				path: '/api/project-credits/not-a-uuid/',
				query: {},
				headers: AUTHORIZED,
				body: undefined,
			}),
		).toEqual([expect.stringMatching(/path uuid must match format "uuid"/)]);
	});

	it('rejects responses that break the schema: a missing required field, a body on 204, text for JSON', () => {
		const { uuid: _uuid, ...withoutUuid } = projectCreditRecord();
		const path = `/api/project-credits/${PROJECT_CREDIT_UUID}/`;
		expect(
			responseProblems({ method: 'GET', path }, { status: 200, headers: {}, body: withoutUuid }),
		).toEqual([expect.stringMatching(/required property 'uuid'/)]);
		expect(
			responseProblems(
				{ method: 'DELETE', path },
				{ status: 204, headers: {}, body: { ok: true } },
			),
		).toEqual([expect.stringMatching(/No response body/)]);
		expect(
			responseProblems({ method: 'GET', path }, { status: 200, headers: {}, body: '<html>' }),
		).toEqual([expect.stringMatching(/not JSON/)]);
		expect(
			responseProblems(
				{ method: 'GET', path: '/api/project-credits/' },
				{ status: 200, headers: { 'x-result-count': 'many' }, body: [] },
			),
		).toEqual([expect.stringMatching(/header x-result-count must be integer/)]);
		expect(
			responseProblems({ method: 'GET', path }, { status: 404, headers: {}, body: { detail: 42 } }),
		).toEqual([expect.stringMatching(/not a DRF error body/)]);
	});

	it('makes a test fail when a replayed response breaks the schema (the mock catches it)', async () => {
		const { customer_uuid: _dropped, ...broken } = projectCreditRecord();
		waldur.intercept('GET', `/api/project-credits/${PROJECT_CREDIT_UUID}/`).reply({
			status: 200,
			body: broken,
			violates: /required property 'customer_uuid'/,
		});

		await runWaldur({ resource: 'projectCredit', operation: 'get', uuid: PROJECT_CREDIT_UUID });

		expect(waldur.requests()).toHaveLength(1);
	});
});

describe('the node follows the schema it was written against', () => {
	const schemas = document.components.schemas as Record<
		string,
		{ properties: Record<string, { pattern?: string }>; enum?: string[] }
	>;

	it('checks decimals with the patterns the schema gives them', () => {
		expect(MONEY.format?.pattern.source).toBe(
			schemas.ProjectCreditRequest.properties.value.pattern,
		);
		expect(MONEY.format?.pattern.source).toBe(
			schemas.ProjectCreditRequest.properties.expected_consumption.pattern,
		);
		expect(MONEY.format?.pattern.source).toBe(
			schemas.CreateCustomerCreditRequest.properties.value.pattern,
		);
		expect(PERCENTAGE.format?.pattern.source).toBe(
			schemas.ProjectCreditRequest.properties.grace_coefficient.pattern,
		);
		expect(PERCENTAGE.format?.pattern.source).toBe(
			schemas.CreateCustomerCreditRequest.properties.grace_coefficient.pattern,
		);
	});

	it('offers exactly the orderings the schema lists, each ascending and descending', () => {
		const both = (fields: string[]) => fields.flatMap((field) => [field, `-${field}`]).sort();
		expect(both(projectCredit.orderings)).toEqual([...schemas.ProjectCreditOEnum.enum!].sort());
		expect(both(customerCredit.orderings)).toEqual([...schemas.CustomerCreditOEnum.enum!].sort());
	});

	it('names its public source in the header of the cut schema', () => {
		expect(readFileSync(SCHEMA_FILE, 'utf8').split('\n')[0]).toMatch(
			/^# Cut from GitHub waldur\/api-docs docs\/API\/waldur-openapi-schema-8\.0\.5\.yaml/,
		);
	});

	it('has no Waldur test that answers HTTP without the validating mock', () => {
		const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' }).filter((file) =>
			file.endsWith('.ts'),
		);
		const rawNock = files.filter((file) =>
			/from ['"]nock['"]|require\(['"]nock['"]\)/.test(readFileSync(join(__dirname, file), 'utf8')),
		);
		expect(rawNock).toEqual([]);
	});
});
