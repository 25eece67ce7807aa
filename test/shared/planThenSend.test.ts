import type { IDataObject } from 'n8n-workflow';

import type { RunOptions, RunResult } from '../harness/harness';
import { BASE as ST_BASE, runSignTraker } from '../signTraker/helpers';
import {
	API as SP_API,
	HOST as SP_HOST,
	runSpreedly,
	subscriberParams,
} from '../spreedlySubscriptions/helpers';
import { BASE as WA_BASE, waldur, runWaldur } from '../waldur/helpers';
import { PROJECT_UUID, projectCreditRecord } from '../waldur/records';
import { expectNoRequests, mockApi, requests, undeclaredRequests } from '../harness/mockApi';

/** One node's write with a good item 0 and an item 1 whose named parameter is bad. */
interface Case {
	name: string;
	runner: (parameters: IDataObject, extra: Partial<RunOptions>) => Promise<RunResult>;
	parameters: IDataObject;
	items: IDataObject[];
	/** Answers item 0's request; returns a check that it was made. */
	answerItem0: () => () => boolean;
	/** Every request the node made, whoever answered it. */
	requests: () => number;
	message: string;
}

/** Every request the node made, answered or not. */
const everyRequest = () => requests().length + undeclaredRequests().length;

const cases: Case[] = [
	{
		name: 'SignTraker Credit Award → Create',
		runner: runSignTraker,
		parameters: {
			resource: 'creditAward',
			operation: 'create',
			name: '={{ $json.name }}',
			awardedTo: '42',
			totalAmount: 10,
		},
		items: [{ name: 'Spring' }, { name: '' }],
		answerItem0: () => {
			const scope = mockApi(ST_BASE)
				.post('/api/credits/awards', (body: IDataObject) => body.Name === 'Spring')
				.reply(201, { Id: 1, Name: 'Spring' });
			return () => scope.isDone();
		},
		requests: everyRequest,
		message: 'The parameter "Name" is required but empty (item 1)',
	},
	{
		name: 'Waldur Project Credit → Create',
		runner: runWaldur,
		parameters: {
			resource: 'projectCredit',
			operation: 'create',
			project: PROJECT_UUID,
			value: '={{ $json.value }}',
		},
		items: [{ value: '5.5' }, { value: '5.5.5' }],
		answerItem0: () => {
			waldur.intercept('POST', '/api/project-credits/').reply({
				status: 201,
				body: projectCreditRecord({ value: '5.5' }),
			});
			const project = `${WA_BASE}/api/projects/${PROJECT_UUID}/`;
			return () =>
				waldur.requests().length === 1 &&
				(waldur.requests()[0].body as IDataObject).project === project;
		},
		requests: everyRequest,
		message: 'must be a decimal number',
	},
	{
		name: 'Spreedly Subscriber → Add Store Credit',
		runner: runSpreedly,
		parameters: subscriberParams('addStoreCredit', {
			customerId: '={{ $json.id }}',
			amount: '={{ $json.amount }}',
		}),
		items: [
			{ id: '1', amount: '5.00' },
			{ id: '2', amount: 'five' },
		],
		answerItem0: () => {
			const scope = mockApi(SP_HOST).post(`${SP_API}/subscribers/1/credits.xml`).reply(201, '');
			return () => scope.isDone();
		},
		requests: everyRequest,
		message: '"Amount"',
	},
];

describe.each(cases)(
	'plan every item, then send: $name',
	({ runner, parameters, items, answerItem0, requests, message }) => {
		const run = async (extra: Partial<RunOptions>) => await runner(parameters, { items, ...extra });

		it('a bad item 1 stops the node before item 0 is sent, naming the parameter and the item', async () => {
			const result = await run({});
			expect(requests()).toBe(0);
			expect(result.error?.message).toContain(message);
			expect(result.error?.message).toContain('(item 1)');
			expect(result.items).toEqual([]);
		});

		it('with Continue On Fail item 0 is sent and item 1 becomes its error item', async () => {
			const item0Sent = answerItem0();
			const result = await run({ continueOnFail: true });
			expect(result.error).toBeUndefined();
			expect(item0Sent()).toBe(true);
			expect(requests()).toBe(1);
			const [first, second] = result.rawOutputs[0][0];
			expect(first.pairedItem).toEqual({ item: 0 });
			expect(first.json.error).toBeUndefined();
			expect(second.pairedItem).toEqual({ item: 1 });
			expect(second.json.error).toContain(message);
			expect(second.json.httpCode).toBeUndefined();
		});
	},
);

describe('plan every item, then send: request settings', () => {
	it('a bad Timeout in a later item of a write stops the node before any request is sent', async () => {
		const result = await runSignTraker(
			{
				resource: 'creditAward',
				operation: 'create',
				name: 'Spring',
				awardedTo: '={{ $json.id }}',
				totalAmount: 10,
				options: { timeout: '={{ $json.timeout }}' },
			},
			{
				items: [
					{ id: 1, timeout: 1000 },
					{ id: 2, timeout: -5 },
				],
			},
		);
		expectNoRequests();
		expect(result.error?.message).toBe(
			'The parameter "Timeout" must be a positive number of milliseconds (item 1)',
		);
	});

	// Reads stream (issue 21): item 1 is planned while item 0 is in flight; a read changes nothing.
	it('a bad Timeout in a later item of a read stops the node once the reads already sent are answered', async () => {
		mockApi(ST_BASE).get('/api/agents/1').reply(200, { Id: 1 });
		const result = await runSignTraker(
			{
				resource: 'agent',
				operation: 'get',
				agentId: '={{ $json.id }}',
				options: { timeout: '={{ $json.timeout }}' },
			},
			{
				items: [
					{ id: 1, timeout: 1000 },
					{ id: 2, timeout: -5 },
					{ id: 3, timeout: 1000 },
				],
			},
		);
		expect(requests().map((request) => request.path)).toEqual(['/api/agents/1']);
		expect(result.error?.message).toBe(
			'The parameter "Timeout" must be a positive number of milliseconds (item 1)',
		);
		expect(result.error?.description).toContain('Item 0 was already done');
		expect(result.error?.description).toContain('Item 2 was not sent.');
	});
});
