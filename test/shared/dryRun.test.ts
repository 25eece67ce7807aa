import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { SignTraker } from '../../nodes/SignTraker/SignTraker.node';
import { SpreedlySubscriptions } from '../../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import { VoyadoEngage } from '../../nodes/VoyadoEngage/VoyadoEngage.node';
import { Waldur } from '../../nodes/Waldur/Waldur.node';

import type { RunOptions, RunResult } from '../harness/harness';
import type { WireRequest } from '../harness/mockApi';
import { mockApi, requests } from '../harness/mockApi';
import { BASE as ST_BASE, runSignTraker } from '../signTraker/helpers';
import {
	API as SP_API,
	API_TOKEN as SP_TOKEN,
	HOST as SP_HOST,
	runSpreedly,
	subscriberParams,
} from '../spreedlySubscriptions/helpers';
import {
	API_KEY as VO_KEY,
	addFromItems,
	purchases,
	runVoyado,
	TRANSACTIONS,
} from '../voyadoEngage/helpers';
import { BASE as WA_BASE, TOKEN as WA_TOKEN, runWaldur, waldur } from '../waldur/helpers';
import {
	CUSTOMER_CREDIT_UUID,
	CUSTOMER_UUID,
	PROJECT_CREDIT_UUID,
	PROJECT_UUID,
} from '../waldur/records';

type Runner = (parameters: IDataObject, extra?: Partial<RunOptions>) => Promise<RunResult>;

/** One write operation: how to run it, and the write it sends (path relative to the credential's base URL). */
interface WriteCase {
	name: string;
	runner: Runner;
	parameters: IDataObject;
	/** The API's address up to the base URL, so that `base + path` is the path on the wire. */
	host: string;
	basePath: string;
	method: string;
	path: string;
	/** Reads the operation sends before its write, answered the same in the real and the dry run. */
	reads?: () => void;
}

const WALDUR_CASES: WriteCase[] = [
	['projectCredit', PROJECT_CREDIT_UUID, '/api/project-credits/', { project: PROJECT_UUID }],
	['customerCredit', CUSTOMER_CREDIT_UUID, '/api/customer-credits/', { customer: CUSTOMER_UUID }],
].flatMap(([resource, uuid, path, owner]) => {
	const base = { runner: runWaldur, host: WA_BASE, basePath: '' };
	const item = `${path as string}${uuid as string}/`;
	return [
		{
			...base,
			name: `Waldur ${resource as string} → Create`,
			parameters: { resource, operation: 'create', ...(owner as IDataObject), value: '10.50' },
			method: 'POST',
			path: path as string,
		},
		{
			...base,
			name: `Waldur ${resource as string} → Replace`,
			parameters: {
				resource,
				operation: 'replace',
				uuid,
				...(owner as IDataObject),
				value: '20.00',
			},
			method: 'PUT',
			path: item,
		},
		{
			...base,
			name: `Waldur ${resource as string} → Update`,
			parameters: { resource, operation: 'update', uuid, updateFields: { value: '30' } },
			method: 'PATCH',
			path: item,
		},
		{
			...base,
			name: `Waldur ${resource as string} → Delete`,
			parameters: { resource, operation: 'delete', uuid },
			method: 'DELETE',
			path: item,
		},
	];
});

const spreedly = (operation: string, extra: IDataObject, method: string, path: string) => ({
	name: `Spreedly Subscriber → ${operation}`,
	runner: runSpreedly,
	parameters: subscriberParams(operation, extra),
	host: SP_HOST,
	basePath: SP_API,
	method,
	path,
});

const SPREEDLY_CASES: WriteCase[] = [
	spreedly(
		'create',
		{ customerId: '8889', screenName: "O'Neil & <Co>" },
		'POST',
		'/subscribers.xml',
	),
	{
		...spreedly('getOrCreate', { screenName: 'bob' }, 'POST', '/subscribers.xml'),
		// Get or Create reads first: the subscriber is not there, so it would create one.
		reads: () => {
			mockApi(SP_HOST).get(`${SP_API}/subscribers/42.xml`).reply(404, '');
		},
	},
	spreedly('update', { updateFields: { email: 'new@email.com' } }, 'PUT', '/subscribers/42.xml'),
	spreedly('delete', {}, 'DELETE', '/subscribers/42.xml'),
	{
		...spreedly('deleteAllTest', {}, 'DELETE', '/subscribers.xml'),
		parameters: { resource: 'subscriber', operation: 'deleteAllTest' },
	},
	spreedly('allowFreeTrial', {}, 'POST', '/subscribers/42/allow_free_trial.xml'),
	spreedly(
		'subscribeToFreeTrial',
		{ planId: '2' },
		'POST',
		'/subscribers/42/subscribe_to_free_trial.xml',
	),
	spreedly('addFee', { name: 'Fee', amount: 1.5 }, 'POST', '/subscribers/42/fees.xml'),
	spreedly(
		'addComplimentarySubscription',
		{ durationQuantity: 2, durationUnits: 'months', featureLevel: 'Pro' },
		'POST',
		'/subscribers/42/complimentary_subscriptions.xml',
	),
	spreedly(
		'addComplimentaryTimeExtension',
		{ durationQuantity: 1, durationUnits: 'days' },
		'POST',
		'/subscribers/42/complimentary_time_extensions.xml',
	),
	spreedly(
		'addLifetimeComplimentarySubscription',
		{ featureLevel: 'Pro' },
		'POST',
		'/subscribers/42/lifetime_complimentary_subscriptions.xml',
	),
	spreedly('addStoreCredit', { amount: -2.25 }, 'POST', '/subscribers/42/credits.xml'),
	spreedly('changePlan', { planId: '13' }, 'PUT', '/subscribers/42/change_subscription_plan.xml'),
	spreedly('stopAutoRenew', {}, 'POST', '/subscribers/42/stop_auto_renew.xml'),
];

const CASES: WriteCase[] = [
	{
		name: 'SignTraker Credit Award → Create',
		runner: runSignTraker,
		parameters: {
			resource: 'creditAward',
			operation: 'create',
			name: "O'Brien's bonus",
			awardedTo: '42',
			totalAmount: 12.5,
		},
		host: ST_BASE,
		basePath: '',
		method: 'POST',
		path: '/api/credits/awards',
	},
	...WALDUR_CASES,
	...SPREEDLY_CASES,
];

const SECRETS = [SP_TOKEN, WA_TOKEN, VO_KEY, 'st-secret-key-123'];

/** The write a real run sends: the API refuses it, which is enough to see it on the wire. */
async function realWrite(testCase: WriteCase): Promise<WireRequest> {
	testCase.reads?.();
	const answered = (request: WireRequest) =>
		request.method === testCase.method && request.path === testCase.basePath + testCase.path;
	const api = testCase.host === WA_BASE ? waldur : mockApi(testCase.host);
	api.intercept(testCase.method, testCase.basePath + testCase.path).reply(400, { detail: 'No' });
	await testCase.runner(testCase.parameters, { continueOnFail: true });
	const sent = requests().filter(answered);
	expect(sent).toHaveLength(1);
	return sent[0];
}

/** Every request that changes something, from either mock. */
const writesSent = () => requests().filter((request) => request.method !== 'GET');

/** Every write operation of the four action nodes, as `resource.operation`. */
const WRITES: Record<string, string[]> = {
	SignTraker: ['creditAward.create'],
	'Voyado Engage': ['pointTransaction.add'],
	Waldur: ['projectCredit', 'customerCredit'].flatMap((resource) =>
		['create', 'replace', 'update', 'delete'].map((operation) => `${resource}.${operation}`),
	),
	'Spreedly Subscriptions': SPREEDLY_CASES.map(
		(testCase) => `subscriber.${testCase.parameters.operation as string}`,
	),
};

/** SignTraker Create Award in a dry run, the Name from each item. */
const namedAwards = {
	resource: 'creditAward',
	operation: 'create',
	name: '={{ $json.name }}',
	awardedTo: '42',
	totalAmount: 10,
	options: { dryRun: true },
};

describe('Options → Dry Run on every write operation', () => {
	it.each([new SignTraker(), new VoyadoEngage(), new Waldur(), new SpreedlySubscriptions()])(
		'$description.displayName offers Dry Run on its writes and on nothing else',
		(node) => {
			const withDryRun: string[] = [];
			for (const property of node.description.properties) {
				const options = (property.options ?? []) as INodeProperties[];
				if (property.name !== 'options' || !options.some((option) => option.name === 'dryRun'))
					continue;
				const show = property.displayOptions?.show ?? {};
				for (const resource of show.resource ?? [])
					for (const operation of show.operation ?? [])
						withDryRun.push(`${String(resource)}.${String(operation)}`);
			}
			expect(withDryRun.sort()).toEqual([...WRITES[node.description.displayName]].sort());
		},
	);

	it.each(CASES.map((testCase) => [testCase.name, testCase]))(
		'%s: sends no write and outputs the request exactly as a real run sends it',
		async (_name, testCase) => {
			const wire = await realWrite(testCase);
			const writesBefore = writesSent().length;
			testCase.reads?.();
			const result = await testCase.runner({
				...testCase.parameters,
				options: { dryRun: true },
			});
			expect(result.error).toBeUndefined();
			expect(writesSent()).toHaveLength(writesBefore);
			expect(result.rawOutputs[0][0]).toHaveLength(1);
			const [output] = result.rawOutputs[0][0];
			expect(output.pairedItem).toEqual({ item: 0 });
			const request = output.json.request as IDataObject;
			expect(output.json.dryRun).toBe(true);
			expect(request.method).toBe(testCase.method);
			expect(request.path).toBe(testCase.path);
			expect(testCase.basePath + (request.path as string)).toBe(wire.path);
			expect(request.query).toEqual(wire.query);
			// JSON as the object the wire carried, XML as its text; no body where the wire had none.
			expect(request.body).toEqual(wire.body);
			const shown = JSON.stringify(result.outputs);
			for (const secret of SECRETS) expect(shown).not.toContain(secret);
		},
	);

	it('Voyado Add: each item carries its batch, the batch’s Idempotency-Key and its row; no POST is sent', async () => {
		const result = await runVoyado(
			{ ...addFromItems, options: { dryRun: true, batchSize: 2 } },
			{ items: purchases(3) },
		);
		expect(result.error).toBeUndefined();
		expect(writesSent()).toHaveLength(0);
		const outputs = result.rawOutputs[0][0];
		expect(outputs.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [first, second, third] = outputs.map((item) => item.json);
		const request = { method: 'POST', path: TRANSACTIONS, query: {} };
		expect(first).toEqual({
			dryRun: true,
			batch: 1,
			idempotencyKey: expect.stringMatching(/^n8n-[0-9a-f]{32}-1$/),
			row: purchases(3)[0],
			request,
		});
		expect(second).toMatchObject({
			batch: 1,
			idempotencyKey: first.idempotencyKey,
			row: purchases(3)[1],
		});
		expect(third).toMatchObject({ batch: 2, row: purchases(3)[2] });
		expect(third.idempotencyKey).toMatch(/-2$/);
		expect(JSON.stringify(result.outputs)).not.toContain(VO_KEY);
	});

	it('Get or Create: an existing subscriber is output as it is, with nothing planned to write', async () => {
		mockApi(SP_HOST)
			.get(`${SP_API}/subscribers/42.xml`)
			.reply(
				200,
				'<subscriber><customer-id>42</customer-id><screen-name>bob</screen-name></subscriber>',
				{
					'Content-Type': 'application/xml',
				},
			);
		const result = await runSpreedly(
			subscriberParams('getOrCreate', { screenName: 'bob', options: { dryRun: true } }),
		);
		expect(result.error).toBeUndefined();
		expect(writesSent()).toHaveLength(0);
		expect(result.items[0].json).toMatchObject({ customerId: '42', dryRun: true });
		expect(result.items[0].json.request).toBeUndefined();
	});

	it('checks every item as for real: a bad item stops the node and nothing is sent', async () => {
		const result = await runSignTraker(namedAwards, { items: [{ name: 'Spring' }, { name: '' }] });
		expect(requests()).toHaveLength(0);
		expect(result.error?.message).toBe('The parameter "Name" is required but empty (item 1)');
	});

	it('with Continue On Fail, a bad item becomes its error item and the good ones show their request', async () => {
		const result = await runSignTraker(namedAwards, {
			items: [{ name: 'Spring' }, { name: '' }, { name: 'Autumn' }],
			continueOnFail: true,
		});
		expect(requests()).toHaveLength(0);
		expect(result.rawOutputs[0][0].map((item) => [item.pairedItem, item.json])).toEqual([
			[
				{ item: 0 },
				{
					dryRun: true,
					request: {
						method: 'POST',
						path: '/api/credits/awards',
						query: {},
						body: { Name: 'Spring', AwardedTo: { Id: 42 }, TotalAmount: 10 },
					},
				},
			],
			[{ item: 1 }, { error: 'The parameter "Name" is required but empty (item 1)' }],
			[{ item: 2 }, expect.objectContaining({ dryRun: true })],
		]);
	});

	it('is off by default', async () => {
		mockApi(ST_BASE).post('/api/credits/awards').reply(201, { Id: 7 });
		const result = await runSignTraker({ ...namedAwards, options: {} }, { items: [{ name: 'A' }] });
		expect(result.items.map((item) => item.json)).toEqual([{ Id: 7 }]);
	});

	it('refuses a Dry Run that is not true or false, before anything is sent', async () => {
		const result = await runSignTraker({ ...namedAwards, options: { dryRun: '={{ "maybe" }}' } });
		expect(requests()).toHaveLength(0);
		expect(result.error?.message).toBe(
			'The parameter "Dry Run" must be true or false, got "maybe" (item 0)',
		);
	});
});
