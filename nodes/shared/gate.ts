import { sleep } from 'n8n-workflow';

/**
 * The rate-limit gate of one node run: once any request is told to wait (a 429, or a Retry-After),
 * no request of the run starts until that wait is over. Created per execution, never shared.
 */
export class RateLimitGate {
	private closedUntil = 0;
	private waiting: Promise<void> | undefined;

	/** Keeps every request of the run from starting for `delayMs` (a later end wins). */
	hold(delayMs: number): void {
		const until = Date.now() + delayMs;
		if (until <= this.closedUntil && this.waiting) return;
		this.closedUntil = until;
		const waiting: Promise<void> = sleep(delayMs).then(() => {
			if (this.waiting === waiting) this.waiting = undefined;
		});
		this.waiting = waiting;
	}

	/** Resolves once no wait is pending. */
	async open(): Promise<void> {
		while (this.waiting) await this.waiting;
	}
}
