import { createHash, randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../shared/checks';

/** Leaves room for the `-<batch number>` suffix within common header length limits. */
const MAX_KEY_LENGTH = 200;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * The base of the automatic keys: the same for every try of this node in this execution (transport
 * retries and n8n's Retry On Fail run with the same execution, node and run index), different in
 * any other execution, workflow, node, loop pass or n8n instance.
 */
export function automaticKeyBase(ctx: IExecuteFunctions): string {
	const executionId = ctx.getExecutionId();
	const runIndex = ctx.getWorkflowDataProxy(0).$runIndex;
	const parts = [
		ctx.getInstanceId(),
		ctx.getWorkflow().id,
		executionId || randomUUID(),
		ctx.getNode().id,
		runIndex,
	];
	return `n8n-${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32)}`;
}

/** The user's own base key for this item (e.g. an order ID), or '' for the automatic one. */
function readUserKey(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('options.idempotencyKey', itemIndex, '') as unknown;
	const key = raw === null || raw === undefined ? '' : String(raw).trim();
	if (key && (!PRINTABLE_ASCII.test(key) || key.length > MAX_KEY_LENGTH)) {
		throw invalidParameter(
			ctx,
			itemIndex,
			'Idempotency Key',
			`must be printable ASCII text of at most ${MAX_KEY_LENGTH} characters, got "${key.slice(0, 40)}"`,
		);
	}
	return key;
}

/**
 * Reads the user's key per item, or not at all when the option is not set: n8n's parameter reading
 * costs more than the rest of a row's work, which matters at 10,000 rows.
 */
export function userKeyReader(ctx: IExecuteFunctions): (itemIndex: number) => string {
	const options = ctx.getNode().parameters.options as IDataObject | undefined;
	if (options?.idempotencyKey === undefined || options.idempotencyKey === '') return () => '';
	return (itemIndex) => readUserKey(ctx, itemIndex);
}
