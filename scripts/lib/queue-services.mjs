// Private Redis and Postgres instances for a queue-mode n8n: Debian's packages, 127.0.0.1 only, own data folders
// and ports, nothing persisted. `.ci/run` installs the packages when missing.
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { freePort } from './n8n.mjs';
import { startProcess, tail, waitFor } from './processes.mjs';
import { run } from './run.mjs';

const PG_USER = 'n8n';
const PG_DATABASE = 'n8n';

async function commandExists(command) {
	return await run('sh', ['-c', `command -v ${command}`], { capture: true }).then(
		() => true,
		() => false,
	);
}

async function portAnswers(port) {
	const net = await import('node:net');
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1', () => {
			socket.end();
			resolve(true);
		});
		socket.on('error', () => resolve(false));
	});
}

/** `redis-server` on a free port, no persistence. */
export async function startRedis(workDir) {
	if (!(await commandExists('redis-server'))) throw new Error('redis-server is missing: apt-get install -y redis-server');
	const port = await freePort();
	const redis = startProcess(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', workDir],
		{ logFile: path.join(workDir, 'redis.log'), name: 'redis' },
	);
	await waitFor(async () => {
		if (!redis.isRunning()) throw new Error(`redis-server exited:\n${tail(redis.output())}`);
		return await portAnswers(port);
	}, { timeoutMs: 20_000, describe: 'redis-server did not listen within 20 s' });
	return { ...redis, host: '127.0.0.1', port };
}

/** Debian keeps the server binaries in /usr/lib/postgresql/<major>/bin, off PATH. */
async function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root) ? (await readdir(root)).filter((name) => /^\d+$/.test(name)).sort((a, b) => b - a) : [];
	const found = majors.map((major) => path.join(root, major, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb')));
	if (!found) throw new Error('PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: apt-get install -y postgresql');
	return found;
}

/** Postgres refuses to run as root: as root, run its commands as the `postgres` user that the package creates. */
function asPostgresUser(binary, args) {
	return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

/**
 * A fresh cluster (trust auth, 127.0.0.1 only, socket in its own folder) with database `n8n` owned by user `n8n`,
 * in a folder of its own under the system's temp folder (the postgres user must own it); `stop()` removes it.
 */
export async function startPostgres() {
	const bin = await postgresBinDir();
	const workDir = await mkdtemp(path.join(tmpdir(), 'n8n-nodes-credits-postgres-'));
	const dataDir = path.join(workDir, 'pgdata');
	const socketDir = path.join(workDir, 'pgsocket');
	await mkdir(dataDir, { recursive: true });
	await mkdir(socketDir, { recursive: true });
	if (userInfo().uid === 0) {
		const { stdout } = await run('id', ['-u', 'postgres'], { capture: true });
		const { stdout: gid } = await run('id', ['-g', 'postgres'], { capture: true });
		for (const dir of [workDir, dataDir, socketDir]) await chown(dir, Number(stdout), Number(gid));
	}
	const [initdb, initArgs] = asPostgresUser(path.join(bin, 'initdb'), ['-D', dataDir, '-U', PG_USER, '--auth=trust', '-E', 'UTF8', '--no-instructions']);
	await run(initdb, initArgs, { capture: true });
	const port = await freePort();
	await writeFile(path.join(workDir, 'postgres.log'), '');
	if (userInfo().uid === 0) await run('chown', ['postgres', path.join(workDir, 'postgres.log')]);
	const [postgres, args] = asPostgresUser(path.join(bin, 'postgres'), [
		'-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off',
	]);
	const server = startProcess(postgres, args, { logFile: path.join(workDir, 'postgres.log'), name: 'postgres' });
	await waitFor(async () => {
		if (!server.isRunning()) throw new Error(`postgres exited:\n${tail(server.output())}`);
		return await run(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { capture: true }).then(() => true, () => false);
	}, { timeoutMs: 30_000, describe: 'postgres did not accept connections within 30 s' });
	await run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', PG_USER, PG_DATABASE], { capture: true });
	const stop = async () => {
		await server.stop();
		await rm(workDir, { recursive: true, force: true });
	};
	return { ...server, stop, host: '127.0.0.1', port, user: PG_USER, database: PG_DATABASE };
}

/** The variables every queue-mode n8n process (main and workers) needs. */
export function queueModeEnv({ redis, postgres, encryptionKey }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: encryptionKey,
	};
}
