import type { IDataObject, INode, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { VoyadoEngageApi } from '../../credentials/VoyadoEngageApi.credentials';
import { SignTraker } from '../../nodes/SignTraker/SignTraker.node';
import { SpreedlySubscriptions } from '../../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import { VoyadoEngage } from '../../nodes/VoyadoEngage/VoyadoEngage.node';
import { Waldur } from '../../nodes/Waldur/Waldur.node';
import type { ToolPath } from '../harness/agentTool';
import { runAsTool } from '../harness/agentTool';
import type { RunOptions } from '../harness/harness';
import { expectNoRequests, mockApi, requests } from '../harness/mockApi';
import { API_KEY, BASE } from '../signTraker/helpers';
import { API_KEY as VOYADO_KEY, BASE as VOYADO_BASE } from '../voyadoEngage/helpers';

/** The award tool of examples/05-ai-agent-with-tools.json: every value comes from the model. */
const awardTool: RunOptions = {
	node: new SignTraker(),
	credentialTypes: [new SignTrakerApi()],
	credentials: { signTrakerApi: { apiKey: API_KEY, subdomain: 'acme' } },
	parameters: {
		resource: 'creditAward',
		operation: 'create',
		name: "={{ $fromAI('name', 'A short name for the award', 'string') }}",
		awardedTo: "={{ $fromAI('agentId', 'The numeric Id of the agent', 'number') }}",
		totalAmount: "={{ $fromAI('amount', 'The amount of credit to award', 'number') }}",
	},
};

const agentTool: RunOptions = {
	...awardTool,
	parameters: {
		resource: 'agent',
		operation: 'get',
		agentId: "={{ $fromAI('agentId', 'The numeric Id of the agent', 'number') }}",
		options: { maxRetries: 0 },
	},
};

const REFUSED_AGENT_ID =
	'The parameter "Awarded To (Agent ID)" must be a whole number of 1 or more, got 0';

/** The JSON the model reads as the tool's result. */
function modelReads(toolResult: string): IDataObject[] {
	return JSON.parse(toolResult) as IDataObject[];
}

describe.each<ToolPath>(['engine', 'inline'])('a node as an AI Agent tool (%s run)', (path) => {
	it('answers with what the service returned, called with the values the model chose', async () => {
		mockApi(BASE).post('/api/credits/awards').reply(201, { Id: 7, Name: 'Thank you' });
		const result = await runAsTool(path, awardTool, {
			name: 'Thank you',
			agentId: 101,
			amount: 25,
		});

		expect(modelReads(result.toolResult)).toEqual([{ Id: 7, Name: 'Thank you' }]);
		expect(requests()[0].body).toEqual({
			Name: 'Thank you',
			AwardedTo: { Id: 101 },
			TotalAmount: 25,
		});
		expect(result.task?.hints ?? []).toEqual([]);
	});

	it.each<[string, Partial<RunOptions>]>([
		['the default "On Error"', {}],
		['"On Error → Stop Workflow"', { onError: 'stopWorkflow' }],
		['"Continue On Fail"', { continueOnFail: true }],
	])(
		'with %s, a refused parameter is the tool answer the model reads, without "(item 0)", and nothing is sent',
		async (_setting, onError) => {
			const result = await runAsTool(
				path,
				{ ...awardTool, ...onError },
				{ name: 'Thank you', agentId: 0, amount: 25 },
			);

			expectNoRequests();
			expect(result.error).toBeUndefined();
			expect(modelReads(result.toolResult)).toEqual([{ error: REFUSED_AGENT_ID }]);
			expect(result.task?.hints).toEqual([
				{
					type: 'warning',
					location: 'outputPane',
					message: `This tool call failed, and the AI agent was told why: ${REFUSED_AGENT_ID}`,
				},
			]);
		},
	);

	it('an API error reaches the model with its message, hint and HTTP status', async () => {
		mockApi(BASE).get('/api/agents/999').reply(404, '');
		const result = await runAsTool(path, agentTool, { agentId: 999 });

		expect(modelReads(result.toolResult)).toEqual([
			{
				error: 'No SignTraker agent with ID 999 was found',
				hint: 'Nothing was found. Check the ID or identifier you gave.',
				httpCode: '404',
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.task?.hints?.[0].message).toContain('No SignTraker agent with ID 999 was found');
	});

	it('a failure of a batched write (Voyado Add) is the answer too', async () => {
		const result = await runAsTool(
			path,
			{
				node: new VoyadoEngage(),
				credentialTypes: [new VoyadoEngageApi()],
				credentials: { voyadoEngageApi: { apiKey: VOYADO_KEY, baseUrl: VOYADO_BASE } },
				parameters: {
					resource: 'pointTransaction',
					operation: 'add',
					contactId: "={{ $fromAI('contactId', 'The GUID of the Voyado contact', 'string') }}",
					definitionId: 1,
					amount: "={{ $fromAI('points', 'How many points to add', 'number') }}",
					source: 'AI agent',
					description: 'Goodwill',
				},
			},
			{ contactId: 'jane', points: 10 },
		);

		expectNoRequests();
		const [answer] = modelReads(result.toolResult);
		expect(answer.error).toMatch(/^The parameter "Contact ID" .*"jane"$/);
	});
});

describe('tool descriptions set automatically', () => {
	const nodes = [new SignTraker(), new VoyadoEngage(), new Waldur(), new SpreedlySubscriptions()];

	it.each(nodes.map((node) => [node.description.displayName, node] as const))(
		'%s: every operation gives the model its own description, and a Get says what it needs',
		(_name, nodeType) => {
			const resources = nodeType.description.properties.find((p) => p.name === 'resource');
			const descriptions = (resources?.options as INodePropertyOptions[]).flatMap(({ value }) => {
				const selector = nodeType.description.properties.find(
					(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value),
				);
				return (selector?.options as INodePropertyOptions[]).map((operation) => {
					const node = {
						parameters: { descriptionType: 'auto', resource: value, operation: operation.value },
					} as unknown as INode;
					const text = NodeHelpers.getToolDescriptionForNode(node, nodeType);
					if (operation.value === 'get')
						expect(text).toMatch(/^Get an? .* by (ID|UUID|customer ID) in /);
					return text;
				});
			});
			expect(
				descriptions.every((text) => text.endsWith(` in ${nodeType.description.defaults.name}`)),
			).toBe(true);
			expect(new Set(descriptions).size).toBe(descriptions.length);
		},
	);
});
