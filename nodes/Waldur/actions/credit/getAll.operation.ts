import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { filtersCollection, forOperation, optionsCollection } from '../../../shared/descriptions';
import type { Check } from '../../../shared/checks';
import { invalidParameter, optional } from '../../../shared/checks';
import type { Field } from '../../../shared/fields';
import { field, propertiesOf, readCollection, returnAllAndLimit } from '../../../shared/fields';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { planList } from '../../../shared/pipeline/list';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { Operation } from '../../../shared/router';
import { textOf } from '../../../shared/text';
import { toWaldurUuid } from '../../checks';
import type { CreditKind } from '../../credits';
import { listRecords } from '../../listing';

/** A text filter: the text as given, trimmed; left empty, no filter. */
function textFilter(name: string, displayName: string, wire: string, description: string) {
	const property: INodeProperties = { displayName, name, type: 'string', default: '', description };
	return field(
		property,
		optional((_ctx, value) => textOf(value) || String(value)),
		{ wire },
	);
}

function uuidFilter(name: string, displayName: string, wire: string, description: string) {
	const property: INodeProperties = { displayName, name, type: 'string', default: '', description };
	return field(property, optional(toWaldurUuid), { wire });
}

const FILTERS: Record<string, Field<string | undefined>> = {
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

/** `o`: one ordering, or several (a list or text separated by commas), each one Waldur knows. */
function orderingField(kind: CreditKind): Field<string | undefined> {
	const allowed = kind.orderings.flatMap((name) => [name, `-${name}`]);
	const property: INodeProperties = {
		displayName: 'Sort By',
		name: 'ordering',
		type: 'options',
		options: kind.orderings.flatMap((name) => [
			{ name: `${titleOf(name)} (Ascending)`, value: name },
			{ name: `${titleOf(name)} (Descending)`, value: `-${name}` },
		]),
		default: 'end_date',
		description: 'The order Waldur returns the credits in (sent as o)',
	};
	const check: Check<string | undefined> = (ctx, value, itemIndex, label) => {
		const parts = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(','))
			.map((part) => part.trim())
			.filter(Boolean);
		const unknown = parts.find((part) => !allowed.includes(part));
		if (unknown !== undefined) {
			throw invalidParameter(
				ctx,
				itemIndex,
				label,
				`must be one of ${allowed.join(', ')}, got "${unknown}"`,
			);
		}
		return parts.length ? parts.join(',') : undefined;
	};
	return field(property, check, { wire: 'o', in: 'options' });
}

export function getAllOperation(kind: CreditKind): Operation {
	const filters = kind.filters.map((name) => FILTERS[name]);
	const ordering = orderingField(kind);
	return {
		sending: READS,
		description: forOperation(kind.resource, 'getAll', [
			...returnAllAndLimit(),
			filtersCollection(propertiesOf(filters)),
			optionsCollection([ordering.property]),
		]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings): ItemPlan {
			const given = readCollection(this, 'filters', itemIndex);
			const query: IDataObject = {};
			for (const filter of filters) {
				const value = filter.from(given, this, itemIndex);
				if (value !== undefined) query[filter.wire] = value;
			}
			const order = ordering.read(this, itemIndex);
			if (order !== undefined) query[ordering.wire] = order;
			const list = { ctx: this, path: kind.path, query, itemIndex, settings };
			return planList(this, itemIndex, async (limit) => await listRecords(list, limit));
		},
	};
}
