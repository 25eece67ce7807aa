import type {
	EngineRequest,
	EngineResponse,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeType,
	ITaskData,
	NodeOutput,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, Workflow } from 'n8n-workflow';
import { WorkflowExecute } from 'n8n-core';

import type { RunOptions } from './harness';
import {
	engineAdditionalData,
	INPUT_TYPE,
	inputNodeType,
	newInputNode,
	NodeTypes,
	nodeUnderTestOf,
	PACKAGE,
} from './harness';

/**
 * A node used as an AI Agent tool, run the two ways n8n runs tools, both through n8n-core's real engine:
 * - `engine` (n8n 2.x's AI Agent): the agent asks the engine for the tool call (an EngineRequest);
 *   WorkflowExecute runs the tool node with the model's arguments as its input item (the node's
 *   `rewireOutputLogTo` is `ai_tool`) and resumes the agent with the tool's task data, from which the
 *   agent builds what the model reads.
 * - `inline` (n8n 1.x's agent and sub-node tools): the agent asks for its `ai_tool` connections;
 *   n8n-core wraps the node as a LangChain tool (createNodeAsTool) that runs `execute()` in a
 *   SupplyDataContext (the model's arguments are its `ai_tool` input) and hands the model
 *   `JSON.stringify` of its items.
 */
export type ToolPath = 'engine' | 'inline';

export interface ToolRunResult {
	/** What the model receives as the tool's result (the text of the tool message). */
	toolResult: string;
	/** The tool node's run as the execution log keeps it. */
	task: ITaskData | undefined;
	/** The error that stopped the workflow, if any. */
	error: Error | undefined;
}

const AGENT_TYPE = 'harness.agent';
const TOOL_CALL_ID = 'call_1';

/**
 * What n8n's agent makes of the tool's task data (@n8n/nodes-langchain utils/agent-execution/buildSteps.ts,
 * https://github.com/n8n-io/n8n): the JSON of the `ai_tool` items, else the task's error message, else "".
 */
function observationOf(task: ITaskData | undefined): string {
	const items = task?.data?.[NodeConnectionTypes.AiTool]?.[0]?.map((item) => item?.json);
	if (items && items.length > 0) return JSON.stringify(items);
	if (task?.error) return JSON.stringify({ error: task.error.message });
	return JSON.stringify('');
}

function engineAgent(toolArgs: IDataObject): INodeType {
	return {
		description: {
			displayName: 'Agent',
			name: 'agent',
			group: ['transform'],
			version: 1,
			description: 'Calls one tool through the engine, as n8n 2.x agents do',
			defaults: { name: 'Agent' },
			inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.AiTool],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions, response?: EngineResponse): Promise<NodeOutput> {
			// The engine passes an empty response on the first call.
			if (!response?.actionResponses.length) {
				const request: EngineRequest = {
					actions: [
						{
							actionType: 'ExecutionNodeAction',
							nodeName: 'Node',
							input: toolArgs,
							type: NodeConnectionTypes.AiTool,
							id: TOOL_CALL_ID,
							metadata: { itemIndex: 0 },
						},
					],
					metadata: {},
				};
				return request;
			}
			const task = response.actionResponses[0]?.data;
			return [[{ json: { toolResult: observationOf(task) } }]];
		},
	};
}

function inlineAgent(toolArgs: IDataObject): INodeType {
	return {
		description: { ...engineAgent(toolArgs).description },
		async execute(this: IExecuteFunctions): Promise<NodeOutput> {
			const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as Array<{
				invoke: (args: IDataObject) => Promise<string>;
			}>;
			let toolResult: string;
			try {
				toolResult = await tools[0].invoke(toolArgs);
			} catch (error) {
				// A LangChain agent that does not handle tool errors gets none of the tool's text.
				toolResult = `(the tool threw: ${(error as Error).message})`;
			}
			return [[{ json: { toolResult } }]];
		},
	};
}

/**
 * The node as n8n's loader offers a `usableAsTool` node to agents (packages/cli load-nodes-and-credentials,
 * convertNodeToAiTool): no main input, one `ai_tool` output.
 */
function asToolVariant(nodeType: INodeType): INodeType {
	const variant = Object.create(nodeType) as INodeType;
	variant.description = {
		...nodeType.description,
		name: `${nodeType.description.name}Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
	};
	return variant;
}

/** Runs Input → Agent, with the node under test as the agent's one tool, called once with `toolArgs`. */
export async function runAsTool(
	path: ToolPath,
	options: RunOptions,
	toolArgs: IDataObject,
): Promise<ToolRunResult> {
	const toolType = asToolVariant(options.node);
	const toolTypeName = `${PACKAGE}.${toolType.description.name}`;
	const nodeTypes = new NodeTypes({
		[INPUT_TYPE]: inputNodeType,
		[AGENT_TYPE]: path === 'engine' ? engineAgent(toolArgs) : inlineAgent(toolArgs),
		[toolTypeName]: toolType,
	});
	const inputNode = newInputNode();
	const agentNode: INode = { ...inputNode, id: 'agent', name: 'Agent', type: AGENT_TYPE };
	const toolNode = nodeUnderTestOf(options, toolTypeName, [200, 200]);
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test',
		nodes: [inputNode, agentNode, toolNode],
		connections: {
			Input: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
			Node: { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] },
		},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: inputNode, data: { main: [[{ json: { chatInput: 'hello' } }]] }, source: null },
			],
		},
	});
	const run = await new WorkflowExecute(
		engineAdditionalData(workflow, options),
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	const agentOutput = run.data.resultData.runData.Agent?.at(-1)?.data?.main?.[0]?.[0]?.json;
	return {
		toolResult: (agentOutput?.toolResult as string | undefined) ?? '(the agent did not resume)',
		task: run.data.resultData.runData.Node?.at(-1),
		error: run.data.resultData.error,
	};
}
