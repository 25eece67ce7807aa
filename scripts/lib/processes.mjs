// Long-running child processes (n8n, Redis, Postgres) that a script starts and must always stop.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

const started = new Set();

/** Anything still running when the script exits is killed with its whole process group (n8n spawns task runners). */
process.on('exit', () => {
	for (const child of started) killGroup(child, 'SIGKILL');
});
// Interrupted (Ctrl-C, CI's stop): exit, which runs the handler above.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

/**
 * Starts a command in its own process group, its output appended to `logFile` and kept in memory for `output()`.
 * @param {string} command
 * @param {string[]} args
 * @param {{env?: NodeJS.ProcessEnv, cwd?: string, logFile: string, name: string}} options
 */
export function startProcess(command, args, { env, cwd, logFile, name }) {
	const child = spawn(command, args, { env: env ?? process.env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	started.add(child);
	const log = createWriteStream(logFile, { flags: 'a' });
	let output = '';
	const collect = (chunk) => {
		output += chunk;
		log.write(chunk);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	exited.then(() => {
		started.delete(child);
		log.end();
	});
	child.once('error', (error) => collect(`\n[${name}] could not start: ${error.message}\n`));

	return {
		name,
		pid: child.pid,
		logFile,
		output: () => output,
		isRunning: () => child.exitCode === null && child.signalCode === null,
		exited,
		/** SIGKILL to this process alone (not its group), as a crash would. */
		crash() {
			child.kill('SIGKILL');
			return exited;
		},
		/** SIGTERM, then SIGKILL after `graceMs`; the process group goes too. */
		async stop(graceMs = 15_000) {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
				await exited;
				clearTimeout(timer);
			}
			killGroup(child, 'SIGKILL');
		},
	};
}

/** Polls `probe` every `intervalMs` until it returns a truthy value; throws `describe()` after `timeoutMs`. */
export async function waitFor(probe, { timeoutMs, intervalMs = 500, describe }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(typeof describe === 'function' ? describe() : describe);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** The last `lines` lines of a process's output, for error messages. */
export function tail(text, lines = 40) {
	return text.trim().split('\n').slice(-lines).join('\n');
}
