import type { IDataObject } from 'n8n-workflow';

import { BASE, runWaldur, waldur } from './helpers';
import { PROJECT_CREDIT_UUID, PROJECT_UUID } from './records';

const create = {
	resource: 'projectCredit',
	operation: 'create',
	project: PROJECT_UUID,
	value: '100',
};

/** Runs the node with inputs that must be refused before any request; returns the error message. */
async function refusal(
	parameters: IDataObject,
	items?: IDataObject[],
): Promise<string | undefined> {
	const result = await runWaldur(parameters, { items });
	expect(waldur.requests()).toEqual([]);
	expect(result.items).toEqual([]);
	return result.error?.message;
}

describe('bad inputs are refused before any request', () => {
	it.each([
		[
			'a UUID that is not one',
			{ resource: 'projectCredit', operation: 'get', uuid: '12345' },
			/"Credit UUID" must be a Waldur UUID \(32 hex digits, dashes allowed\) or a URL such as https:\/\/waldur.example.com\/api\/project-credits\/<uuid>\/, got "12345" \(item 0\)/,
		],
		[
			'a UUID with a path in it',
			{
				resource: 'customerCredit',
				operation: 'delete',
				uuid: '../customers/0a1b2c3d4e5f40718293a4b5c6d7e8f9',
			},
			/"Credit UUID" must be a Waldur UUID/,
		],
		[
			'a project that is neither UUID nor URL',
			{ ...create, project: 'genome-assembly' },
			/"Project" must be a UUID or a full URL such as https:\/\/waldur\.example\.com\/api\/projects\/<uuid>\//,
		],
		// n8n itself refuses literally empty required parameters (tested below); blank or missing values from expressions are the node's to catch.
		[
			'a blank UUID',
			{
				resource: 'projectCredit',
				operation: 'replace',
				uuid: '={{ " " }}',
				project: PROJECT_UUID,
				value: '1',
			},
			/"Credit UUID" is required but empty/,
		],
		[
			'a project from a missing field',
			{ ...create, project: '={{ $json.missing }}' },
			/"Project" is required but empty/,
		],
		[
			'a value from a missing field',
			{ ...create, value: '={{ $json.missing }}' },
			/"Value" is required but empty/,
		],
		[
			'a blank customer',
			{ resource: 'customerCredit', operation: 'create', customer: ' ', value: '1' },
			/"Customer" is required but empty/,
		],
		[
			'an end date that is not the first of a month',
			{ ...create, additionalFields: { endDate: '2026-07-15' } },
			/"End Date" must be the first day of a month, such as 2026-07-01, got "2026-07-15"/,
		],
		[
			'an end date that does not exist',
			{ ...create, additionalFields: { endDate: '2026-02-30' } },
			/"End Date" must be a real date such as 2026-07-01 \(a time after it is ignored\), got "2026-02-30" \(February 2026 has no day 30\)/,
		],
		[
			'an end month that does not exist',
			{ ...create, additionalFields: { endDate: '2026-13' } },
			/"End Date" must be a real date such as 2026-07-01 .*got "2026-13" \(item 0\)/,
		],
		[
			'an end date with a typo after the date part (never cut down to 2027-01-01)',
			{ ...create, additionalFields: { endDate: '2027-01-015' } },
			/"End Date" must be a real date such as 2026-07-01 .*got "2027-01-015" \(item 0\)/,
		],
		[
			'an end date followed by text that is not a time',
			{ ...create, additionalFields: { endDate: '2027-01-01 next year' } },
			/"End Date" must be a real date such as 2026-07-01/,
		],
		[
			'an end date left empty in Update Fields (it would not be cleared)',
			{
				resource: 'projectCredit',
				operation: 'update',
				uuid: PROJECT_CREDIT_UUID,
				updateFields: { endDate: '', value: '10' },
			},
			/"End Date" is empty: give it a value or remove it \(item 0\)/,
		],
		[
			'an additional field from an expression that gave nothing',
			{ ...create, additionalFields: { expectedConsumption: '={{ $json.missing }}' } },
			/"Expected Consumption" is empty: give it a value or remove it/,
		],
		[
			'a yes/no field from an expression that is not true or false',
			{ ...create, additionalFields: { applyAsMinimalConsumption: '={{ "yes" }}' } },
			/"Apply as Minimal Consumption" must be true or false, got "yes" \(item 0\)/,
		],
		[
			'a minimal consumption logic Waldur does not know',
			{ ...create, additionalFields: { minimalConsumptionLogic: '={{ "exponential" }}' } },
			/"Minimal Consumption Logic" must be one of fixed, linear, got "exponential"/,
		],
		[
			'a project URL that points at another kind of object',
			{ ...create, project: `${BASE}/api/customers/${PROJECT_UUID}/` },
			/"Project" must be a UUID or a full URL such as https:\/\/waldur\.example\.com\/api\/projects\/<uuid>\/, got "https:\/\/waldur\.example\.com\/api\/customers\//,
		],
		[
			'a project URL without a UUID',
			{ ...create, project: `${BASE}/api/projects/genome-assembly/` },
			/"Project" must be a UUID or a full URL/,
		],
		[
			'a value with six decimals',
			{ ...create, value: '10.123456' },
			/"Value" must be a decimal number with at most 11 digits before the dot and 5 after it/,
		],
		[
			'a value with twelve digits',
			{ ...create, value: '123456789012' },
			/"Value" must be a decimal number with at most 11 digits/,
		],
		[
			'a value with a decimal comma',
			{ ...create, value: '10,50' },
			/"Value" must be a decimal number/,
		],
		[
			'a value in exponent notation',
			{ ...create, value: '1e5' },
			/"Value" must be a decimal number/,
		],
		['a negative value', { ...create, value: '-5' }, /"Value" must not be negative, got "-5"/],
		[
			'a fractional grace coefficient',
			{ ...create, additionalFields: { graceCoefficient: '12.5' } },
			/"Grace Coefficient \(%\)" must be a whole number of at most 3 digits/,
		],
		[
			'an expected consumption that is not a number',
			{ ...create, additionalFields: { expectedConsumption: 'lots' } },
			/"Expected Consumption" must be a decimal number/,
		],
		[
			'an offering that is not a URL',
			{
				resource: 'customerCredit',
				operation: 'create',
				customer: PROJECT_UUID,
				value: '1',
				additionalFields: { offerings: 'hpc-cloud' },
			},
			/"Offering URLs" must list full URLs, got "hpc-cloud"/,
		],
		[
			'an update with no fields',
			{
				resource: 'projectCredit',
				operation: 'update',
				uuid: PROJECT_CREDIT_UUID,
				updateFields: {},
			},
			/"Update Fields" is empty: add at least one field to change/,
		],
		[
			'a filter UUID that is not one',
			{ resource: 'projectCredit', operation: 'getAll', filters: { projectUuid: 'genome' } },
			/"Project UUID" must be a Waldur UUID/,
		],
		[
			'an ordering Waldur does not know',
			{ resource: 'customerCredit', operation: 'getAll', options: { ordering: 'project_name' } },
			/"Sort By" must be one of customer_name, -customer_name, .*got "project_name"/,
		],
		[
			'a limit of zero',
			{ resource: 'projectCredit', operation: 'getAll', limit: 0 },
			/"Limit" must be a whole number of 1 or more/,
		],
	])('%s', async (_name, parameters, message) => {
		expect(await refusal(parameters)).toMatch(message);
	});

	it.each([
		['Credit UUID', { resource: 'projectCredit', operation: 'get', uuid: '' }],
		['Project', { ...create, project: '' }],
		['Value', { ...create, value: '' }],
	])('a missing "%s" stops the workflow before it runs', async (label, parameters) => {
		await expect(runWaldur(parameters)).rejects.toThrow(`Parameter "${label}" is required`);
		expect(waldur.requests()).toEqual([]);
	});

	it('a float from an expression (0.1 + 0.2) never reaches the wire', async () => {
		const result = await runWaldur(
			{ ...create, value: '={{ $json.a + $json.b }}' },
			{ items: [{ a: 0.1, b: 0.2 }] },
		);

		expect(waldur.requests()).toEqual([]);
		expect(result.error?.message).toMatch(
			/"Value" must be a decimal number .* got 0\.30000000000000004 \(item 0\)/,
		);
		expect(result.error?.description).toMatch(/float rounding/);
	});

	it('names the item that was wrong and sends nothing, not even the good items before it', async () => {
		const result = await runWaldur(
			{ ...create, value: '={{ $json.value }}' },
			{ items: [{ value: '5.5' }, { value: '5.5.5' }] },
		);

		expect(waldur.requests()).toEqual([]);
		expect(result.error?.message).toMatch(
			/"Value" must be a decimal number .* got "5\.5\.5" \(item 1\)/,
		);
	});
});
