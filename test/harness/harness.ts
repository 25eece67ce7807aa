import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	NodeExecutionHint,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { TestCredentialsHelper } from './credentialsHelper';
import { useInMemoryInstanceSettings } from './instanceSettings';

process.env.N8N_LOG_LEVEL ??= 'silent';
useInMemoryInstanceSettings();

export const PACKAGE = 'n8n-nodes-credits';
export const INPUT_TYPE = 'harness.input';

/** The workflow's first node: passes the test's items on, so pairing and `$('Input')` work as in n8n. */
export const inputNodeType: INodeType = {
	description: {
		displayName: 'Input',
		name: 'input',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		return [this.getInputData()];
	},
};

export function newInputNode(): INode {
	return {
		id: 'input',
		name: 'Input',
		type: INPUT_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

export interface RunOptions {
	/** The node under test: a node class instance. */
	node: INodeType;
	/** The node's typeVersion in the workflow; 1 by default. */
	typeVersion?: number;
	parameters: IDataObject;
	/** Credentials by type name, as plain data. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes: ICredentialType[];
	/** The items the Input node passes on; one empty item by default. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	onError?: INode['onError'];
	retryOnFail?: { maxTries: number; waitBetweenTries: number };
	/** The execution's ID; `test-execution` by default. */
	executionId?: string;
}

export interface RunResult {
	run: IRun;
	/** The node's outputs as the engine recorded them (output 0, and output 1 with `continueErrorOutput`). */
	outputs: INodeExecutionData[][];
	/** Output 0, for short assertions. */
	items: INodeExecutionData[];
	/** What the node's `execute()` returned, before the engine added pairedItem where it was missing. */
	rawOutputs: INodeExecutionData[][][];
	/** The error that stopped the workflow, if any. */
	error: (Error & IDataObject) | undefined;
	/** The error the engine stored on the node's task (also set when "Continue On Fail" passed the items on). */
	nodeError: (Error & IDataObject) | undefined;
	/** The notices the node added above its output (execution hints), as the engine recorded them. */
	hints: NodeExecutionHint[];
}

export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}
	getByName(type: string): INodeType {
		return this.types[type];
	}
	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.types[type], version) as INodeType;
	}
	getKnownTypes(): IDataObject {
		return {};
	}
}

/** Records every execute() return value of the wrapped node type. */
function recording(nodeType: INodeType, sink: INodeExecutionData[][][]): INodeType {
	// A declarative node (e.g. a credential's test request as n8n runs it) is run by n8n-core's RoutingNode.
	if (!nodeType.execute) return nodeType;
	const wrapped = Object.create(nodeType) as INodeType;
	wrapped.execute = async function (this: IExecuteFunctions) {
		const result = (await nodeType.execute!.call(this)) as INodeExecutionData[][];
		sink.push(result.map((output) => output.map((item) => ({ ...item }))));
		return result;
	};
	return wrapped;
}

/** The node's credentials as a saved node refers to them (by id and name); the harness supplies their data. */
export function credentialReferences(nodeType: INodeType): INode['credentials'] {
	return Object.fromEntries(
		(nodeType.description.credentials ?? []).map(({ name }) => [name, { id: `${name}-id`, name }]),
	);
}

/** The node under test as the workflow holds it: "Node", with the test's parameters and error settings. */
export function nodeUnderTestOf(
	options: RunOptions,
	type: string,
	position: [number, number] = [200, 0],
): INode {
	return {
		id: 'node',
		name: 'Node',
		type,
		typeVersion: options.typeVersion ?? 1,
		position,
		parameters: options.parameters as INode['parameters'],
		credentials: credentialReferences(options.node),
		continueOnFail: options.continueOnFail,
		onError: options.onError,
		...(options.retryOnFail
			? {
					retryOnFail: true,
					maxTries: options.retryOnFail.maxTries,
					waitBetweenTries: options.retryOnFail.waitBetweenTries,
				}
			: {}),
	};
}

/** What WorkflowExecute needs besides the workflow: the test's credentials, lifecycle hooks and n8n's URLs. */
export function engineAdditionalData(
	workflow: Workflow,
	options: Pick<RunOptions, 'credentialTypes' | 'credentials' | 'executionId'>,
): IWorkflowExecuteAdditionalData {
	const credentialTypes = Object.fromEntries(
		options.credentialTypes.map((type) => [type.name, type]),
	);
	const hooks = new ExecutionLifecycleHooks('manual', options.executionId ?? 'test-execution', {
		id: 'test-workflow',
		name: 'Test',
		active: false,
		isArchived: false,
		nodes: workflow.nodes ? Object.values(workflow.nodes) : [],
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as never);
	return {
		credentialsHelper: new TestCredentialsHelper(credentialTypes, options.credentials),
		hooks,
		executionId: options.executionId ?? 'test-execution',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs Input → Node through n8n-core's real WorkflowExecute, with the test's mockApi() answering the HTTP. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const rawOutputs: INodeExecutionData[][][] = [];
	const nodeTypeName = `${PACKAGE}.${options.node.description.name}`;
	const nodeTypes = new NodeTypes({
		[INPUT_TYPE]: inputNodeType,
		[nodeTypeName]: recording(options.node, rawOutputs),
	});
	const inputNode = newInputNode();
	const nodeUnderTest = nodeUnderTestOf(options, nodeTypeName);
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test',
		nodes: [inputNode, nodeUnderTest],
		connections: { Input: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});

	const additionalData = engineAdditionalData(workflow, options);

	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: inputNode, data: { main: [items] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	const task = run.data.resultData.runData.Node?.[0];
	const outputs = (task?.data?.main ?? []).map((output) => output ?? []);
	return {
		run,
		outputs,
		items: outputs[0] ?? [],
		rawOutputs,
		error: run.data.resultData.error as RunResult['error'],
		nodeError: task?.error as RunResult['nodeError'],
		hints: task?.hints ?? [],
	};
}

/** Resolves an expression from a credential type (e.g. its `test.request.baseURL`) the way n8n does. */
export function resolveCredentialExpression(
	expression: string,
	credentials: ICredentialDataDecryptedObject,
): unknown {
	const { workflow, node } = credentialWorkflow();
	return workflow.expression.getSimpleParameterValue(
		node,
		expression,
		'internal',
		{ $credentials: credentials } as never,
		undefined,
		'',
	);
}

/** A workflow with one node, for applying a credential type outside a run (its test request). */
function credentialWorkflow(): { workflow: Workflow; node: INode } {
	const node = newInputNode();
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes({ [INPUT_TYPE]: inputNodeType }),
	});
	return { workflow, node };
}
