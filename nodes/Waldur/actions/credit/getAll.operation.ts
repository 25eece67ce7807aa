import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { filtersCollection, forOperation, optionsCollection } from '../../../shared/descriptions';
import { returnAllAndLimit, readLimit } from '../../../shared/fields';
import type { Operation } from '../../../shared/router';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { invalidParameter } from '../../../shared/checks';
import type { CreditKind } from '../../credits';
import { listRecords } from '../../listing';
import { toWaldurUuid } from '../../values';

interface Filter {
	/** The query parameter Waldur reads. */
	wire: string;
	property: INodeProperties;
	isUuid?: boolean;
}

function textFilter(name: string, displayName: string, wire: string, description: string): Filter {
	return { wire, property: { displayName, name, type: 'string', default: '', description } };
}

function uuidFilter(name: string, displayName: string, wire: string, description: string): Filter {
	return { ...textFilter(name, displayName, wire, description), isUuid: true };
}

const FILTERS: Record<string, Filter> = {
	customerName: textFilter(
		'customerName',
		'Customer Name',
		'customer_name',
		'Only credits of customers whose name contains this text',
	),
	customerSlug: textFilter(
		'customerSlug',
		'Customer Slug',
		'customer_slug',
		'Only credits of the customer with exactly this slug',
	),
	customerUuid: uuidFilter(
		'customerUuid',
		'Customer UUID',
		'customer_uuid',
		'Only credits of the customer with this UUID',
	),
	projectName: textFilter(
		'projectName',
		'Project Name',
		'project_name',
		'Only credits of projects whose name contains this text',
	),
	projectUuid: uuidFilter(
		'projectUuid',
		'Project UUID',
		'project_uuid',
		'Only credits of the project with this UUID',
	),
	query: textFilter(
		'query',
		'Search',
		'query',
		'Only credits whose project or customer name, slug or UUID contains this text',
	),
};

function titleOf(field: string): string {
	return field.replace(
		/(^|_)([a-z])/g,
		(_match, separator: string, letter: string) => `${separator ? ' ' : ''}${letter.toUpperCase()}`,
	);
}

function orderingProperty(kind: CreditKind): INodeProperties {
	return {
		displayName: 'Sort By',
		name: 'ordering',
		type: 'options',
		options: kind.orderings.flatMap((field) => [
			{ name: `${titleOf(field)} (Ascending)`, value: field },
			{ name: `${titleOf(field)} (Descending)`, value: `-${field}` },
		]),
		default: 'end_date',
		description: 'The order Waldur returns the credits in (sent as o)',
	};
}

/** `o`: one ordering, or several (a list or text separated by commas), each one Waldur knows. */
function readOrdering(
	ctx: IExecuteFunctions,
	kind: CreditKind,
	value: unknown,
	itemIndex: number,
): string | undefined {
	const parts = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(','))
		.map((part) => part.trim())
		.filter(Boolean);
	const allowed = kind.orderings.flatMap((field) => [field, `-${field}`]);
	const unknown = parts.find((part) => !allowed.includes(part));
	if (unknown !== undefined) {
		throw invalidParameter(
			ctx,
			itemIndex,
			'Sort By',
			`must be one of ${allowed.join(', ')}, got "${unknown}"`,
		);
	}
	return parts.length ? parts.join(',') : undefined;
}

function readFilters(ctx: IExecuteFunctions, kind: CreditKind, itemIndex: number): IDataObject {
	const given = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const name of kind.filters) {
		const filter = FILTERS[name];
		const value = typeof given[name] === 'string' ? (given[name] as string).trim() : given[name];
		if (value === undefined || value === null || value === '') continue;
		query[filter.wire] = filter.isUuid
			? toWaldurUuid(ctx, value, itemIndex, filter.property.displayName)
			: String(value);
	}
	return query;
}

export function getAllOperation(kind: CreditKind): Operation {
	return {
		sending: READS,
		description: forOperation(kind.resource, 'getAll', [
			...returnAllAndLimit(),
			filtersCollection(kind.filters.map((name) => FILTERS[name].property)),
			optionsCollection([orderingProperty(kind)]),
		]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings): ItemPlan {
			const limit = readLimit(this, itemIndex);
			const query = readFilters(this, kind, itemIndex);
			const ordering = readOrdering(
				this,
				kind,
				this.getNodeParameter('options.ordering', itemIndex, ''),
				itemIndex,
			);
			if (ordering) query.o = ordering;
			return {
				send: async () =>
					await listRecords({ ctx: this, path: kind.path, query, itemIndex, settings }, limit),
			};
		},
	};
}
