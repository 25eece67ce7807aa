// Reads the sandbox model's streamed replies (server-sent events) with the OpenAI client n8n's OpenAI Chat Model uses
// (@langchain/openai, as this n8n ships it), streaming as n8n's AI Agent does when its chat streams (LangChain's
// stream, chunk by chunk): a tool call and a text answer must come out whole. `n8n execute` runs the agent without streaming, so the e2e's agent runs cannot
// show this. Prints the parsed replies as JSON; exits non-zero when the client cannot read them.
// Usage: node streamed-model-check.cjs <n8n runtime dir> <sandbox model base URL, …/openai/v1> <API key>
const path = require('node:path');

const [runtimeDir, baseURL, apiKey] = process.argv.slice(2);
const langchainNodes = path.join(runtimeDir, 'node_modules', '@n8n', 'n8n-nodes-langchain');
const { ChatOpenAI } = require(require.resolve('@langchain/openai', { paths: [langchainNodes] }));

/** A tool as n8n's agent offers it: the $fromAI keys as a JSON schema. */
const TOOL = {
	type: 'function',
	function: {
		name: 'Waldur_project_credits',
		description: 'Get many project credits in Waldur',
		parameters: { type: 'object', properties: { projectName: { type: 'string' }, limit: { type: 'integer' } }, required: ['projectName'] },
	},
};

/** The chunks of a streamed reply, joined as LangChain joins them. */
async function streamed(runnable, input) {
	let whole;
	for await (const chunk of await runnable.stream(input)) whole = whole ? whole.concat(chunk) : chunk;
	return whole;
}

(async () => {
	const model = new ChatOpenAI({ model: 'gpt-4o-mini', apiKey, configuration: { baseURL }, maxRetries: 0 });
	const call = await streamed(model.bindTools([TOOL]), 'Waldur_project_credits projectName="Genome Lab of the long name" limit=5');
	const text = await streamed(model, 'A text answer long enough to come in several chunks, please.');
	process.stdout.write(JSON.stringify({ toolCalls: call.tool_calls, text: text.content }));
})().catch((error) => {
	process.stderr.write(String(error?.stack ?? error));
	process.exit(1);
});
