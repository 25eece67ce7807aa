// The README promises that the examples run in any order, as often as the user likes, without a sandbox reset in
// between (example 3 deletes every Spreedly subscriber; example 10 must still work after it). This runs every example
// that starts from a Manual Trigger, in file order and then in reverse, on one sandbox that is reset only before the
// first: so each runs twice, and each runs once before and once after every other. Each run must end without an error.

/** Examples with an enabled Manual Trigger and no AI node (those need a chat model). */
export function manualExamples(examples) {
	return examples.filter(
		(workflow) =>
			workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger' && !node.disabled) &&
			!workflow.nodes.some((node) => node.type.startsWith('@n8n/n8n-nodes-langchain.')),
	);
}

/**
 * @param {{examples: object[], sandbox: {reset: () => void}, execute: (workflowId: string) => Promise<any>}} options
 *   `execute` runs one workflow in n8n and returns the run (`data.resultData.error` set when it failed)
 * @returns {Promise<string[]>} what failed, as "<title>: <error>"; empty when every run succeeded
 */
export async function runExamplesInAnyOrder({ examples, sandbox, execute, log = () => {} }) {
	const forward = manualExamples(examples);
	if (forward.length < 2) throw new Error(`only ${forward.length} example(s) start from a Manual Trigger`);
	sandbox.reset();
	const failures = [];
	for (const workflow of [...forward, ...[...forward].reverse()]) {
		const error = (await execute(workflow.id)).data?.resultData?.error;
		log(`${error ? '✖' : '✔'} ${workflow.name}${error ? `: ${error.message}` : ''}`);
		if (error) failures.push(`${workflow.name}: ${error.message}${error.node?.name ? ` (node "${error.node.name}")` : ''}`);
	}
	return failures;
}
