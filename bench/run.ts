// `npm run bench`: starts the bench server (server.ts) in its own process, runs every scenario and
// prints medians with their spread. Never part of `npm test`. Sections: `real` (realN8n.ts: a real n8n,
// `n8n execute`, next to n8n's HTTP Request node; BENCH_REAL=gets,writes,returnAll,profile picks its parts)
// and the library mode (scenarios.ts: n8n-core as a library, each scenario in a fresh process: gets, add,
// returnAll). BENCH_RUNS=5 (runs per scenario), BENCH_EXPRESSION_RUNS=3 (Add with expressions),
// BENCH_ONLY=real,gets,add,returnAll (sections to run).
import { spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import type { AddMapping, GetSubject, Measurement, Scenario } from './scenarios';
import { benchRealN8n, REPO } from './realN8n';
import { ADD_ROWS, GETS, RETURN_ALL_RECORDS } from './scenarios';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Five expressions per row on the vm engine take tens of seconds a run. */
const EXPRESSION_RUNS = Number(process.env.BENCH_EXPRESSION_RUNS ?? Math.min(RUNS, 3));
const SECTIONS = (process.env.BENCH_ONLY ?? 'real,gets,add,returnAll').split(',');

type Base = Pick<Scenario, 'apiUrl' | 'controlUrl'>;

/** Lines are printed as they are measured: the whole bench takes minutes. */
interface Out {
	push(line: string): void;
}

async function startServer(): Promise<{ base: Base; stop: () => void }> {
	const child = spawn(process.execPath, [path.join(__dirname, 'server.js')], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const firstLine = await new Promise<string>((resolve) =>
		createInterface({ input: child.stdout }).once('line', resolve),
	);
	const { apiPort, controlPort } = JSON.parse(firstLine) as {
		apiPort: number;
		controlPort: number;
	};
	return {
		base: { apiUrl: `http://127.0.0.1:${apiPort}`, controlUrl: `http://127.0.0.1:${controlPort}` },
		stop: () => child.kill('SIGTERM'),
	};
}

/** Runs one scenario in a fresh process and returns its measured runs. */
async function runScenario(scenario: Scenario): Promise<Measurement[]> {
	const child = spawn(
		process.execPath,
		[path.join(__dirname, 'scenarios.js'), JSON.stringify(scenario)],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
			env: { ...process.env, N8N_LOG_LEVEL: 'silent' },
		},
	);
	const measurements: Measurement[] = [];
	for await (const line of createInterface({ input: child.stdout }))
		measurements.push(JSON.parse(line) as Measurement);
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	if (code !== 0) throw new Error(`scenario failed: ${JSON.stringify(scenario)}`);
	return measurements;
}

/** Return All measures peak memory, so each of its runs gets a process of its own. */
async function runEachInItsOwnProcess(scenario: Scenario): Promise<Measurement[]> {
	const all: Measurement[] = [];
	for (let run = 0; run < scenario.runs; run++)
		all.push(...(await runScenario({ ...scenario, runs: 1 })));
	return all;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface Row {
	label: string;
	runs: Measurement[];
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

function spread(values: number[]): string {
	return `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
}

function describeRow({ label, runs }: Row, yardstick?: Row): string {
	const times = runs.map((run) => run.ms);
	const last = runs[runs.length - 1];
	const ratio = yardstick
		? ` ${(median(times) / median(yardstick.runs.map((run) => run.ms))).toFixed(2)}x`
		: '';
	const engine = last.expressionEngine ? `, expressions: ${last.expressionEngine}` : '';
	const workflow =
		last.workflowMs === undefined
			? ''
			: ` workflow ${ms(median(runs.map((run) => run.workflowMs ?? 0)))}`;
	return [
		`  ${label.padEnd(52)} ${ms(median(times)).padStart(9)} (${spread(times)}, n=${runs.length})${ratio}`,
		`    requests ${last.server.requests}, connections opened ${last.server.connections} (peak open ${last.server.peakOpenConnections}), peak in flight ${last.server.peakInFlight}${workflow}${engine}`,
	].join('\n');
}

/** Each at its default Concurrency, unless a third value sets Options → Concurrency. */
const GET_SUBJECTS: Array<[GetSubject, string, number?]> = [
	['signTraker', 'SignTraker Agent → Get'],
	['signTrakerFixedId', 'SignTraker Agent → Get, fixed ID (no expression)'],
	['voyadoEngage', 'Voyado Engage Point Account → Get'],
	['waldur', 'Waldur Project Credit → Get'],
	['spreedly', 'Spreedly Subscriber → Get (XML)'],
	['signTraker', 'SignTraker Agent → Get, Concurrency raised', 50],
];

function n8nRuntimeDir(): string | undefined {
	const result = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'n8n-runtime.mjs')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const lines = result.stdout.trim().split('\n');
	return result.status === 0 ? lines[lines.length - 1] : undefined;
}

async function benchGets(base: Base, out: Out): Promise<void> {
	const runtimeDir = n8nRuntimeDir();
	for (const latencyMs of [0, 20]) {
		out.push(
			`\n${GETS} item-wise Gets, server latency ${latencyMs} ms (node time = n8n's executionTime of the node)`,
		);
		const common = { ...base, latencyMs, runs: RUNS, kind: 'gets' as const };
		const nodes: Row[] = [];
		for (const [subject, label, concurrency] of GET_SUBJECTS) {
			const runs = await runScenario({ ...common, subject, concurrency });
			nodes.push({ label: `${label} (concurrency ${runs[0].concurrency})`, runs });
		}
		const rawAt = new Map<number, Row>();
		for (const concurrency of new Set([1, ...nodes.map((row) => row.runs[0].concurrency ?? 1)])) {
			const runs = await runScenario({ ...common, subject: 'raw', concurrency });
			const label = concurrency === 1 ? 'sequential' : `concurrency ${concurrency}`;
			rawAt.set(concurrency, { label: `raw keep-alive client, ${label}`, runs });
			out.push(describeRow(rawAt.get(concurrency) as Row));
		}
		const rawFor = (row: Row) => rawAt.get(row.runs[0].concurrency ?? 1) as Row;
		for (const row of nodes) out.push(describeRow(row, rawFor(row)));
		const sequential = rawAt.get(1) as Row;
		if (runtimeDir) {
			const runs = await runScenario({ ...common, subject: 'httpRequest', runtimeDir });
			out.push(
				describeRow(
					{ label: `n8n's HTTP Request node (${runs[0].note}), default options`, runs },
					sequential,
				),
			);
		} else out.push("  n8n's HTTP Request node: skipped (no cached n8n runtime)");
		out.push(
			'    (ratios: median / median of the raw client at the same concurrency; HTTP Request: / sequential)',
		);
	}
}

const ADD_MAPPINGS: Array<[AddMapping, string]> = [
	['autoMapInputData', 'Map Automatically'],
	['fixedValues', 'Map Each Field Below, fixed values'],
	['expressions', 'Map Each Field Below, 5 expressions per row'],
];

async function benchAdd(base: Base, out: Out): Promise<void> {
	const latencyMs = 20;
	out.push(
		`\nVoyado Engage Point Transaction → Add, ${ADD_ROWS} rows, server latency ${latencyMs} ms`,
	);
	const common = { ...base, latencyMs, kind: 'add' as const };
	const raw: Row = {
		label: 'raw keep-alive client, the same 10 POSTs',
		runs: await runScenario({ ...common, runs: RUNS, mapping: 'raw' }),
	};
	out.push(describeRow(raw));
	for (const [mapping, label] of ADD_MAPPINGS) {
		const runs = await runScenario({
			...common,
			runs: mapping === 'expressions' ? EXPRESSION_RUNS : RUNS,
			mapping,
		});
		out.push(describeRow({ label, runs }, raw));
	}
}

async function benchReturnAll(base: Base, out: Out): Promise<void> {
	const latencyMs = 0;
	out.push(
		`\nReturn All of ${RETURN_ALL_RECORDS} records, server latency ${latencyMs} ms, one process per run`,
	);
	const common = { ...base, latencyMs, runs: RUNS, kind: 'returnAll' as const };
	for (const [subject, label] of [
		['waldur', 'Waldur Project Credit → Get Many (Link paging)'],
		['voyadoEngage', 'Voyado Engage Point Transaction → Get Many (offset/count)'],
	] as const) {
		const raw: Row = {
			label: 'raw keep-alive client, the same pages',
			runs: await runScenario({ ...common, subject: `raw-${subject}` }),
		};
		const runs = await runEachInItsOwnProcess({ ...common, subject });
		out.push(describeRow(raw));
		out.push(describeRow({ label, runs }, raw));
		const last = runs[runs.length - 1];
		out.push(
			`    output JSON ${last.outputJsonMb?.toFixed(1)} MB, peak RSS ${median(runs.map((run) => run.peakRssMb ?? 0)).toFixed(0)} MB (raw client process: ${raw.runs[0].peakRssMb?.toFixed(0)} MB)`,
		);
	}
}

function machine(): string {
	const cpu = cpus();
	return `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}`;
}

const load = () =>
	loadavg()
		.map((value) => value.toFixed(1))
		.join(' ');

async function main() {
	const out: Out = { push: (line) => process.stdout.write(`${line}\n`) };
	out.push(`n8n-nodes-credits bench, ${new Date().toISOString()}`);
	out.push(`machine: ${machine()}`);
	out.push(`load average at start: ${load()}`);
	out.push(`runs per scenario: ${RUNS}`);
	const { base, stop } = await startServer();
	try {
		if (SECTIONS.includes('real')) await benchRealN8n(base, RUNS, out);
		if (SECTIONS.includes('gets')) await benchGets(base, out);
		if (SECTIONS.includes('add')) await benchAdd(base, out);
		if (SECTIONS.includes('returnAll')) await benchReturnAll(base, out);
		out.push(`\nload average at end: ${load()}`);
	} finally {
		stop();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
