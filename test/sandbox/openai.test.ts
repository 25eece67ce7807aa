import { useSandbox } from './sandboxProcess';

const sandbox = useSandbox();
const auth = { Authorization: 'Bearer sandbox-openai-key', 'Content-Type': 'application/json' };

/** Two tools as n8n's AI Agent offers them: the node's name, its description, the $fromAI keys as JSON schema. */
const TOOLS = [
	{
		type: 'function',
		function: {
			name: 'Award_SignTraker_credit',
			description: 'Award credit to an agent in SignTraker',
			parameters: {
				type: 'object',
				properties: {
					name: { type: 'string', description: 'A short name for the award' },
					agentId: { type: 'number', description: 'The numeric ID of the agent' },
					amount: { type: 'number' },
				},
				required: ['name', 'agentId', 'amount'],
			},
		},
	},
	{
		type: 'function',
		function: {
			name: 'Voyado_point_balances',
			description: 'Get many point accounts in Voyado Engage',
			parameters: {
				type: 'object',
				properties: { contactId: { type: 'string' } },
				required: ['contactId'],
			},
		},
	},
];

interface ToolCall {
	id: string;
	type: string;
	function: { name: string; arguments: string };
}
interface Completion {
	object: string;
	model: string;
	choices: Array<{
		message: { role: string; content: string | null; tool_calls?: ToolCall[] };
		finish_reason: string;
	}>;
	usage: { total_tokens: number };
}
interface Chunk {
	object: string;
	choices: Array<{
		delta: {
			role?: string;
			content?: string | null;
			tool_calls?: Array<{
				index: number;
				id?: string;
				function: { name?: string; arguments: string };
			}>;
		};
		finish_reason: string | null;
	}>;
	usage?: { total_tokens: number };
}

function chat(body: object) {
	return sandbox().request('/openai/v1/chat/completions', {
		method: 'POST',
		headers: auth,
		body: JSON.stringify({ model: 'gpt-4o-mini', ...body }),
	});
}

const user = (content: string) => ({ role: 'user', content });

/** The events of a streamed reply: every `data:` line but the closing `[DONE]`, which must be last. */
function events(text: string): Chunk[] {
	const lines = text
		.split('\n\n')
		.filter(Boolean)
		.map((event) => event.replace(/^data: /, ''));
	expect(lines.at(-1)).toBe('[DONE]');
	return lines.slice(0, -1).map((line) => JSON.parse(line) as Chunk);
}

describe('sandbox: the scripted OpenAI chat model', () => {
	it('refuses a wrong key as OpenAI does', async () => {
		const reply = await sandbox().request('/openai/v1/models', {
			headers: { Authorization: 'Bearer wrong' },
		});
		expect(reply.status).toBe(401);
		expect(reply.json()).toMatchObject({
			error: { type: 'invalid_request_error', code: 'invalid_api_key' },
		});
	});

	it('lists its models (what n8n calls to test the credential)', async () => {
		const reply = await sandbox().request('/openai/v1/models', { headers: auth });
		expect(reply.json()).toEqual({
			object: 'list',
			data: expect.arrayContaining([
				expect.objectContaining({ id: 'gpt-4o-mini', object: 'model' }),
			]),
		});
	});

	it('calls the tool the message names, with the key=value arguments typed by the schema', async () => {
		const reply = await chat({
			messages: [
				{ role: 'system', content: 'You help a back office.' },
				user('Please Award_SignTraker_credit agentId=101 amount=25 name="Thank you"'),
			],
			tools: TOOLS,
		});
		const completion = reply.json<Completion>();
		expect(completion.object).toBe('chat.completion');
		expect(completion.choices[0].finish_reason).toBe('tool_calls');
		const [call] = completion.choices[0].message.tool_calls ?? [];
		expect(call.function.name).toBe('Award_SignTraker_credit');
		expect(JSON.parse(call.function.arguments)).toEqual({
			agentId: 101,
			amount: 25,
			name: 'Thank you',
		});
	});

	it('without a tool named, picks the tool whose words the message shares', async () => {
		const reply = await chat({
			messages: [user('Show the point balances for contactId=abc')],
			tools: TOOLS,
		});
		const [call] = reply.json<Completion>().choices[0].message.tool_calls ?? [];
		expect(call.function.name).toBe('Voyado_point_balances');
		expect(JSON.parse(call.function.arguments)).toEqual({ contactId: 'abc' });
	});

	it('asks for a required argument the message does not give, instead of calling the tool', async () => {
		const reply = await chat({
			messages: [user('Award_SignTraker_credit agentId=101')],
			tools: TOOLS,
		});
		const { message, finish_reason } = reply.json<Completion>().choices[0];
		expect(finish_reason).toBe('stop');
		expect(message.content).toBe(
			'To use Award_SignTraker_credit I need: name, amount. Please give them as key=value.',
		);
	});

	it('once the tool answered, replies in text carrying the tool result', async () => {
		const reply = await chat({
			messages: [
				user('Award_SignTraker_credit agentId=0 amount=1 name=x'),
				{
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: 'call_1',
							type: 'function',
							function: { name: 'Award_SignTraker_credit', arguments: '{}' },
						},
					],
				},
				{ role: 'tool', tool_call_id: 'call_1', content: '[{"error":"refused"}]' },
			],
			tools: TOOLS,
		});
		const { message, finish_reason } = reply.json<Completion>().choices[0];
		expect(finish_reason).toBe('stop');
		expect(message.content).toBe(
			'Here is what the tools answered.\n- Award_SignTraker_credit answered: [{"error":"refused"}]',
		);
	});

	it('streams a tool call as OpenAI does: name first, arguments in pieces, then [DONE]', async () => {
		const reply = await chat({
			messages: [user('Award_SignTraker_credit agentId=101 amount=25 name="Thank you very much"')],
			tools: TOOLS,
			stream: true,
			stream_options: { include_usage: true },
		});
		expect(reply.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const chunks = events(reply.text);
		expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
		const deltas = chunks.flatMap((chunk) =>
			chunk.choices.flatMap((choice) => choice.delta.tool_calls ?? []),
		);
		expect(deltas[0]).toMatchObject({
			index: 0,
			id: expect.any(String),
			function: { name: 'Award_SignTraker_credit', arguments: '' },
		});
		expect(deltas.length).toBeGreaterThan(2);
		const args = deltas.map((delta) => delta.function.arguments).join('');
		expect(JSON.parse(args)).toEqual({ agentId: 101, amount: 25, name: 'Thank you very much' });
		const finishes = chunks
			.flatMap((chunk) => chunk.choices.map((choice) => choice.finish_reason))
			.filter(Boolean);
		expect(finishes).toEqual(['tool_calls']);
		expect(chunks.at(-1)).toMatchObject({
			choices: [],
			usage: { total_tokens: expect.any(Number) },
		});
	});

	it('streams a text answer in content deltas', async () => {
		const reply = await chat({ messages: [user('Hello there, how are you today?')], stream: true });
		const chunks = events(reply.text);
		const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
		expect(text).toBe('You said: Hello there, how are you today?');
		expect(chunks.at(-1)?.choices[0].finish_reason).toBe('stop');
		expect(chunks.some((chunk) => chunk.usage)).toBe(false);
	});

	it('refuses an unknown model and a request without messages, in OpenAI error bodies', async () => {
		const unknown = await chat({ model: 'gpt-unknown', messages: [user('hi')] });
		expect(unknown.status).toBe(404);
		expect(unknown.json()).toMatchObject({ error: { code: 'model_not_found' } });
		const empty = await chat({ messages: [] });
		expect(empty.status).toBe(400);
		expect(empty.json()).toMatchObject({ error: { param: 'messages' } });
	});

	it('records the chat requests, so a test can read the tool results the model got', async () => {
		await chat({ messages: [user('hi')] });
		const [recorded] = await sandbox().recorded('openai');
		expect(recorded).toMatchObject({
			method: 'POST',
			path: '/v1/chat/completions',
			headers: { authorization: '[redacted]' },
			body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
		});
	});
});
