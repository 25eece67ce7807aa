import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { itemRanges } from '../../shared/itemRanges';

/** Which batch failed: its 1-based number, how many batches there are, and its items. */
export interface FailedBatch {
	batchNumber: number;
	batchCount: number;
	failedItems: number[];
}

/** For the stop error, once earlier batches were booked: how to run again without booking twice. */
export const RERUN_ADVICE =
	"Engage booked their points unless it listed them in notAccepted. n8n's Retry On Fail sends every batch again under the same Idempotency-Keys, so Engage books nothing twice; a new execution uses new keys (unless Options → Idempotency Key is set) and would book them again.";

/**
 * Makes a batch's error say which batch it was and what is known about the points: a 2xx whose
 * body cannot be read still booked them. (Which items were done and which not sent, the pipeline adds.)
 */
export function explainBatchFailure(error: unknown, failed: FailedBatch): void {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return;
	const details = [error.description ?? ''];
	if (error instanceof NodeApiError && /^2\d\d$/.test(String(error.httpCode))) {
		// What came back (e.g. an HTML page) moves into the description; the message says what it means.
		details.unshift(
			`Engage accepted the request, but which rows it skipped is unknown. ${error.message}.`,
		);
		error.message = `Voyado Engage accepted the batch (HTTP ${error.httpCode}) but its answer could not be read: check the contacts’ points before sending these rows again`;
	}
	if (failed.batchCount > 1) {
		details.push(
			`Batch ${failed.batchNumber} of ${failed.batchCount} (items ${itemRanges(failed.failedItems)}) failed.`,
		);
	}
	error.description = details.filter(Boolean).join(' ');
}
