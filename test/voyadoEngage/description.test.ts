import type { INodeProperties } from 'n8n-workflow';

import { VoyadoEngage } from '../../nodes/VoyadoEngage/VoyadoEngage.node';

const { description } = new VoyadoEngage();

function shownFor(resource: string, operation: string): INodeProperties[] {
	return description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		return show?.resource?.includes(resource) && show?.operation?.includes(operation);
	});
}

function optionValues(property: INodeProperties | undefined): unknown[] {
	return (property?.options ?? []).map((option) =>
		'value' in option ? option.value : option.name,
	);
}

/** The names saved workflows depend on (see test/contract.test.ts): these can never change. */
const CONTRACT: Record<
	string,
	Record<string, { parameters: string[]; collections?: Record<string, string[]> }>
> = {
	contact: {
		find: {
			parameters: ['findBy', 'value', 'options'],
			collections: { options: ['contactType', 'whenNotFound'] },
		},
		get: { parameters: ['contactId'] },
	},
	pointAccount: {
		get: { parameters: ['accountId'] },
		getAll: { parameters: ['contactId', 'returnAll', 'limit'] },
	},
	pointDefinition: {
		get: { parameters: ['definitionId'] },
		getAll: { parameters: ['returnAll', 'limit'] },
	},
	pointTransaction: {
		get: { parameters: ['transactionId'] },
		getAll: {
			parameters: [
				'lookupBy',
				'accountId',
				'contactId',
				'definitionId',
				'returnAll',
				'limit',
				'filters',
			],
			collections: { filters: ['status'] },
		},
		add: {
			parameters: [
				'contactId',
				'definitionId',
				'amount',
				'source',
				'description',
				'additionalFields',
				'options',
			],
			collections: {
				additionalFields: ['timeStamp', 'validFrom', 'validTo'],
				options: ['batchSize', 'idempotencyKey'],
			},
		},
	},
};

describe('Voyado Engage node description', () => {
	it('has the contract names, the credential and usableAsTool', () => {
		expect(description.name).toBe('voyadoEngage');
		expect(description.credentials).toEqual([{ name: 'voyadoEngageApi', required: true }]);
		expect(description.usableAsTool).toBe(true);
		const resource = description.properties.find((property) => property.name === 'resource');
		expect(optionValues(resource).sort()).toEqual(Object.keys(CONTRACT).sort());
	});

	describe.each(Object.entries(CONTRACT))('resource %s', (resource, operations) => {
		it('offers exactly the contract operations', () => {
			const selector = description.properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(resource),
			);
			expect(optionValues(selector).sort()).toEqual(Object.keys(operations).sort());
		});

		it.each(Object.entries(operations))(
			'%s has the contract parameters',
			(operation, { parameters, collections = {} }) => {
				const shown = shownFor(resource, operation);
				for (const name of parameters)
					expect(shown.map((property) => property.name)).toContain(name);
				for (const [collection, fields] of Object.entries(collections)) {
					const options = shown.find((property) => property.name === collection)
						?.options as INodeProperties[];
					for (const field of fields) expect(options.map((option) => option.name)).toContain(field);
				}
			},
		);
	});

	it("Contact → Find searches by the five kinds Engage's lookup takes", () => {
		const findBy = shownFor('contact', 'find').find((property) => property.name === 'findBy');
		expect(optionValues(findBy)?.sort()).toEqual(
			['email', 'mobilePhone', 'socialSecurityNumber', 'customKey', 'any'].sort(),
		);
	});

	it('Add identifies the contact by ID (the default, so saved workflows keep theirs), email, mobile phone or member number', () => {
		const add = shownFor('pointTransaction', 'add');
		const identifyBy = add.find((property) => property.name === 'identifyBy');
		expect(identifyBy?.default).toBe('contactId');
		expect(optionValues(identifyBy)).toEqual(['contactId', 'email', 'customKey', 'mobilePhone']);
		for (const name of ['contactId', 'email', 'mobilePhone', 'customKey'])
			expect(add.find((property) => property.name === name)?.displayOptions?.show).toMatchObject({
				identifyBy: [name],
				mappingMode: ['defineBelow'],
			});
	});

	it('offers the statuses All, Active and Pending', () => {
		const filters = shownFor('pointTransaction', 'getAll').find(
			(property) => property.name === 'filters',
		);
		const status = (filters?.options as INodeProperties[]).find(
			(option) => option.name === 'status',
		);
		expect(optionValues(status)).toEqual(['All', 'Active', 'Pending']);
		const lookupBy = shownFor('pointTransaction', 'getAll').find(
			(property) => property.name === 'lookupBy',
		);
		expect(optionValues(lookupBy)).toEqual(['account', 'contactAndDefinition']);
	});

	it('limits batchSize to 1–1000 with 1000 by default', () => {
		const options = shownFor('pointTransaction', 'add').find(
			(property) => property.name === 'options',
		);
		const batchSize = (options?.options as INodeProperties[]).find(
			(option) => option.name === 'batchSize',
		);
		expect(batchSize).toMatchObject({
			default: 1000,
			typeOptions: { minValue: 1, maxValue: 1000 },
		});
	});
});
