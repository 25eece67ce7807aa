import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from './checks';

/** Reads go side by side by default: repeating one costs nothing. */
export const READ_CONCURRENCY = 10;
/** Writes go fewer at a time: each one changes something, and a provider's limits hit writes first. */
export const WRITE_CONCURRENCY = 4;

const CONCURRENCY = 'concurrency';

/** `options.concurrency`, with the default that suits the operation. */
export function concurrencyProperty(defaultValue: number): INodeProperties {
	return {
		displayName: 'Concurrency',
		name: CONCURRENCY,
		type: 'number',
		typeOptions: { minValue: 1 },
		default: defaultValue,
		description:
			'How many requests may be in flight at once; 1 sends one after another. Items on the same record are always sent in input order.',
	};
}

/** One setting for the whole run, read from the first item. */
export function readConcurrency(ctx: IExecuteFunctions, defaultValue: number): number {
	const value = ctx.getNodeParameter(`options.${CONCURRENCY}`, 0, defaultValue) as unknown;
	const concurrency = Number(value);
	if (value === '' || value === null || !Number.isInteger(concurrency) || concurrency < 1) {
		throw invalidParameter(
			ctx,
			0,
			'Concurrency',
			`must be a whole number of 1 or more, got ${JSON.stringify(value)}`,
		);
	}
	return concurrency;
}
