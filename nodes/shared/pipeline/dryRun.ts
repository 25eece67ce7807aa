import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INode,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalidParameter } from '../checks';

/** A write as it would go on the wire; `path` relative to the credential's base URL (or as sent, when absolute). */
export interface WireRequest extends IDataObject {
	method: IHttpRequestMethods;
	path: string;
	query: IDataObject;
	/** JSON as an object, XML as its text; absent when the request has none. */
	body?: IDataObject | IDataObject[] | string;
}

export const DRY_RUN = 'dryRun';

export const dryRunProperty: INodeProperties = {
	displayName: 'Dry Run',
	name: DRY_RUN,
	type: 'boolean',
	default: false,
	description:
		'Whether to check every item as for real and output the write each one would send (as "request"), without sending any write. Reads the plan needs, such as lookups, are still sent.',
};

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isWrite(method: IHttpRequestMethods): boolean {
	return !READ_METHODS.has(method.toUpperCase());
}

/**
 * Thrown by the transport in a dry run in place of sending a write: the send that asked for it ends
 * there, and the pipeline makes the item's output of the request it carries. It is a NodeOperationError
 * so that code which passes node errors on (asNodeError) passes it on unchanged.
 */
export class PlannedWrite extends NodeOperationError {
	constructor(
		node: INode,
		readonly request: WireRequest,
	) {
		super(node, `Dry run: ${request.method} ${request.path} was not sent`);
	}
}

/**
 * A boolean of the Options collection that holds for the whole run (Dry Run, Skip Existing), read
 * from the first item like Concurrency; an expression may give true or false, also as text.
 */
export function readRunSwitch(ctx: IExecuteFunctions, name: string, label: string): boolean {
	const value = ctx.getNodeParameter(`options.${name}`, 0, false) as unknown;
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw invalidParameter(ctx, 0, label, `must be true or false, got ${JSON.stringify(value)}`);
}

export function readDryRun(ctx: IExecuteFunctions): boolean {
	return readRunSwitch(ctx, DRY_RUN, 'Dry Run');
}
