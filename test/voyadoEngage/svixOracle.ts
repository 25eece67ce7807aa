import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface SignRequest {
	secret: string;
	id: string;
	/** Unix seconds. */
	timestamp: number;
	body: string;
}

export interface VerifyRequest {
	secret: string;
	headers: Record<string, string>;
	body: string;
}

export interface OracleAnswer {
	/** What `Webhook.sign` gave for each SignRequest (`v1,<base64>`). */
	signatures: string[];
	/** For each VerifyRequest: `accepted`, or `refused: <the library's reason>`. */
	verdicts: string[];
}

const script = path.join(__dirname, 'signWithSvix.mjs');
const projectRoot = path.resolve(__dirname, '../..');

/**
 * Asks the official `svix` library (a dev dependency) to sign and verify, at the fixed time `nowSeconds`,
 * in one Node process for the whole batch (the library is ESM only; see signWithSvix.mjs).
 */
export function askSvix(
	nowSeconds: number,
	sign: SignRequest[],
	verify: VerifyRequest[] = [],
): OracleAnswer {
	const run = spawnSync(process.execPath, [script], {
		cwd: projectRoot,
		input: JSON.stringify({ nowSeconds, sign, verify }),
		encoding: 'utf8',
	});
	if (run.status !== 0) throw new Error(`The svix oracle failed: ${run.stderr}`);
	return JSON.parse(run.stdout) as OracleAnswer;
}
