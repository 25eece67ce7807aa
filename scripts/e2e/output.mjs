import assert from 'node:assert/strict';

/** The JSON of every item a node put on its first output in its (last) run. */
export function nodeOutput(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	assert.ok(runs, `node "${nodeName}" did not run`);
	return (runs.at(-1).data?.main?.[0] ?? []).map((item) => item.json);
}
