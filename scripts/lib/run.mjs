// Child-process helpers shared by the runtime installer, `npm start` and `npm run e2e`.
import { spawn } from 'node:child_process';

/**
 * Runs a command to completion.
 * With `capture: true` stdout/stderr are collected and returned; otherwise they are inherited.
 * Rejects with an error that carries the command's own output when it exits non-zero.
 * @param {string} command
 * @param {string[]} args
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv, capture?: boolean, input?: string}} [options]
 * @returns {Promise<{stdout: string, stderr: string}>}
 */
export function run(command, args, { cwd, env, capture = false, input } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd,
			env: env ?? process.env,
			stdio: [input === undefined ? 'ignore' : 'pipe', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk) => (stdout += chunk));
		child.stderr?.on('data', (chunk) => (stderr += chunk));
		if (input !== undefined) child.stdin.end(input);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (code === 0) return resolve({ stdout, stderr });
			const output = `${stdout}\n${stderr}`.trim();
			const error = new Error(
				`\`${[command, ...args].join(' ')}\` failed (${signal ?? `exit ${code}`})${output ? `:\n${output}` : ''}`,
			);
			Object.assign(error, { stdout, stderr, code, signal });
			reject(error);
		});
	});
}

/** npm settings that must not come from the user's own npm config (e.g. `yes=false`). */
export function npmEnv(extra = {}) {
	return {
		...process.env,
		npm_config_yes: 'true',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
		npm_config_loglevel: 'error',
		...extra,
	};
}

/** Prints one progress line, prefixed so it stands out from n8n's and npm's own output. */
export function step(message) {
	process.stdout.write(`\n▶ ${message}\n`);
}
