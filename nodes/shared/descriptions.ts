import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requestOptionProperties } from './requestSettings';

export function resourceSelector(
	options: INodePropertyOptions[],
	defaultResource: string,
): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options,
		default: defaultResource,
	};
}

export function operationSelector(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** Shows `properties` only for one resource and operation. */
export function forOperation(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		properties,
	);
}

export function byDisplayName(a: INodeProperties, b: INodeProperties): number {
	return a.displayName.localeCompare(b.displayName);
}

/**
 * The "Options" collection: the operation's own behaviour options plus the shared timeout/retry ones.
 * The router adds the options the pipeline reads (Concurrency with the operation's default, Dry Run for writes).
 */
export function optionsCollection(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...extra, ...requestOptionProperties].sort(byDisplayName),
	};
}

function collection(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	// Sorted like every n8n collection, whatever order the operation lists its fields in.
	const sorted = [...options].sort(byDisplayName);
	return { displayName, name, type: 'collection', placeholder, default: {}, options: sorted };
}

/** The optional list filters of a Get Many operation. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return collection('Filters', 'filters', 'Add Filter', options);
}

/** The optional inputs of a create operation. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Additional Fields', 'additionalFields', 'Add Field', options);
}

/** The fields an update operation may change. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Update Fields', 'updateFields', 'Add Field', options);
}

const DATE_TIME_INPUT = {
	placeholder: 'e.g. 2026-12-31 00:00:00',
	hint: 'Pick a day, or type a date with its time (2026-12-31 00:00:00): a date alone is cleared. As an expression, 2026-12-31 works and is checked against the calendar.',
};
const DATE_INPUT = {
	placeholder: 'e.g. 2026-12-31',
	hint: 'Pick a day, or type it as 2026-12-31. As an expression, a date-time such as 2026-12-31T23:59:00Z works too.',
};

/**
 * A date-time parameter (n8n's date picker), or with `dateOnly` a date (n8n 2.x shows a calendar without a
 * time). Typed into the date-time picker, a date alone is cleared when the field loses focus and an
 * impossible day rolls over into the next month, so the placeholder and hint say what to type.
 */
export function dateTimeProperty(
	displayName: string,
	name: string,
	description: string,
	{ dateOnly = false } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'dateTime',
		default: '',
		...(dateOnly ? { typeOptions: { dateOnly }, ...DATE_INPUT } : DATE_TIME_INPUT),
		description,
	};
}
