// Summarises a V8 CPU profile (`node --cpu-prof`) over one time window: self time by module and by function.
import { readFile } from 'node:fs/promises';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileSummary {
	/** Sampled time in the window, idle included. */
	sampledMs: number;
	idlePercent: number;
	/** [module, share of the busy time] — the top ones. */
	modules: Array<[string, string]>;
	functions: Array<[string, string]>;
}

/** The package a script belongs to (the last node_modules segment), or what V8 / Node calls it. */
function moduleOf({ functionName, url }: ProfileNode['callFrame']): string {
	if (!url) {
		if (functionName === '(garbage collector)') return '(garbage collection)';
		return functionName.startsWith('(') ? `${functionName} V8 / native` : '(native)';
	}
	if (url.startsWith('node:')) return 'Node.js core (node:…)';
	const parts = url.split('/node_modules/');
	if (parts.length === 1) return url;
	const rest = parts[parts.length - 1].split('/');
	return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

function functionOf(frame: ProfileNode['callFrame']): string {
	const file =
		frame.url
			.split('/node_modules/')
			.pop()
			?.replace(/^file:\/\//, '') ?? '';
	const name = frame.functionName || '(anonymous)';
	return file ? `${name}  ${file}:${frame.lineNumber + 1}` : name;
}

function top(totals: Map<string, number>, busy: number, count: number): Array<[string, string]> {
	return [...totals.entries()]
		.sort(([, a], [, b]) => b - a)
		.slice(0, count)
		.map(([name, time]) => [name, `${((time / busy) * 100).toFixed(1)}%`]);
}

/** Self time of every sample taken between `fromUs` and `toUs` (the profile's monotonic clock, µs). */
export async function summariseProfile(
	file: string,
	window: { fromUs: number; toUs: number },
): Promise<ProfileSummary> {
	const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const modules = new Map<string, number>();
	const functions = new Map<string, number>();
	let time = profile.startTime;
	let sampled = 0;
	let idle = 0;
	profile.samples.forEach((id, index) => {
		time += profile.timeDeltas[index];
		if (time < window.fromUs || time > window.toUs) return;
		// A sample stands for the time until the next one.
		const self = profile.timeDeltas[index + 1] ?? 0;
		const frame = (byId.get(id) as ProfileNode).callFrame;
		sampled += self;
		if (frame.functionName === '(idle)') {
			idle += self;
			return;
		}
		const module = moduleOf(frame);
		modules.set(module, (modules.get(module) ?? 0) + self);
		const name = functionOf(frame);
		functions.set(name, (functions.get(name) ?? 0) + self);
	});
	const busy = Math.max(sampled - idle, 1);
	return {
		sampledMs: sampled / 1000,
		idlePercent: sampled ? (idle / sampled) * 100 : 0,
		modules: top(modules, busy, 10),
		functions: top(functions, busy, 8),
	};
}
