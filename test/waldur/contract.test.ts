import type { INodeProperties } from 'n8n-workflow';

import { Waldur } from '../../nodes/Waldur/Waldur.node';

const { description } = new Waldur();

function propertiesFor(resource: string, operation: string): INodeProperties[] {
	return description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		return show?.resource?.includes(resource) && show?.operation?.includes(operation);
	});
}

function namesIn(resource: string, operation: string, collection?: string): string[] {
	const properties = propertiesFor(resource, operation);
	if (!collection) return properties.map((property) => property.name).sort();
	const found = properties.find((property) => property.name === collection);
	return ((found?.options ?? []) as INodeProperties[]).map((option) => option.name).sort();
}

function operationsOf(resource: string): string[] {
	const selector = description.properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource),
	);
	return ((selector?.options ?? []) as Array<{ value: string }>)
		.map((option) => option.value)
		.sort();
}

const CREATE_FIELDS = [
	'applyAsMinimalConsumption',
	'endDate',
	'expectedConsumption',
	'graceCoefficient',
	'minimalConsumptionLogic',
];

describe('the Waldur node keeps the names of the public contract', () => {
	it('is the usable-as-tool node "waldur" with the credential "waldurApi"', () => {
		expect(description.name).toBe('waldur');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'waldurApi', required: true }]);
	});

	it('offers the contract operations per resource', () => {
		expect(operationsOf('projectCredit')).toEqual([
			'create',
			'delete',
			'get',
			'getAll',
			'replace',
			'update',
		]);
		expect(operationsOf('customerCredit')).toEqual([
			'create',
			'delete',
			'get',
			'getAll',
			'getConsumptions',
			'replace',
			'update',
		]);
	});

	const PROJECT_FIELDS = [...CREATE_FIELDS, 'markUnusedCreditAsSpentOnProjectTermination'];
	const parameters: Array<[string, string, string | undefined, string[]]> = [
		['projectCredit', 'getAll', undefined, ['filters', 'limit', 'options', 'returnAll']],
		[
			'projectCredit',
			'getAll',
			'filters',
			['customerName', 'customerSlug', 'customerUuid', 'projectName', 'projectUuid', 'query'],
		],
		['projectCredit', 'getAll', 'options', ['concurrency', 'maxRetries', 'ordering', 'timeout']],
		['projectCredit', 'get', undefined, ['options', 'uuid']],
		['projectCredit', 'delete', undefined, ['options', 'uuid']],
		['projectCredit', 'create', undefined, ['additionalFields', 'options', 'project', 'value']],
		['projectCredit', 'create', 'additionalFields', PROJECT_FIELDS],
		[
			'projectCredit',
			'replace',
			undefined,
			['additionalFields', 'options', 'project', 'uuid', 'value'],
		],
		['projectCredit', 'replace', 'additionalFields', PROJECT_FIELDS],
		['projectCredit', 'update', undefined, ['options', 'updateFields', 'uuid']],
		['projectCredit', 'update', 'updateFields', [...PROJECT_FIELDS, 'project', 'value']],
		[
			'customerCredit',
			'getAll',
			'filters',
			['customerName', 'customerSlug', 'customerUuid', 'query'],
		],
		['customerCredit', 'create', undefined, ['additionalFields', 'customer', 'options', 'value']],
		[
			'customerCredit',
			'update',
			'updateFields',
			[...CREATE_FIELDS, 'customer', 'offerings', 'value'],
		],
		['customerCredit', 'getConsumptions', undefined, ['options', 'uuid']],
	];

	it.each(parameters)('%s %s %s: the contract names', (resource, operation, collection, names) => {
		expect(namesIn(resource, operation, collection)).toEqual([...names].sort());
	});

	it('takes decimals as text, so nothing rounds them', () => {
		for (const name of ['value', 'expectedConsumption', 'graceCoefficient']) {
			const field = propertiesFor('projectCredit', 'update')
				.flatMap((property) => (property.options ?? []) as INodeProperties[])
				.find((option) => option.name === name);
			expect(field?.type).toBe('string');
		}
	});
});
