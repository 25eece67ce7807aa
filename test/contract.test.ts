import type { INodeProperties, INodeType } from 'n8n-workflow';

import { SignTraker } from '../nodes/SignTraker/SignTraker.node';
import { SpreedlySubscriptions } from '../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import { VoyadoEngage } from '../nodes/VoyadoEngage/VoyadoEngage.node';
import { Waldur } from '../nodes/Waldur/Waldur.node';
import { VoyadoEngageWebhookApi } from '../credentials/VoyadoEngageWebhookApi.credentials';
import { SignTrakerTrigger } from '../nodes/SignTraker/SignTrakerTrigger.node';
import { SpreedlySubscriptionsTrigger } from '../nodes/SpreedlySubscriptions/SpreedlySubscriptionsTrigger.node';
import { VoyadoEngageTrigger } from '../nodes/VoyadoEngage/VoyadoEngageTrigger.node';
import { WaldurTrigger } from '../nodes/Waldur/WaldurTrigger.node';

/**
 * The names saved workflows depend on. `a.b` means option `b` of collection `a`.
 * Extra parameters are allowed; a missing or renamed one is a breaking change.
 */
const CONTRACT: Record<
	string,
	{ node: INodeType; credential: string; operations: Record<string, Record<string, string[]>> }
> = {
	signTraker: {
		node: new SignTraker(),
		credential: 'signTrakerApi',
		operations: {
			creditAward: {
				getAll: [
					'returnAll',
					'limit',
					'filters.awardedTo',
					'filters.filter',
					'options.orderBy',
					'options.select',
					'options.skip',
				],
				create: [
					'name',
					'awardedTo',
					'totalAmount',
					'additionalFields.expirationDate',
					'additionalFields.restrictions',
					'additionalFields.extraJson',
				],
			},
			agent: {
				get: ['agentId'],
				getAll: [
					'returnAll',
					'limit',
					'filters.email',
					'filters.filter',
					'options.orderBy',
					'options.select',
				],
			},
		},
	},
	spreedlySubscriptions: {
		node: new SpreedlySubscriptions(),
		credential: 'spreedlySubscriptionsApi',
		operations: {
			subscriber: {
				create: ['customerId', 'screenName', 'additionalFields.email'],
				get: ['customerId'],
				getOrCreate: ['customerId', 'screenName', 'additionalFields.email'],
				getAll: ['returnAll', 'limit'],
				update: [
					'customerId',
					'updateFields.screenName',
					'updateFields.email',
					'updateFields.newCustomerId',
					'updateFields.billingFirstName',
					'updateFields.billingLastName',
				],
				delete: ['customerId'],
				deleteAllTest: [],
				allowFreeTrial: ['customerId'],
				subscribeToFreeTrial: ['customerId', 'planId'],
				addFee: ['customerId', 'name', 'description', 'group', 'amount'],
				addComplimentarySubscription: [
					'customerId',
					'durationQuantity',
					'durationUnits',
					'featureLevel',
					'additionalFields.startTime',
					'additionalFields.amount',
				],
				addComplimentaryTimeExtension: ['customerId', 'durationQuantity', 'durationUnits'],
				addLifetimeComplimentarySubscription: ['customerId', 'featureLevel'],
				addStoreCredit: ['customerId', 'amount'],
				changePlan: ['customerId', 'planId'],
				stopAutoRenew: ['customerId'],
				getSignupUrl: [
					'customerId',
					'planId',
					'screenName',
					'additionalFields.token',
					'additionalFields.returnUrl',
					'additionalFields.email',
					'additionalFields.firstName',
					'additionalFields.lastName',
				],
			},
			plan: { getAll: ['returnAll', 'limit'] },
			transaction: { getAll: ['sinceId', 'returnAll', 'limit'] },
		},
	},
	voyadoEngage: {
		node: new VoyadoEngage(),
		credential: 'voyadoEngageApi',
		operations: {
			contact: {
				find: ['findBy', 'value', 'options.contactType', 'options.whenNotFound'],
				get: ['contactId'],
			},
			pointAccount: { get: ['accountId'], getAll: ['contactId', 'returnAll', 'limit'] },
			pointDefinition: { get: ['definitionId'], getAll: ['returnAll', 'limit'] },
			pointTransaction: {
				get: ['transactionId'],
				getAll: [
					'lookupBy',
					'accountId',
					'contactId',
					'definitionId',
					'returnAll',
					'limit',
					'filters.status',
				],
				add: [
					'mappingMode',
					'identifyBy',
					'contactId',
					'email',
					'mobilePhone',
					'customKey',
					'definitionId',
					'amount',
					'source',
					'description',
					'additionalFields.timeStamp',
					'additionalFields.validFrom',
					'additionalFields.validTo',
					'options.batchSize',
					'options.idempotencyKey',
				],
			},
		},
	},
	waldur: {
		node: new Waldur(),
		credential: 'waldurApi',
		operations: {
			projectCredit: {
				getAll: [
					'returnAll',
					'limit',
					'filters.projectUuid',
					'filters.projectName',
					'filters.customerUuid',
					'filters.customerName',
					'filters.customerSlug',
					'filters.query',
					'options.ordering',
				],
				get: ['uuid'],
				create: [
					'project',
					'value',
					'additionalFields.endDate',
					'additionalFields.expectedConsumption',
					'additionalFields.minimalConsumptionLogic',
					'additionalFields.graceCoefficient',
					'additionalFields.applyAsMinimalConsumption',
					'additionalFields.markUnusedCreditAsSpentOnProjectTermination',
				],
				replace: [
					'uuid',
					'project',
					'value',
					'additionalFields.endDate',
					'additionalFields.expectedConsumption',
				],
				update: [
					'uuid',
					'updateFields.value',
					'updateFields.endDate',
					'updateFields.expectedConsumption',
					'updateFields.graceCoefficient',
				],
				delete: ['uuid'],
			},
			customerCredit: {
				getAll: [
					'returnAll',
					'limit',
					'filters.customerUuid',
					'filters.customerName',
					'filters.customerSlug',
					'filters.query',
					'options.ordering',
				],
				get: ['uuid'],
				create: [
					'customer',
					'value',
					'additionalFields.endDate',
					'additionalFields.expectedConsumption',
				],
				update: ['uuid', 'updateFields.value'],
				delete: ['uuid'],
				getConsumptions: ['uuid'],
			},
		},
	},
};

function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show ?? {};
	const resources = show.resource as string[] | undefined;
	const operations = show.operation as string[] | undefined;
	return (
		(!resources || resources.includes(resource)) && (!operations || operations.includes(operation))
	);
}

/** Parameter names visible for one resource/operation, with collection options as `collection.option`. */
function parameterNames(node: INodeType, resource: string, operation: string): string[] {
	return node.description.properties
		.filter((property) => shownFor(property, resource, operation))
		.flatMap((property) => [
			property.name,
			...((property.type === 'collection' ? property.options : []) as INodeProperties[]).map(
				(option) => `${property.name}.${option.name}`,
			),
		]);
}

describe.each(Object.entries(CONTRACT))(
	'the contract of node %s',
	(name, { node, credential, operations }) => {
		it('keeps its node and credential names and is usable as an AI tool', () => {
			expect(node.description.name).toBe(name);
			expect(node.description.credentials?.map((entry) => entry.name)).toEqual([credential]);
			expect(node.description.usableAsTool).toBe(true);
		});

		it('offers exactly the contract resources (and maybe more)', () => {
			const resource = node.description.properties.find((property) => property.name === 'resource');
			const values = (resource?.options ?? []).map((option) => (option as { value: string }).value);
			expect(values).toEqual(expect.arrayContaining(Object.keys(operations)));
		});

		const cases = Object.entries(operations).flatMap(([resource, ops]) =>
			Object.entries(ops).map(
				([operation, parameters]) => [resource, operation, parameters] as const,
			),
		);
		it.each(cases)(
			'%s → %s keeps its operation and parameter names',
			(resource, operation, parameters) => {
				const selector = node.description.properties.find(
					(property) => property.name === 'operation' && shownFor(property, resource, operation),
				);
				expect(
					(selector?.options ?? []).map((option) => (option as { value: string }).value),
				).toContain(operation);
				expect(parameterNames(node, resource, operation)).toEqual(
					expect.arrayContaining(parameters),
				);
			},
		);
	},
);

describe('collections', () => {
	it.each(Object.keys(CONTRACT))('of %s list their fields alphabetically, as n8n does', (name) => {
		for (const property of CONTRACT[name].node.description.properties) {
			if (property.type !== 'collection') continue;
			const names = (property.options as INodeProperties[]).map((option) => option.displayName);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});
});

/** CONTRACT "Trigger nodes": type, kind, credential and parameter names; never usable as a tool. */
const TRIGGERS: Record<
	string,
	{ node: INodeType; kind: 'polling' | 'webhook'; credential: string; parameters: string[] }
> = {
	signTrakerTrigger: {
		node: new SignTrakerTrigger(),
		kind: 'polling',
		credential: 'signTrakerApi',
		parameters: ['event', 'filters.awardedTo'],
	},
	voyadoEngageTrigger: {
		node: new VoyadoEngageTrigger(),
		kind: 'webhook',
		credential: 'voyadoEngageWebhookApi',
		parameters: ['events'],
	},
	waldurTrigger: {
		node: new WaldurTrigger(),
		kind: 'webhook',
		credential: 'waldurApi',
		parameters: ['events'],
	},
	spreedlySubscriptionsTrigger: {
		node: new SpreedlySubscriptionsTrigger(),
		kind: 'webhook',
		credential: 'spreedlySubscriptionsApi',
		parameters: ['options.fetchSubscribers'],
	},
};

describe.each(Object.entries(TRIGGERS))(
	'the contract of trigger %s',
	(name, { node, kind, credential, parameters }) => {
		it('keeps its names, has no inputs and is not an AI tool', () => {
			expect(node.description.name).toBe(name);
			expect(node.description.credentials?.map((entry) => entry.name)).toEqual([credential]);
			expect(node.description.inputs).toEqual([]);
			expect(node.description.usableAsTool).toBeUndefined();
			if (kind === 'polling') expect(node.description.polling).toBe(true);
			else expect(node.description.webhooks?.map((webhook) => webhook.name)).toEqual(['default']);
		});

		it('keeps its parameter names', () => {
			const names = node.description.properties.flatMap((property) => [
				property.name,
				...((property.type === 'collection' ? property.options : []) as INodeProperties[]).map(
					(option) => `${property.name}.${option.name}`,
				),
			]);
			expect(names).toEqual(expect.arrayContaining(parameters));
		});
	},
);

it('SignTraker Trigger offers the newCreditAward event', () => {
	const event = TRIGGERS.signTrakerTrigger.node.description.properties.find(
		(property) => property.name === 'event',
	);
	expect(event?.options?.map((option) => (option as { value: string }).value)).toContain(
		'newCreditAward',
	);
});

it('Voyado Engage Trigger offers the events the contract names', () => {
	const events = TRIGGERS.voyadoEngageTrigger.node.description.properties.find(
		(property) => property.name === 'events',
	);
	expect(events?.options?.map((option) => (option as { value: string }).value)).toEqual(
		expect.arrayContaining([
			'point.balance.updated',
			'loyalty.addPoints',
			'reward.voucher.created',
		]),
	);
});

it('the Voyado Engage webhook credential keeps signingSecret as a password field', () => {
	const credential = new VoyadoEngageWebhookApi();
	expect(credential.name).toBe('voyadoEngageWebhookApi');
	expect(credential.properties).toEqual([
		expect.objectContaining({ name: 'signingSecret', typeOptions: { password: true } }),
	]);
});
