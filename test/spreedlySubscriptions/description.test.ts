import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { SpreedlySubscriptions } from '../../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';

const { properties } = new SpreedlySubscriptions().description;

function shownFor(operation: string): INodeProperties[] {
	return properties.filter(
		(property) =>
			property.displayOptions?.show?.resource?.includes('subscriber') &&
			property.displayOptions.show.operation?.includes(operation),
	);
}

function subscriberOperation(value: string): INodePropertyOptions {
	const selector = properties.find(
		(property) =>
			property.name === 'operation' &&
			property.displayOptions?.show?.resource?.includes('subscriber'),
	);
	return (selector?.options as INodePropertyOptions[]).find((option) => option.value === value)!;
}

describe('Spreedly Subscriptions node description', () => {
	it.each(['delete', 'deleteAllTest'])(
		'%s says it works on test sites only, in the picker and as a notice above its fields',
		(operation) => {
			const option = subscriberOperation(operation);
			expect(option.action).toMatch(/test site/i);
			expect(option.description).toMatch(/test sites only/i);
			const [first] = shownFor(operation);
			expect(first.type).toBe('notice');
			expect(first.displayName).toMatch(/test sites only/i);
		},
	);

	it('no other operation carries the test-site notice', () => {
		const notices = properties.filter((property) => property.type === 'notice');
		const operations = notices.flatMap((notice) => notice.displayOptions?.show?.operation ?? []);
		expect(operations.sort()).toEqual(['delete', 'deleteAllTest']);
	});

	it('Get or Create says the screen name and email are used only when it creates', () => {
		expect(subscriberOperation('getOrCreate').description).toMatch(
			/screen name and email.*only when/i,
		);
	});

	it('every visible parameter has a description an AI agent can go by', () => {
		const undescribed = properties
			.filter((property) => !['notice', 'collection'].includes(property.type))
			.filter((property) => !['resource', 'operation'].includes(property.name))
			.filter((property) => !property.description)
			.map((property) => property.name);
		expect(undescribed).toEqual([]);
	});
});
