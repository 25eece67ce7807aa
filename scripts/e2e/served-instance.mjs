// One served n8n deployment for the e2e: regular (one `n8n start` on SQLite) or queue mode (Redis, Postgres,
// one main and two workers), each process with the package installed in its own user folder.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { freePort, importCredentialsAndWorkflows, installCommunityPackage, n8nEnv } from '../lib/n8n.mjs';
import { queueModeEnv, startPostgres, startRedis } from '../lib/queue-services.mjs';
import { N8nRestClient, startN8nProcess } from '../lib/served-n8n.mjs';

/**
 * Bull's lock and stall-check times, shortened from n8n's defaults (60 s lock, 10 s renewal, 30 s check) so a killed
 * worker's job is noticed within seconds; queue recovery (default every 180 minutes) every 6 s, so that n8n marks
 * what a dead worker left behind within the test's time.
 */
const FAST_FAILURE_DETECTION = {
	QUEUE_WORKER_LOCK_DURATION: '6000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
	QUEUE_WORKER_STALLED_INTERVAL: '3000',
	N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '0.1',
};

async function preparedUserFolder(workDir, name, tarball) {
	const userFolder = path.join(workDir, name);
	await mkdir(userFolder, { recursive: true });
	await installCommunityPackage(userFolder, tarball);
	return userFolder;
}

/**
 * Starts the deployment, imports the credentials and workflows, creates the owner and logs in.
 * @param {{runtime: object, workDir: string, tarball: string, credentialsFile: string, workflowsDir: string, queue: boolean}} options
 * @returns {Promise<{url: string, client: N8nRestClient, main: object, workers: object[], stop: () => Promise<void>}>}
 */
export async function startServedDeployment({ runtime, workDir, tarball, credentialsFile, workflowsDir, queue }) {
	const started = [];
	const stop = async () => {
		for (const child of started.reverse()) await child.stop();
	};
	try {
		await mkdir(workDir, { recursive: true });
		let shared = {};
		if (queue) {
			const redis = await startRedis(workDir);
			started.push(redis);
			const postgres = await startPostgres();
			started.push(postgres);
			shared = { ...queueModeEnv({ redis, postgres, encryptionKey: randomBytes(24).toString('base64') }), ...FAST_FAILURE_DETECTION };
		}
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const mainEnv = n8nEnv({
			userFolder: await preparedUserFolder(workDir, 'main', tarball),
			brokerPort: await freePort(),
			port,
			extra: { ...shared, N8N_LOG_LEVEL: 'info', WEBHOOK_URL: `${url}/` },
		});
		await importCredentialsAndWorkflows(runtime, mainEnv, credentialsFile, workflowsDir);
		const main = await startN8nProcess(runtime, { env: mainEnv, healthUrl: url, logFile: path.join(workDir, 'main.log'), name: 'n8n main' });
		started.push(main);

		const workers = [];
		for (const name of queue ? ['worker-1', 'worker-2'] : []) {
			const healthPort = await freePort();
			const env = n8nEnv({
				userFolder: await preparedUserFolder(workDir, name, tarball),
				brokerPort: await freePort(),
				port: await freePort(),
				extra: {
					...shared,
					N8N_LOG_LEVEL: 'info',
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				},
			});
			const worker = await startN8nProcess(runtime, {
				env,
				command: 'worker',
				args: ['--concurrency=5'],
				healthUrl: `http://127.0.0.1:${healthPort}`,
				logFile: path.join(workDir, `${name}.log`),
				name: `n8n ${name}`,
			});
			started.push(worker);
			workers.push(worker);
		}

		const client = new N8nRestClient(url);
		await client.setupOwnerAndLogin();
		return { url, client, main, workers, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** The workers whose log says they started `executionId` (n8n logs "Worker started execution <id> (job <n>)"). */
export function workersThatRan(workers, executionId) {
	const line = new RegExp(`Worker started execution ${executionId} \\(job`);
	return workers.filter((worker) => line.test(worker.output()));
}
