import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;

/** The request starts of the last second, so that at most `perSecond` start within any 1000 ms. */
class StartWindow {
	private readonly starts: number[] = [];

	constructor(private readonly perSecond: number) {}

	/** Records a start at `now` and returns 0 when one is free; otherwise how long until one is. */
	take(now: number): number {
		while (this.starts.length > 0 && this.starts[0] <= now - WINDOW_MS) this.starts.shift();
		if (this.starts.length < this.perSecond) {
			this.starts.push(now);
			return 0;
		}
		return this.starts[0] + WINDOW_MS - now;
	}
}

/**
 * The rate-limit gate of one node run: once any request is told to wait (a 429, or a Retry-After),
 * no request of the run starts until that wait is over; and where the provider documents a request
 * rate, no more than that many requests of the run start in any second. Created per execution, never shared.
 */
export class RateLimitGate {
	private closedUntil = 0;
	private waiting: Promise<void> | undefined;
	private readonly windows = new Map<number, StartWindow>();

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

	/**
	 * Resolves once no wait is pending and, with `perSecond`, once the request may start without
	 * more than `perSecond` requests of this run starting within one second. Every attempt calls it.
	 */
	async open(perSecond?: number): Promise<void> {
		for (;;) {
			while (this.waiting) await this.waiting;
			if (perSecond === undefined) return;
			const wait = this.windowFor(perSecond).take(Date.now());
			if (wait <= 0) return;
			await sleep(wait);
		}
	}

	private windowFor(perSecond: number): StartWindow {
		let window = this.windows.get(perSecond);
		if (!window) {
			window = new StartWindow(perSecond);
			this.windows.set(perSecond, window);
		}
		return window;
	}
}
