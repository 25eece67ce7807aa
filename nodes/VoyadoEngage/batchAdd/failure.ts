import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { itemRanges } from '../../shared/itemRanges';

/** Where the run stood when a batch failed. */
export interface BatchProgress {
	/** 1-based number of the failed batch, and how many batches there are. */
	batchNumber: number;
	batchCount: number;
	failedItems: number[];
	/** Items of earlier batches that Engage answered. */
	answeredItems: number[];
	/** Items of later batches, not sent yet. */
	unsentItems: number[];
}

function progressText(progress: BatchProgress): string {
	const parts: string[] = [];
	if (progress.batchCount > 1) {
		parts.push(
			`Batch ${progress.batchNumber} of ${progress.batchCount} (items ${itemRanges(progress.failedItems)}) failed.`,
		);
	}
	if (progress.answeredItems.length > 0) {
		parts.push(
			`Engage already answered for items ${itemRanges(progress.answeredItems)}: their points are booked unless Engage listed them in notAccepted, and they must not be sent again. n8n's Retry On Fail sends every batch again under the same Idempotency-Keys, so Engage books nothing twice; a new execution uses new keys (unless Options → Idempotency Key is set) and would book them again.`,
		);
	}
	if (progress.unsentItems.length > 0) {
		parts.push(`Items ${itemRanges(progress.unsentItems)} were not sent.`);
	}
	return parts.join(' ');
}

/**
 * Makes a batch's error say what is known about the points: a 2xx whose body cannot be read still
 * booked them, and earlier batches that Engage answered must not be resent blindly.
 */
export function explainBatchFailure(error: unknown, progress: BatchProgress): void {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return;
	const details = [error.description ?? ''];
	if (error instanceof NodeApiError && /^2\d\d$/.test(String(error.httpCode))) {
		// What came back (e.g. an HTML page) moves into the description; the message says what it means.
		details.unshift(
			`Engage accepted the request, but which rows it skipped is unknown. ${error.message}.`,
		);
		error.message = `Voyado Engage accepted the batch (HTTP ${error.httpCode}) but its answer could not be read: check the contacts’ points before sending these rows again`;
	}
	details.push(progressText(progress));
	error.description = details.filter(Boolean).join(' ');
}
