import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Check } from '../shared/checks';
import { invalidParameter, toFiniteNumber, toPositiveInteger } from '../shared/checks';
import type { ApiContext } from '../shared/context';
import type { Field } from '../shared/fields';
import { field, readCollection } from '../shared/fields';
import type { LocatorSpec } from '../shared/locator';
import { agentLocator } from './agentPicker';

/**
 * An OData option as text; `undefined` when empty. `$orderby`/`$select` may also be given as a list
 * of fields (from an expression), joined with "," as the SDK does. Anything else is refused, not dropped.
 */
function odataText(allowList: boolean): Check<string | undefined> {
	return (ctx, value, itemIndex, label) => {
		if (value === undefined || value === null) return undefined;
		const isFieldList =
			allowList && Array.isArray(value) && value.every((entry) => typeof entry === 'string');
		const text = isFieldList
			? (value as string[])
					.map((entry) => entry.trim())
					.filter(Boolean)
					.join(',')
			: typeof value === 'string' || typeof value === 'number'
				? String(value).trim()
				: undefined;
		if (text === undefined) {
			throw invalidParameter(ctx, itemIndex, label, `must be text, got ${JSON.stringify(value)}`);
		}
		return text === '' ? undefined : text;
	};
}

const toSkip: Check<number> = (ctx, value, itemIndex, label) => {
	if (value === undefined || value === null || value === '') return 0;
	const skip = toFiniteNumber(ctx, value, itemIndex, label);
	if (!Number.isInteger(skip) || skip < 0) {
		throw invalidParameter(
			ctx,
			itemIndex,
			label,
			`must be a whole number of 0 or more, got ${skip}`,
		);
	}
	return skip;
};

/**
 * A filter that picks one agent's records (Email, Awarded To). Once added it must have a value: an
 * empty one (say, an expression that found nothing) would silently list every record instead.
 */
function identityFilter<T>(check: Check<T>): Check<T> {
	return (ctx, value, itemIndex, label) => {
		const text = odataText(false)(ctx, value, itemIndex, label);
		if (text === undefined) {
			throw invalidParameter(
				ctx,
				itemIndex,
				label,
				'is empty',
				`Give a value, or remove the ${label} filter to list every record.`,
			);
		}
		return check(ctx, text, itemIndex, label);
	};
}

/** An agent picker whose By ID takes the numeric agent ID. */
export function agentField(
	spec: Pick<LocatorSpec, 'displayName' | 'name' | 'description'>,
	wire?: string,
): Field<number> {
	return field(agentLocator(spec), toPositiveInteger, { wire });
}

/** Awarded To as a filter (Credit Award → Get Many, and the trigger): the agent whose awards to list. */
export const awardedToFilter = field(
	agentLocator({
		displayName: 'Awarded To (Agent ID)',
		name: 'awardedTo',
		description: 'Only awards granted to this agent: pick one, or give the numeric agent ID',
		required: false,
	}),
	identityFilter(toPositiveInteger),
	{ hint: 'Give the numeric ID of an agent, or remove the filter to get every award.' },
);

export const emailFilter = field(
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Only the agent with this email address',
	},
	identityFilter((_ctx, text) => text as string),
);

const odataFilter = field(
	{
		displayName: 'Filter (OData)',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: "Name eq 'Spring'",
		description: 'An OData $filter expression, sent as it is',
	},
	odataText(false),
	{ wire: '$filter' },
);

const orderBy = field(
	{
		displayName: 'Order By',
		name: 'orderBy',
		type: 'string',
		default: '',
		placeholder: 'Name asc',
		description:
			'OData $orderby: one or more fields, each optionally followed by asc or desc, separated by commas',
	},
	odataText(true),
	{ wire: '$orderby' },
);

const select = field(
	{
		displayName: 'Select',
		name: 'select',
		type: 'string',
		default: '',
		placeholder: 'Name,TotalAmount',
		description: 'OData $select: the fields to return, separated by commas',
	},
	odataText(true),
	{ wire: '$select' },
);

const skip = field(
	{
		displayName: 'Skip',
		name: 'skip',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'OData $skip: how many records to pass over before the first one returned',
	},
	toSkip,
	{ wire: '$skip' },
);

/** The OData filter both list operations offer under Filters, next to their own. */
export const odataFilterProperty: INodeProperties = odataFilter.property;

/** The OData options both list operations share. */
export const odataOptions: INodeProperties[] = [orderBy.property, select.property, skip.property];

/**
 * The OData part of a Get Many: `query` (the endpoint's own filters) with $filter (from the Filters
 * read once), $orderby and $select, and the $skip to start from.
 */
export function readOdata(
	ctx: ApiContext,
	itemIndex: number,
	filters: IDataObject,
	query: IDataObject,
): { query: IDataObject; skip: number } {
	const options = readCollection(ctx, 'options', itemIndex);
	const odata: IDataObject = { ...query };
	for (const [declared, values] of [
		[odataFilter, filters],
		[orderBy, options],
		[select, options],
	] as const) {
		const value = declared.check(ctx, values[declared.property.name], itemIndex);
		if (value !== undefined) odata[declared.wire] = value;
	}
	return { query: odata, skip: skip.check(ctx, options.skip, itemIndex) };
}
