// n8n's own AI Agent and OpenAI Chat Model, pointed at the sandbox's scripted model (sandbox/providers/openai.mjs),
// with the package's nodes as tools (scripts/e2e/workflows/e2e-ai-agent-v*.json). Each chat message is one
// conversation: the model calls the tool the message names with its key=value arguments, then answers with what the
// tool returned. The checks read the chat requests n8n sent to the model (the tools offered, the tool calls, the tool
// results the model got), the requests the tools sent to the services, and the agent's replies.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SANDBOX_KEYS } from '../../sandbox/keys.mjs';
import { run } from '../lib/run.mjs';
import { nodeOutput } from './output.mjs';

const SANDBOX_CONTACT = '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b';
const SANDBOX_PROJECT_CREDIT = '9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c51';
const REFUSED_AGENT_ID = 'The parameter "Awarded To (Agent ID)" must be a whole number of 1 or more, got 0';

/** The chat messages of the workflows' "Chat messages" node, by what each one checks. */
const MESSAGES = {
	award: 'Award_SignTraker_credit agentId=101 amount=25 name="Thank you"',
	voyado: `Voyado_point_balances contactId=${SANDBOX_CONTACT}`,
	waldur: 'Waldur_project_credits projectName=Genome',
	refused: 'Award_SignTraker_credit agentId=0 amount=5 name="Refused"',
	notFound: 'Get_SignTraker_agent agentId=999',
};
const TOOLS = ['Award_SignTraker_credit', 'Get_SignTraker_agent', 'Voyado_point_balances', 'Waldur_project_credits'];

const textOf = (content) => (Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : (content ?? ''));

/** One conversation as the model saw it: the requests whose last user message is `message`, in order. */
function conversation(chatRequests, message) {
	const requests = chatRequests.filter((request) => {
		const users = request.body.messages.filter((entry) => entry.role === 'user');
		return textOf(users.at(-1)?.content) === message;
	});
	assert.equal(requests.length, 2, `the model was asked twice about "${message}" (tool call, then answer)`);
	const [first, second] = requests;
	const [call, ...moreCalls] = second.body.messages.flatMap((entry) => entry.tool_calls ?? []);
	assert.equal(moreCalls.length, 0, `one tool call for "${message}"`);
	const toolMessage = second.body.messages.find((entry) => entry.role === 'tool' && entry.tool_call_id === call.id);
	assert.ok(toolMessage, `the tool result of ${call.function.name} went back to the model`);
	// n8n's engine-run agent (AI Agent 3) replays the call with the call's ID among the arguments.
	const { id, ...args } = JSON.parse(call.function.arguments);
	if (id !== undefined) assert.equal(id, call.id, 'the only argument n8n adds is the call ID');
	return {
		offered: first.body.tools.map((tool) => tool.function),
		call: { name: call.function.name, args },
		result: textOf(toolMessage.content),
		streamed: requests.map((request) => Boolean(request.body.stream)),
	};
}

/** The tool result as JSON: n8n hands the model the tool's output items. */
function resultJson({ call, result }) {
	try {
		return JSON.parse(result);
	} catch {
		assert.fail(`the model got no JSON from ${call.name}: ${JSON.stringify(result)}`);
	}
}

const only = (requests, provider, method, path) =>
	requests.filter((request) => request.provider === provider && request.method === method && request.path === path);

function check(run, requests) {
	const chatRequests = only(requests, 'openai', 'POST', '/v1/chat/completions');
	const talk = Object.fromEntries(Object.entries(MESSAGES).map(([key, message]) => [key, conversation(chatRequests, message)]));

	// The model is offered every tool, each with its $fromAI keys as a typed JSON schema.
	assert.deepEqual(talk.award.offered.map((tool) => tool.name).sort(), [...TOOLS].sort());
	const awardTool = talk.award.offered.find((tool) => tool.name === 'Award_SignTraker_credit');
	assert.ok(awardTool.description.trim(), 'the award tool has a description');
	assert.deepEqual(Object.keys(awardTool.parameters.properties).sort(), ['agentId', 'amount', 'name']);
	assert.equal(awardTool.parameters.properties.agentId.type, 'number');

	// The tool calls reach the services with the values the model chose.
	assert.deepEqual(talk.award.call, { name: 'Award_SignTraker_credit', args: { agentId: 101, amount: 25, name: 'Thank you' } });
	const awardPosts = only(requests, 'signtraker', 'POST', '/api/credits/awards');
	assert.equal(awardPosts.length, 1, 'one award was created: the refused call sent nothing');
	assert.deepEqual(awardPosts[0].body, { Name: 'Thank you', AwardedTo: { Id: 101 }, TotalAmount: 25 });
	const [award] = resultJson(talk.award);
	assert.equal(award.Name, 'Thank you');
	assert.deepEqual(award.AwardedTo, { Id: 101, Name: 'Jane Doe' });

	const [voyadoRead] = only(requests, 'voyado', 'GET', '/api/v2/point-accounts');
	assert.equal(voyadoRead.query.contactId, SANDBOX_CONTACT);
	assert.ok(resultJson(talk.voyado).some((account) => account.contactId === SANDBOX_CONTACT), 'the model got the point accounts');

	const [waldurRead] = only(requests, 'waldur', 'GET', '/api/project-credits/');
	assert.equal(waldurRead.query.project_name, 'Genome');
	assert.deepEqual(resultJson(talk.waldur).map((credit) => credit.uuid), [SANDBOX_PROJECT_CREDIT]);

	// Failures come back to the model as text it can read: the message, the hint, the HTTP status; no "(item 0)".
	assert.deepEqual(resultJson(talk.refused), [{ error: REFUSED_AGENT_ID }]);
	assert.equal(only(requests, 'signtraker', 'GET', '/api/agents/999')[0]?.status, 404);
	assert.deepEqual(resultJson(talk.notFound), [
		{ error: 'No SignTraker agent with ID 999 was found', hint: 'Nothing was found. Check the ID or identifier you gave.', httpCode: '404' },
	]);
	for (const conversationOf of [talk.refused, talk.notFound]) assert.doesNotMatch(conversationOf.result, /\(item \d+\)/);

	// The agent's replies carry what the tools answered, failures included.
	const replies = nodeOutput(run, 'AI Agent').map((item) => item.output);
	assert.equal(replies.length, Object.keys(MESSAGES).length, 'one reply per chat message');
	const [awardReply, voyadoReply, waldurReply, refusedReply, notFoundReply] = replies;
	assert.match(awardReply, /Award_SignTraker_credit answered: .*"Thank you"/);
	assert.match(voyadoReply, new RegExp(`Voyado_point_balances answered: .*${SANDBOX_CONTACT}`));
	assert.match(waldurReply, new RegExp(`Waldur_project_credits answered: .*${SANDBOX_PROJECT_CREDIT}`));
	assert.ok(refusedReply.includes(JSON.stringify(REFUSED_AGENT_ID).slice(1, -1)), `the reply says why the award was refused: ${refusedReply}`);
	assert.match(notFoundReply, /Get_SignTraker_agent answered: .*"httpCode":"404"/);

	// The failed tool calls stay visible in the execution log: their runs carry a warning hint.
	for (const toolNode of ['Award SignTraker credit', 'Get SignTraker agent']) {
		const hints = (run.data.resultData.runData[toolNode] ?? []).flatMap((task) => task.hints ?? []);
		assert.ok(
			hints.some((hint) => hint.message.startsWith('This tool call failed')),
			`the failed call of "${toolNode}" is marked in the execution log: ${JSON.stringify(hints)}`,
		);
	}
}

/** @type {import('./scenarios.mjs').Scenario[]} */
export const AI_AGENT_SCENARIOS = [
	{ workflowId: 'e2eAiAgentToolV3', file: 'e2e-ai-agent-v3.json', dir: 'workflows', nodeTypes: ['signTraker', 'voyadoEngage', 'waldur'], check },
	{ workflowId: 'e2eAiAgentToolV2', file: 'e2e-ai-agent-v2.json', dir: 'workflows', nodeTypes: ['signTraker', 'voyadoEngage', 'waldur'], check },
];

const streamCheckScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'streamed-model-check.cjs');

/**
 * The sandbox model's streamed replies, read by the OpenAI client of this n8n (streamed-model-check.cjs): the tool
 * call and the text come out as the sandbox meant them.
 */
export async function checkStreamedReplies(runtime, sandbox) {
	const { stdout } = await run(runtime.nodeBin, [streamCheckScript, runtime.dir, `${sandbox.baseUrls.openai}/v1`, SANDBOX_KEYS.openAiApiKey], {
		capture: true,
	});
	const { toolCalls, text } = JSON.parse(stdout);
	assert.deepEqual(
		toolCalls.map(({ name, args }) => ({ name, args })),
		[{ name: 'Waldur_project_credits', args: { projectName: 'Genome Lab of the long name', limit: 5 } }],
	);
	assert.equal(text, 'You said: A text answer long enough to come in several chunks, please.');
	const streamed = sandbox.requests().filter((request) => request.provider === 'openai' && request.body?.stream === true);
	assert.equal(streamed.length, 2, 'both replies were asked for as streams');
}
