import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RunOptions, RunResult } from '../harness/harness';
import { API_KEY as ST_KEY, BASE as ST_BASE, runSignTraker } from '../signTraker/helpers';
import { API as SP_API, HOST as SP_HOST, runSpreedly } from '../spreedlySubscriptions/helpers';
import {
	addFromItems,
	API_KEY as VO_KEY,
	BASE as VO_BASE,
	purchases,
	TRANSACTIONS,
} from '../voyadoEngage/helpers';
import { runVoyado } from '../voyadoEngage/helpers';
import { BASE as WA_BASE, runWaldur } from '../waldur/helpers';
import { skipBackoffSleeps } from '../harness/backoff';
import { mockApi } from '../harness/mockApi';

const UUID = 'a1b2c3d4e5f67890abcdef1234567890';

type ErrorFacts = (items: INodeExecutionData[]) => IDataObject[];

/**
 * Continue On Fail puts `{ error, httpCode, description }` in the main output. The error output
 * (output 1) takes only items holding nothing but error/message/details, merged with the input item.
 */
const MODES: Array<
	[string, Partial<RunOptions>, (result: RunResult) => INodeExecutionData[], ErrorFacts]
> = [
	[
		'Continue On Fail',
		{ continueOnFail: true },
		(result) => result.outputs[0],
		(items) => items.filter((item) => item.json.error !== undefined).map((item) => item.json),
	],
	[
		'On Error → Continue (using error output)',
		{ onError: 'continueErrorOutput' },
		(result) => result.outputs[1] ?? [],
		(items) => items.map(({ json }) => ({ error: json.error, ...(json.details as IDataObject) })),
	],
];

describe.each(MODES)('error items with %s', (_mode, runOptions, errorOutput, errorJson) => {
	skipBackoffSleeps();
	afterEach(() => jest.restoreAllMocks());

	it('SignTraker: an API failure carries message, httpCode and hint, paired with its item', async () => {
		mockApi(ST_BASE).get('/api/agents/1').reply(200, { Id: 1 });
		mockApi(ST_BASE)
			.get('/api/agents/2')
			.reply(503, { Message: 'SignTraker is down for maintenance.' });
		const result = await runSignTraker(
			{
				resource: 'agent',
				operation: 'get',
				agentId: '={{ $json.id }}',
				options: { maxRetries: 0 },
			},
			{ ...runOptions, items: [{ id: 1 }, { id: 2 }] },
		);
		const errors = errorOutput(result).filter((item) => item.json.error !== undefined);
		expect(errorJson(errors)).toEqual([
			{
				error: 'SignTraker is down for maintenance.',
				httpCode: '503',
				description: expect.stringContaining('Try again later'),
			},
		]);
		expect(errors[0].pairedItem).toEqual({ item: 1 });
		expect(result.outputs[0].find((item) => item.json.Id === 1)?.pairedItem).toEqual({ item: 0 });
	});

	it('SignTraker: a rejected API key says so in the hint and never shows the key', async () => {
		mockApi(ST_BASE)
			.get('/api/agents/1')
			.reply(401, { Message: `Invalid key ${ST_KEY}` });
		const result = await runSignTraker(
			{ resource: 'agent', operation: 'get', agentId: '1' },
			runOptions,
		);
		const [item] = errorJson(errorOutput(result));
		expect(item).toEqual({
			error: 'Invalid key [redacted]',
			httpCode: '401',
			description: expect.stringContaining('Check the API key'),
		});
		expect(JSON.stringify(result.outputs)).not.toContain(ST_KEY);
	});

	it('a bad parameter becomes an error item with its hint and no httpCode', async () => {
		const result = await runSignTraker(
			{ resource: 'agent', operation: 'getAll', filters: { email: '' } },
			runOptions,
		);
		expect(errorJson(errorOutput(result))).toEqual([
			{
				error: 'The parameter "Email" is empty (item 0)',
				description: 'Give a value, or remove the Email filter to list every record.',
			},
		]);
	});

	it('Waldur: a 404 names the credit, with httpCode and hint', async () => {
		mockApi(WA_BASE).get(`/api/project-credits/${UUID}/`).reply(404, {});
		const result = await runWaldur(
			{ resource: 'projectCredit', operation: 'get', uuid: UUID },
			runOptions,
		);
		expect(errorJson(errorOutput(result))).toEqual([
			{
				error: `No Waldur project credit with UUID ${UUID} was found, or the credential may not see it`,
				httpCode: '404',
				description: expect.stringContaining('Check the ID'),
			},
		]);
	});

	it('Voyado Engage: a failed read carries httpCode and hint', async () => {
		mockApi(VO_BASE).get('/api/v2/point-accounts/7').reply(403, { message: 'Forbidden' });
		const result = await runVoyado(
			{ resource: 'pointAccount', operation: 'get', accountId: 7 },
			runOptions,
		);
		expect(errorJson(errorOutput(result))).toEqual([
			{ error: 'Forbidden', httpCode: '403', description: expect.stringContaining('refused') },
		]);
		expect(JSON.stringify(result.outputs)).not.toContain(VO_KEY);
	});

	// The items Engage answered are in the output themselves (accepted: true); the stop error lists them.
	it('Voyado Engage: a failed batch tells each of its items which batch failed', async () => {
		mockApi(VO_BASE).post(TRANSACTIONS).reply(200, {});
		mockApi(VO_BASE).post(TRANSACTIONS).reply(400, { message: 'The request is invalid.' });
		const result = await runVoyado(
			{ ...addFromItems, options: { batchSize: 1 } },
			{ ...runOptions, items: purchases(2) },
		);
		const errors = errorOutput(result).filter((item) => item.json.error !== undefined);
		expect(errorJson(errors)).toEqual([
			{
				error: 'The request is invalid.',
				httpCode: '400',
				description: expect.stringContaining('Batch 2 of 2 (items 1) failed.'),
			},
		]);
		expect(errors[0].pairedItem).toEqual({ item: 1 });
	});

	it('Spreedly: an unknown subscriber carries httpCode and hint', async () => {
		mockApi(SP_HOST).get(`${SP_API}/subscribers/7.xml`).reply(404, '');
		const result = await runSpreedly(
			{ resource: 'subscriber', operation: 'get', customerId: '7' },
			runOptions,
		);
		expect(errorJson(errorOutput(result))).toEqual([
			{
				error: 'There is no Spreedly subscriber with customer ID "7"',
				httpCode: '404',
				description: expect.stringContaining('Check the ID'),
			},
		]);
	});
});
