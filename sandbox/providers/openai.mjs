// An OpenAI-compatible chat model (`/openai/v1`), scripted so that n8n's AI Agent can be tested without a real one:
// `POST /v1/chat/completions` (plain JSON or, with `stream: true`, server-sent events) and `GET /v1/models`
// (n8n's credential test and model list). `Authorization: Bearer <key>`; errors in OpenAI's `{"error": {…}}` shape.
//
// How it "thinks", turn by turn (only what follows the conversation's last user message counts):
// - no tool result yet and the request offers tools → it calls tools: every offered tool the user message names
//   (`Award_SignTraker_credit`, or with spaces), else the one whose name and description share the most words with
//   it. Each argument is taken from the message as `key=value` or `key="several words"` (the keys of the tool's JSON
//   schema, i.e. the `$fromAI` keys), typed by the schema. If a required one is missing it asks for it instead;
// - tool results present → it answers in text that quotes each tool's result, as a model reports what it found;
// - no tools offered → it answers in text.
import { header, json, parseJson, router } from '../lib/http.mjs';

export const CHAT_MODELS = ['gpt-4o-mini', 'gpt-4o'];
const MODEL_CREATED = 1715367049;
/** How many characters of text or tool arguments go into one streamed chunk. */
const STREAM_PIECE = 24;

const apiError = (status, message, type, code = null, param = null) => json(status, { error: { message, type, param, code } });

/** The text of a message's `content`: a string, or OpenAI's list of parts. */
function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : (part?.text ?? ''))).join('');
	return '';
}

const words = (text) => new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 2));

/** The tools the user message asks for: those it names, in the order named; else the best match by shared words. */
function chooseTools(tools, userText) {
	const lower = userText.toLowerCase();
	const named = tools
		.map((tool) => {
			const name = tool.function.name.toLowerCase();
			const at = [name, name.replace(/_/g, ' ')].map((form) => lower.indexOf(form)).filter((index) => index >= 0);
			return { tool, at: at.length ? Math.min(...at) : -1 };
		})
		.filter(({ at }) => at >= 0)
		.sort((a, b) => a.at - b.at)
		.map(({ tool }) => tool);
	if (named.length) return named;
	const asked = words(userText);
	let best;
	let bestScore = 0;
	for (const tool of tools) {
		const offered = words(`${tool.function.name.replace(/_/g, ' ')} ${tool.function.description ?? ''}`);
		const score = [...offered].filter((word) => asked.has(word)).length;
		if (score > bestScore) [best, bestScore] = [tool, score];
	}
	return best ? [best] : [];
}

/** `key=value` and `key="several words"` (or 'single quotes') pairs of the message. */
function assignments(userText) {
	const found = new Map();
	for (const match of userText.matchAll(/([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s,;]+))/g)) {
		found.set(match[1], match[2] ?? match[3] ?? match[4]);
	}
	return found;
}

function typed(value, schema = {}) {
	const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== 'null') : schema.type;
	if (type === 'number' || type === 'integer') return Number(value);
	if (type === 'boolean') return value === 'true';
	if (type === 'object' || type === 'array') return parseJson(value) ?? value;
	return value;
}

/** The tool's arguments from the message, or the names of the required ones it does not give. */
function argumentsFor(tool, given) {
	const parameters = tool.function.parameters ?? {};
	const properties = parameters.properties ?? {};
	const args = {};
	for (const [key, schema] of Object.entries(properties)) {
		if (given.has(key)) args[key] = typed(given.get(key), schema);
		else if (schema.default !== undefined) args[key] = schema.default;
	}
	const missing = (parameters.required ?? []).filter((key) => !(key in args));
	return { args, missing };
}

/** The conversation since the last user message: that message's text and the tool results that followed it. */
function currentTurn(messages) {
	const lastUser = messages.findLastIndex((message) => message.role === 'user');
	const after = messages.slice(lastUser + 1);
	const calls = new Map(
		after.flatMap((message) => (message.role === 'assistant' ? (message.tool_calls ?? []) : [])).map((call) => [call.id, call.function?.name]),
	);
	const toolResults = after
		.filter((message) => message.role === 'tool')
		.map((message) => ({ name: calls.get(message.tool_call_id) ?? message.tool_call_id, content: textOf(message.content) }));
	return { userText: lastUser >= 0 ? textOf(messages[lastUser].content) : '', toolResults };
}

/** What the model says next: `{ toolCalls }` or `{ text }`. */
function nextMessage({ messages, tools = [] }, nextCallId) {
	const { userText, toolResults } = currentTurn(messages);
	if (toolResults.length) {
		const lines = toolResults.map(({ name, content }) => `- ${name} answered: ${content}`);
		return { text: `Here is what the tools answered.\n${lines.join('\n')}` };
	}
	const chosen = tools.length ? chooseTools(tools, userText) : [];
	if (!chosen.length) return { text: `You said: ${userText}` };
	const given = assignments(userText);
	const planned = chosen.map((tool) => ({ tool, ...argumentsFor(tool, given) }));
	const incomplete = planned.find(({ missing }) => missing.length);
	if (incomplete) {
		const keys = incomplete.missing.join(', ');
		return { text: `To use ${incomplete.tool.function.name} I need: ${keys}. Please give them as key=value.` };
	}
	return {
		toolCalls: planned.map(({ tool, args }) => ({
			id: nextCallId(),
			type: 'function',
			function: { name: tool.function.name, arguments: JSON.stringify(args) },
		})),
	};
}

function usageOf(request, reply) {
	const prompt = Math.ceil(JSON.stringify(request.messages).length / 4);
	const completion = Math.ceil(JSON.stringify(reply).length / 4);
	return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function completion(id, created, request, reply) {
	const message = reply.toolCalls
		? { role: 'assistant', content: null, tool_calls: reply.toolCalls, refusal: null }
		: { role: 'assistant', content: reply.text, refusal: null };
	return json(200, {
		id,
		object: 'chat.completion',
		created,
		model: request.model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: reply.toolCalls ? 'tool_calls' : 'stop' }],
		usage: usageOf(request, reply),
		system_fingerprint: 'fp_sandbox',
	});
}

const pieces = (text) => (text.length ? (text.match(new RegExp(`[\\s\\S]{1,${STREAM_PIECE}}`, 'g')) ?? []) : ['']);

/** The same reply as OpenAI streams it: chunks of deltas (tool calls: name first, then the arguments in pieces), then `[DONE]`. */
function streamed(id, created, request, reply) {
	const chunk = (delta, finishReason = null) => ({
		id,
		object: 'chat.completion.chunk',
		created,
		model: request.model,
		system_fingerprint: 'fp_sandbox',
		choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
	});
	const chunks = [];
	if (reply.toolCalls) {
		chunks.push(chunk({ role: 'assistant', content: null, refusal: null }));
		reply.toolCalls.forEach((call, index) => {
			chunks.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
			for (const piece of pieces(call.function.arguments)) chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
		});
		chunks.push(chunk({}, 'tool_calls'));
	} else {
		chunks.push(chunk({ role: 'assistant', content: '', refusal: null }));
		for (const piece of pieces(reply.text)) chunks.push(chunk({ content: piece }));
		chunks.push(chunk({}, 'stop'));
	}
	if (request.stream_options?.include_usage) chunks.push({ ...chunk({}), choices: [], usage: usageOf(request, reply) });
	const body = [...chunks.map((entry) => `data: ${JSON.stringify(entry)}\n\n`), 'data: [DONE]\n\n'].join('');
	return { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' }, body };
}

/** Why OpenAI would refuse the request body, or undefined. */
function invalidRequest(body) {
	if (!body || typeof body !== 'object') return apiError(400, 'We could not parse the JSON body of your request.', 'invalid_request_error');
	if (typeof body.model !== 'string') return apiError(400, 'you must provide a model parameter', 'invalid_request_error');
	if (!CHAT_MODELS.includes(body.model)) {
		return apiError(404, `The model \`${body.model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found');
	}
	if (!Array.isArray(body.messages) || !body.messages.length) {
		return apiError(400, "Invalid 'messages': empty array. Expected an array with minimum length 1.", 'invalid_request_error', 'empty_array', 'messages');
	}
	if (body.tools !== undefined && (!Array.isArray(body.tools) || body.tools.some((tool) => tool?.type !== 'function' || !tool.function?.name))) {
		return apiError(400, "Invalid 'tools': each tool must be {type: 'function', function: {name, …}}.", 'invalid_request_error', null, 'tools');
	}
	return undefined;
}

export function createOpenAi({ apiKey }) {
	let completions = 0;
	let calls = 0;
	const nextCallId = () => `call_sandbox_${++calls}`;

	const routes = router(
		[
			[
				'GET',
				/^\/v1\/models$/,
				() => json(200, { object: 'list', data: CHAT_MODELS.map((id) => ({ id, object: 'model', created: MODEL_CREATED, owned_by: 'system' })) }),
			],
			[
				'POST',
				/^\/v1\/chat\/completions$/,
				(request) => {
					const body = parseJson(request.body);
					const refused = invalidRequest(body);
					if (refused) return refused;
					const reply = nextMessage(body, nextCallId);
					const id = `chatcmpl-sandbox${++completions}`;
					const created = Math.floor(Date.now() / 1000);
					return body.stream ? streamed(id, created, body, reply) : completion(id, created, body, reply);
				},
			],
		],
		{
			notFound: (request) => apiError(404, `Invalid URL (${request.method} ${request.path})`, 'invalid_request_error'),
			methodNotAllowed: (request) => apiError(405, `Invalid method for URL (${request.method} ${request.path})`, 'invalid_request_error'),
		},
	);

	return (request) => {
		const authorization = header(request, 'authorization') ?? '';
		if (authorization !== `Bearer ${apiKey}`) {
			return apiError(401, 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', 'invalid_api_key');
		}
		return routes(request);
	};
}
