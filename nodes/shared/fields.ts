import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Check, ValueName } from './checks';
import { toPositiveInteger } from './checks';
import type { ApiContext } from './context';
import { isRun } from './context';

/**
 * The ID a resource locator holds. A picker's value is `{ __rl: true, mode, value }`; a workflow saved
 * before the pickers holds the plain ID, which passes through unchanged. No mode uses n8n's own
 * `extractValue` regex: By URL values go to the node's own URL check, whose message names the parameter.
 */
export function extractLocatorValue(value: unknown): unknown {
	if (value !== null && typeof value === 'object' && (value as IDataObject).__rl === true)
		return (value as IDataObject).value;
	return value;
}

/**
 * A parameter's value for an item, from any n8n context (outside a run there is no item); for a
 * resource locator (a picker), the ID it holds. `name` may be a path into a collection (`filters.email`).
 */
export function readParameter(
	ctx: ApiContext,
	name: string,
	itemIndex: number,
	fallback?: unknown,
): unknown {
	const value = isRun(ctx)
		? ctx.getNodeParameter(name, itemIndex, fallback)
		: ctx.getNodeParameter(name, fallback);
	return extractLocatorValue(value as unknown);
}

/** A collection parameter (Additional Fields, Filters, Options …) read once, for its fields to take their values from. */
export function readCollection(ctx: ApiContext, name: string, itemIndex: number): IDataObject {
	return (readParameter(ctx, name, itemIndex, {}) ?? {}) as IDataObject;
}

/**
 * One parameter, declared once: the editor property, the check of its value (whose errors name the
 * property's display name, so a renamed label can never leave a message stale) and its name on the wire.
 */
export interface Field<T> {
	readonly property: INodeProperties;
	/** The name the provider gives the value (a body field, a query parameter, an XML tag). */
	readonly wire: string;
	/** Checks a value given for the field, e.g. taken from a collection or an input item. */
	check(ctx: ApiContext, value: unknown, itemIndex: number): T;
	/** Checks a value an input item gives under the field's wire name (Map Automatically); errors name that input field. */
	checkInput(ctx: ApiContext, value: unknown, itemIndex: number): T;
	/** Reads the field's parameter (`in.name` when it belongs to a collection) for an item, once, and checks it. */
	read(ctx: ApiContext, itemIndex: number): T;
	/** The field's value in a collection read once (see readCollection): undefined when not added, else checked. */
	from(collection: IDataObject, ctx: ApiContext, itemIndex: number): T | undefined;
}

export interface FieldOptions {
	/** The name on the wire; the parameter's name when not given. */
	wire?: string;
	/** What to do when the value does not fit, for the error's description where the check gives none. */
	hint?: string;
	/** The collection the field belongs to (`options`, `filters`, …), for `read`. */
	in?: string;
}

/** A check's error, with the field's hint as its description where the check gave none. */
function withHint(ctx: ApiContext, error: unknown, hint?: string): NodeOperationError {
	const problem =
		error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error);
	if (hint && !problem.description) problem.description = hint;
	return problem;
}

/** Declares a field: `check` gets the value as the editor or an expression gave it (a picker's ID). */
export function field<T>(
	property: INodeProperties,
	check: Check<T>,
	{ wire = property.name, hint, in: collection }: FieldOptions = {},
): Field<T> {
	const path = collection ? `${collection}.${property.name}` : property.name;
	// n8n refuses `undefined` as a fallback; a field not added to its collection reads as null.
	const fallback = collection ? null : property.default;
	const checkedAs = (ctx: ApiContext, value: unknown, itemIndex: number, name: ValueName): T => {
		try {
			return check(ctx, value, itemIndex, name);
		} catch (error) {
			throw withHint(ctx, error, hint);
		}
	};
	const checked = (ctx: ApiContext, value: unknown, itemIndex: number): T =>
		checkedAs(ctx, extractLocatorValue(value), itemIndex, property.displayName);
	return {
		property,
		wire,
		check: checked,
		checkInput: (ctx, value, itemIndex) => checkedAs(ctx, value, itemIndex, { inputField: wire }),
		read: (ctx, itemIndex) =>
			checked(ctx, readParameter(ctx, path, itemIndex, fallback), itemIndex),
		from: (values, ctx, itemIndex) =>
			property.name in values ? checked(ctx, values[property.name], itemIndex) : undefined,
	};
}

/** The editor properties of `fields`, in order. */
export function propertiesOf(fields: Array<Field<unknown>>): INodeProperties[] {
	return fields.map((declared) => declared.property);
}

export const returnAllField = field<boolean>(
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	// Truthy, as n8n reads a boolean parameter an expression filled.
	(_ctx, value) => Boolean(value),
);

export const limitField = field(
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
	toPositiveInteger,
);

/** Return All and Limit of a Get Many. */
export function returnAllAndLimit(): INodeProperties[] {
	return propertiesOf([returnAllField, limitField]);
}

/** Return All / Limit as one value: undefined means "everything". */
export function readLimit(ctx: ApiContext, itemIndex: number): number | undefined {
	return returnAllField.read(ctx, itemIndex) ? undefined : limitField.read(ctx, itemIndex);
}
