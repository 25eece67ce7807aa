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
	/** One outcome per task the queue took from its source, in task order (a stop leaves the rest untaken). */
	outcomes: Array<SendOutcome<T>>;
	/** The position of the failure that came first, if any. */
	firstFailure?: number;
}

/**
 * Where the tasks come from: a list known in full, or `next()`, asked for one more task whenever
 * one could start (so a task is planned while earlier ones are in flight); undefined when there are no more.
 */
export type TaskSource<T> =
	| Array<SendTask<T>>
	| { next: () => Promise<SendTask<T> | undefined> | SendTask<T> | undefined };

function pullFrom<T>(source: TaskSource<T>): () => Promise<SendTask<T> | undefined> {
	if (!Array.isArray(source)) return async () => await source.next();
	let position = 0;
	return async () => await Promise.resolve(source[position++]);
}

/**
 * Sends the tasks with at most `concurrency` in flight, starting them in task order; tasks on the same
 * record run one after another in that order, tasks on different records run side by side. With
 * `stopOnFailure` the first failure keeps any further task from starting (or being asked for); those
 * in flight finish.
 */
export async function sendBounded<T>(
	source: TaskSource<T>,
	concurrency: number,
	stopOnFailure: boolean,
): Promise<SendReport<T>> {
	const pull = pullFrom(source);
	const tasks: Array<SendTask<T>> = [];
	const report: SendReport<T> = { outcomes: [] };
	const started: boolean[] = [];
	const busyKeys = new Map<string, number>();
	let firstUnstarted = 0;
	let inFlight = 0;
	let exhausted = false;
	let stopped = false;
	let settled: () => void = () => undefined;
	let taskEnded = new Promise<void>((resolve) => (settled = resolve));

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
		settled();
	};
	const start = (position: number) => {
		started[position] = true;
		inFlight++;
		for (const key of tasks[position].recordKeys) busyKeys.set(key, (busyKeys.get(key) ?? 0) + 1);
		Promise.resolve()
			.then(tasks[position].send)
			.then(
				(value) => finish(position, { status: 'done', value }),
				(error: unknown) => finish(position, { status: 'failed', error }),
			);
	};
	/** Starts what may start, asking the source for more while there is room. */
	const fill = async () => {
		while (!stopped && inFlight < concurrency) {
			const position = nextStartable();
			if (position !== undefined) {
				start(position);
				continue;
			}
			if (exhausted) return;
			const task = await pull();
			if (task === undefined) exhausted = true;
			else {
				tasks.push(task);
				started.push(false);
				report.outcomes.push({ status: 'notSent' });
			}
		}
	};

	for (;;) {
		await fill();
		if (inFlight > 0) {
			await taskEnded;
			taskEnded = new Promise<void>((resolve) => (settled = resolve));
			continue;
		}
		// The last task may have ended after fill() found nothing to start: start what it freed.
		if (stopped || nextStartable() === undefined) return report;
	}
}
