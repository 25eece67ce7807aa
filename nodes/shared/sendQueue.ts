/** One unit of sending: an item's request(s), or a batch of rows. */
export interface SendTask<T> {
	/** The records it touches: a task starts only after every earlier task with one of these keys has ended. */
	recordKeys: string[];
	send: () => Promise<T>;
}

export type SendOutcome<T> =
	| { status: 'done'; value: T }
	| { status: 'failed'; error: unknown }
	| { status: 'notSent' };

export interface SendReport<T> {
	/** One outcome per task, in task order. */
	outcomes: Array<SendOutcome<T>>;
	/** The position of the failure that came first, if any. */
	firstFailure?: number;
}

/**
 * Sends the tasks with at most `concurrency` in flight, starting them in task order; tasks on the same
 * record run one after another in that order, tasks on different records run side by side. With
 * `stopOnFailure` the first failure keeps any further task from starting; those in flight finish.
 */
export async function sendBounded<T>(
	tasks: Array<SendTask<T>>,
	concurrency: number,
	stopOnFailure: boolean,
): Promise<SendReport<T>> {
	const report: SendReport<T> = { outcomes: tasks.map(() => ({ status: 'notSent' })) };
	const started = new Uint8Array(tasks.length);
	const busyKeys = new Map<string, number>();
	let firstUnstarted = 0;
	let inFlight = 0;
	let stopped = false;

	const nextStartable = (): number | undefined => {
		while (firstUnstarted < tasks.length && started[firstUnstarted]) firstUnstarted++;
		const claimed = new Set<string>();
		for (let position = firstUnstarted; position < tasks.length; position++) {
			if (started[position]) continue;
			const keys = tasks[position].recordKeys;
			if (keys.every((key) => !busyKeys.has(key) && !claimed.has(key))) return position;
			// An earlier task waiting for a record keeps later tasks on that record behind it.
			for (const key of keys) claimed.add(key);
		}
		return undefined;
	};

	return await new Promise((resolve) => {
		const finish = (position: number, outcome: SendOutcome<T>) => {
			report.outcomes[position] = outcome;
			inFlight--;
			for (const key of tasks[position].recordKeys) {
				const count = (busyKeys.get(key) ?? 1) - 1;
				if (count === 0) busyKeys.delete(key);
				else busyKeys.set(key, count);
			}
			if (outcome.status === 'failed') {
				report.firstFailure ??= position;
				if (stopOnFailure) stopped = true;
			}
			pump();
		};
		const start = (position: number) => {
			started[position] = 1;
			inFlight++;
			for (const key of tasks[position].recordKeys) busyKeys.set(key, (busyKeys.get(key) ?? 0) + 1);
			Promise.resolve()
				.then(tasks[position].send)
				.then(
					(value) => finish(position, { status: 'done', value }),
					(error: unknown) => finish(position, { status: 'failed', error }),
				);
		};
		const pump = () => {
			while (!stopped && inFlight < concurrency) {
				const position = nextStartable();
				if (position === undefined) break;
				start(position);
			}
			if (inFlight === 0) resolve(report);
		};
		pump();
	});
}
