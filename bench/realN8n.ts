// The real-n8n mode of `npm run bench`: this package, packed and installed into a fresh user folder of the
// cached n8n 2.x runtime (scripts/n8n-runtime.mjs), runs with n8n's HTTP Request node in one workflow per
// `n8n execute`, against the bench server. Times are n8n's own `executionTime` of each node, from the run data.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { ProfileSummary } from './cpuProfile';
import { summariseProfile } from './cpuProfile';
import type { Contender, Stage } from './realWorkflows';
import {
	benchCredentials,
	benchWorkflow,
	getContenders,
	httpRequestNodeFile,
	returnAllContenders,
	warmUpOf,
	writeContenders,
} from './realWorkflows';
import type { ServerStats } from './server';

export const REPO = path.join(__dirname, '..', '..', '..', '..');

interface Runtime {
	n8nVersion: string;
	nodeBin: string;
	n8nBin: string;
	dir: string;
	env: Record<string, string>;
}
interface N8nLib {
	buildAndPack(projectDir: string, destination: string): Promise<string>;
	installCommunityPackage(userFolder: string, tarball: string): Promise<unknown>;
	freePort(): Promise<number>;
	n8nEnv(options: {
		userFolder: string;
		brokerPort: number;
		extra?: Record<string, string>;
	}): NodeJS.ProcessEnv;
	importCredentialsAndWorkflows(
		runtime: Runtime,
		env: NodeJS.ProcessEnv,
		credentialsFile: string | null,
		workflowsDir: string,
	): Promise<void>;
}
interface RunLib {
	run(
		command: string,
		args: string[],
		options: { env?: NodeJS.ProcessEnv; capture?: boolean },
	): Promise<{ stdout: string; stderr: string }>;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const n8nLib = (): N8nLib => require(path.join(REPO, 'scripts', 'lib', 'n8n.mjs')) as N8nLib;
const runLib = (): RunLib => require(path.join(REPO, 'scripts', 'lib', 'run.mjs')) as RunLib;
const runtimeLib = () =>
	require(path.join(REPO, 'scripts', 'n8n-runtime.mjs')) as {
		ensureN8nRuntime(line: string): Promise<Runtime>;
	};
/* eslint-enable @typescript-eslint/no-require-imports */

export interface Server {
	apiUrl: string;
	controlUrl: string;
}

/** One n8n instance: a fresh user folder with this package installed and the bench's credentials. */
interface Instance {
	runtime: Runtime;
	env: NodeJS.ProcessEnv;
	workDir: string;
	httpTypeVersion: number;
}

async function httpRequestTypeVersion(runtime: Runtime): Promise<number> {
	const file = httpRequestNodeFile(runtime.dir);
	const match = /defaultVersion:\s*([\d.]+)/.exec(await readFile(file, 'utf8'));
	if (!match) throw new Error(`No defaultVersion in ${file}`);
	return Number(match[1]);
}

async function setUp(server: Server, line: string): Promise<Instance> {
	const lib = n8nLib();
	const runtime = await runtimeLib().ensureN8nRuntime(line);
	const workDir = await mkdtemp(path.join(tmpdir(), 'n8n-nodes-credits-bench-'));
	const tarball = await lib.buildAndPack(REPO, path.join(workDir, 'pack'));
	const userFolder = path.join(workDir, 'n8n');
	await lib.installCommunityPackage(userFolder, tarball);
	const env = lib.n8nEnv({
		userFolder,
		brokerPort: await lib.freePort(),
		// `n8n execute --rawOutput` prints the run through n8n's logger, at level info.
		extra: { N8N_LOG_LEVEL: 'info', ...runtime.env },
	});
	const credentialsFile = path.join(workDir, 'credentials.json');
	await writeFile(credentialsFile, JSON.stringify(benchCredentials(server.apiUrl)), {
		mode: 0o600,
	});
	await runLib().run(
		runtime.nodeBin,
		[runtime.n8nBin, 'import:credentials', `--input=${credentialsFile}`],
		{
			env,
			capture: true,
		},
	);
	return { runtime, env, workDir, httpTypeVersion: await httpRequestTypeVersion(runtime) };
}

async function importWorkflows(instance: Instance, workflows: IDataObject[]): Promise<void> {
	const dir = path.join(instance.workDir, `workflows-${Date.now()}`);
	await mkdir(dir, { recursive: true });
	for (const workflow of workflows)
		await writeFile(path.join(dir, `${String(workflow.id)}.json`), JSON.stringify(workflow));
	const { runtime, env } = instance;
	await runLib().run(
		runtime.nodeBin,
		[runtime.n8nBin, 'import:workflow', '--separate', `--input=${dir}`],
		{ env, capture: true },
	);
}

interface NodeRun {
	startTime: number;
	executionTime: number;
	/** CPU time the n8n process used (all its threads) while the node ran. */
	cpuMs: number;
	items: number;
	error?: string;
}

/** `n8n execute --rawOutput` prints the run as indented JSON, from a line `{` to a line `}`. */
function parseRun(output: string): IDataObject {
	const json = /^\{$[\s\S]*?^\}$/m.exec(output);
	if (!json) throw new Error(`n8n printed no execution data. Its output:\n${output.slice(-3000)}`);
	return JSON.parse(json[0]) as IDataObject;
}

/** The CPU time (user + system, all threads) a process has used, read from /proc at a wall-clock time. */
interface CpuSample {
	wallMs: number;
	cpuMs: number;
}

const TICKS_PER_SECOND = 100;

function cpuSample(pid: number): CpuSample {
	const wallMs = Date.now();
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]);
		return { wallMs, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
	} catch {
		return { wallMs, cpuMs: Number.NaN };
	}
}

/** The process's CPU time at `wallMs`, interpolated between the samples around it. */
function cpuAt(samples: CpuSample[], wallMs: number): number {
	const valid = samples.filter((sample) => Number.isFinite(sample.cpuMs));
	const after = valid.findIndex((sample) => sample.wallMs >= wallMs);
	if (after <= 0) return after === 0 ? valid[0].cpuMs : (valid[valid.length - 1]?.cpuMs ?? 0);
	const [a, b] = [valid[after - 1], valid[after]];
	return a.cpuMs + ((b.cpuMs - a.cpuMs) * (wallMs - a.wallMs)) / Math.max(b.wallMs - a.wallMs, 1);
}

async function execute(
	instance: Instance,
	workflowId: string,
	profileDir?: string,
): Promise<Record<string, NodeRun>> {
	const { runtime, env } = instance;
	const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
	// Into a file, not a pipe: n8n exits right after printing the run, which a pipe would cut short.
	const outputFile = path.join(instance.workDir, 'execute-output.txt');
	const cpuSamples: CpuSample[] = [];
	const output = await open(outputFile, 'w');
	try {
		const child = spawn(
			runtime.nodeBin,
			[...profile, runtime.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
			{ env, stdio: ['ignore', output.fd, output.fd] },
		);
		const sampler = setInterval(() => cpuSamples.push(cpuSample(child.pid as number)), 20);
		await new Promise<number | null>((resolve) => child.on('close', resolve));
		clearInterval(sampler);
	} finally {
		await output.close();
	}
	// A failed run makes n8n exit non-zero; it still prints the run, whose error says what failed.
	const run = parseRun(await readFile(outputFile, 'utf8')) as {
		data: { resultData: { runData: Record<string, IDataObject[]>; error?: IDataObject } };
	};
	const failure = run.data.resultData.error;
	if (failure)
		throw new Error(
			`The bench workflow failed in ${JSON.stringify((failure.node as IDataObject | undefined)?.name)}: ${String(failure.message)} ${String(failure.description ?? '')}`,
		);
	const nodes: Record<string, NodeRun> = {};
	for (const [name, [task]] of Object.entries(run.data.resultData.runData)) {
		const main = (task.data as { main?: unknown[][] } | undefined)?.main ?? [];
		const startTime = task.startTime as number;
		const executionTime = task.executionTime as number;
		nodes[name] = {
			startTime,
			executionTime,
			cpuMs: cpuAt(cpuSamples, startTime + executionTime) - cpuAt(cpuSamples, startTime),
			items: (main[0] ?? []).length,
			error: (task.error as IDataObject | undefined)?.message as string | undefined,
		};
	}
	return nodes;
}

async function resetServer(server: Server, latencyMs: number, records = 0): Promise<void> {
	await fetch(`${server.controlUrl}/reset?latencyMs=${latencyMs}&records=${records}`, {
		method: 'POST',
	});
}

async function serverStats(server: Server): Promise<ServerStats> {
	return (await (await fetch(`${server.controlUrl}/stats`)).json()) as ServerStats;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const spread = (values: number[], format: (value: number) => string) =>
	`${format(Math.min(...values))}–${format(Math.max(...values))}`;
const ratio = (value: number) => `${value.toFixed(2)}x`;

/** n8n's workflow IDs have 16 characters. */
const workflowId = (key: string, variant: number) => `bench${key}${variant}`.padEnd(16, 'x');

/** Node order for run `round`: pairs (node, HTTP Request) swap places every other run. */
function orderFor(contenders: Contender[], round: number): number[] {
	return contenders.map((_, index) => (round % 2 === 0 ? index : index ^ 1));
}

interface Section {
	key: string;
	title: string;
	contenders: Contender[];
	items: number;
	latencyMs: number;
	records?: number;
}

interface Out {
	push(line: string): void;
}

/** Items per node in the warm-up stage that runs before the measured one (item-wise sections only). */
const WARM_UP_ITEMS = 20;

/** The warm-up stage (item-wise sections), then the measured one in the order of `variant`. */
function stagesOf(section: Section, variant: number): Stage[] {
	const measured: Stage = {
		prefix: 'Measured',
		contenders: section.contenders,
		items: section.items,
		order: orderFor(section.contenders, variant),
	};
	if (section.items === 1) return [measured];
	const warmUp = warmUpOf(section.contenders, WARM_UP_ITEMS);
	return [
		{ prefix: 'Warm-up', contenders: warmUp, items: WARM_UP_ITEMS, order: orderFor(warmUp, 0) },
		measured,
	];
}

function sectionWorkflow(instance: Instance, section: Section, id: string, variant: number) {
	return benchWorkflow({
		id,
		stages: stagesOf(section, variant),
		httpTypeVersion: instance.httpTypeVersion,
	});
}

/** Runs one section `runs` times (alternating the order of each pair) and prints medians and spread. */
async function runSection(
	instance: Instance,
	server: Server,
	section: Section,
	runs: number,
	out: Out,
): Promise<Record<string, number[]>> {
	const workflowIds = [0, 1].map((variant) => workflowId(section.key, variant));
	await importWorkflows(
		instance,
		workflowIds.map((id, variant) => sectionWorkflow(instance, section, id, variant)),
	);
	const stages = stagesOf(section, 0);
	const times: Record<string, number[]> = Object.fromEntries(
		section.contenders.map(({ name }) => [name, []]),
	);
	const cpu: Record<string, number[]> = Object.fromEntries(
		section.contenders.map(({ name }) => [name, []]),
	);
	const expectedRequests = stages
		.flatMap((stage) => stage.contenders)
		.reduce((sum, { requests }) => sum + requests, 0);
	for (let round = 0; round < runs; round++) {
		await resetServer(server, section.latencyMs, section.records);
		const nodes = await execute(instance, workflowIds[round % 2]);
		const stats = await serverStats(server);
		if (stats.requests !== expectedRequests)
			throw new Error(
				`${section.title}: expected ${expectedRequests} requests, the server got ${stats.requests} (${JSON.stringify(stats.routes)})`,
			);
		for (const contender of section.contenders) {
			const run = nodes[contender.name];
			if (!run || run.error || run.items !== contender.outputItems)
				throw new Error(
					`${contender.name}: expected ${contender.outputItems} items, got ${run?.items} ${run?.error ?? ''}`,
				);
			times[contender.name].push(run.executionTime);
			cpu[contender.name].push(run.cpuMs);
		}
	}
	out.push(
		`\n${section.title} (n=${runs}; node time = n8n's executionTime, then the n8n process's CPU time in that window; load average after: ${loadavg()
			.map((value) => value.toFixed(1))
			.join(' ')})`,
	);
	for (const contender of section.contenders) {
		const values = times[contender.name];
		const partner = contender.node && times[`${contender.name} (HTTP Request)`];
		const perRun = partner ? values.map((value, run) => value / partner[run]) : [];
		const against = partner
			? `  ${ratio(median(perRun))} the HTTP Request node (per run ${spread(perRun, ratio)})`
			: '';
		const floor = contender.floorMs
			? `, ${ratio(median(values) / contender.floorMs)} its pace's floor of ${ms(contender.floorMs)}`
			: '';
		const cpuValues = cpu[contender.name];
		const cpuPartner = contender.node && cpu[`${contender.name} (HTTP Request)`];
		const cpuPerRun = cpuPartner ? cpuValues.map((value, run) => value / cpuPartner[run]) : [];
		const cpuAgainst = cpuPartner
			? `  ${ratio(median(cpuPerRun))} (per run ${spread(cpuPerRun, ratio)})`
			: '';
		out.push(
			`  ${contender.name.padEnd(50)} ${ms(median(values)).padStart(9)} (${spread(values, ms)})${against}${floor}`,
		);
		out.push(
			`  ${''.padEnd(50)} CPU ${ms(median(cpuValues)).padStart(9)} (${spread(cpuValues, ms)})${cpuAgainst}`,
		);
	}
	return times;
}

/** One more run of the Gets at 0 ms with `--cpu-prof`: what dominates inside each node's own time. */
async function profileGets(
	instance: Instance,
	server: Server,
	contenders: Contender[],
	out: Out,
): Promise<void> {
	const profileDir = path.join(instance.workDir, 'profile');
	await rm(profileDir, { recursive: true, force: true });
	await resetServer(server, 0);
	// Wall clock to the monotonic clock V8's profile timestamps use (both system-wide on Linux), in µs.
	const offsetUs = Date.now() * 1000 - Number(process.hrtime.bigint() / 1000n);
	const nodes = await execute(instance, workflowId('Gets0', 0), profileDir);
	const [file] = (await readdir(profileDir)).filter((name) => name.endsWith('.cpuprofile'));
	for (const contender of contenders) {
		const run = nodes[contender.name];
		const from = run.startTime * 1000 - offsetUs;
		const summary: ProfileSummary = await summariseProfile(path.join(profileDir, file), {
			fromUs: from,
			toUs: from + run.executionTime * 1000,
		});
		out.push(
			`\nCPU profile, ${contender.name} at 0 ms: ${ms(run.executionTime)} node time, ${ms(summary.sampledMs)} sampled (${summary.idlePercent.toFixed(0)}% idle)`,
		);
		out.push('  by module (self time):');
		for (const [name, share] of summary.modules) out.push(`    ${share.padStart(6)}  ${name}`);
		out.push('  top functions (self time):');
		for (const [name, share] of summary.functions) out.push(`    ${share.padStart(6)}  ${name}`);
	}
}

export const REAL_GETS = 500;

function getsSection(contenders: Contender[], latencyMs: number): Section {
	return {
		key: `Gets${latencyMs}`,
		title: `${REAL_GETS} item-wise Gets at ${latencyMs} ms latency`,
		contenders,
		items: REAL_GETS,
		latencyMs,
	};
}
const RETURN_ALL_RECORDS = 10_000;

/** The real-n8n sections (writes and Return All: at most 3 runs); `BENCH_REAL=gets,writes,returnAll,profile` picks some. */
export async function benchRealN8n(server: Server, runs: number, out: Out): Promise<void> {
	const parts = (process.env.BENCH_REAL ?? 'gets,writes,returnAll,profile').split(',');
	const instance = await setUp(server, '2');
	out.push(
		`\nReal n8n ${instance.runtime.n8nVersion} (\`n8n execute\`, SQLite, the package installed as a community package; HTTP Request node typeVersion ${instance.httpTypeVersion}, default options, Authentication: the same credential as a predefined credential type)`,
	);
	try {
		const gets = (latencyMs: number) => getContenders(server.apiUrl, REAL_GETS, latencyMs);
		if (parts.includes('gets'))
			for (const latencyMs of [20, 0])
				await runSection(instance, server, getsSection(gets(latencyMs), latencyMs), runs, out);
		if (parts.includes('writes'))
			for (const latencyMs of [20, 0])
				await runSection(
					instance,
					server,
					{
						key: `Writes${latencyMs}`,
						title: `${REAL_GETS} item-wise writes at ${latencyMs} ms latency`,
						contenders: writeContenders(server.apiUrl, REAL_GETS),
						items: REAL_GETS,
						latencyMs,
					},
					Math.min(runs, 3),
					out,
				);
		if (parts.includes('returnAll'))
			await runSection(
				instance,
				server,
				{
					key: 'ReturnAll',
					title: `Return All of ${RETURN_ALL_RECORDS} records (pages of 100) at 0 ms latency`,
					contenders: returnAllContenders(RETURN_ALL_RECORDS, 100),
					items: 1,
					latencyMs: 0,
					records: RETURN_ALL_RECORDS,
				},
				Math.min(runs, 3),
				out,
			);
		if (parts.includes('profile')) {
			const section = getsSection(gets(0), 0);
			if (!parts.includes('gets'))
				await importWorkflows(instance, [
					sectionWorkflow(instance, section, workflowId(section.key, 0), 0),
				]);
			await profileGets(instance, server, section.contenders, out);
		}
	} finally {
		await rm(instance.workDir, { recursive: true, force: true });
	}
}
