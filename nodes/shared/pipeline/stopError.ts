import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { itemsPhrase } from '../itemRanges';
import { asNodeError } from './errorItems';
import type { Operation, Run } from './operation';

export type ItemStatuses = Record<'done' | 'failed' | 'notSent', number[]>;

function were(indexes: number[]): string {
	return indexes.length === 1 ? 'was' : 'were';
}

/**
 * The error that stops a run: the first failure, saying which items were already done (and how to
 * run again without doing them twice), which failed and which were never sent.
 */
export function stopError(
	run: Run,
	operation: Operation<unknown>,
	failure: { itemIndexes: number[]; error: unknown },
	{ done, failed, notSent }: ItemStatuses,
): NodeApiError | NodeOperationError {
	const error = asNodeError(run.ctx, failure.error, failure.itemIndexes[0]);
	const progress: string[] = [];
	if (done.length > 0) {
		progress.push(
			`${itemsPhrase(done)} ${were(done)} already done: what they wrote stays written, so do not send them again.`,
		);
		if (run.sending.writes && !run.state.dryRun) {
			if (operation.rerunAdvice) progress.push(operation.rerunAdvice);
			progress.push('Options → Dry Run shows what a run would send, without sending it.');
		}
	}
	if (failed.some((itemIndex) => !failure.itemIndexes.includes(itemIndex)))
		progress.push(`${itemsPhrase(failed)} failed.`);
	if (notSent.length > 0) progress.push(`${itemsPhrase(notSent)} ${were(notSent)} not sent.`);
	if (progress.length > 0)
		error.description = [error.description, ...progress].filter(Boolean).join(' ');
	return error;
}
