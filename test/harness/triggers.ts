import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { HookContext, PollContext, WebhookContext } from 'n8n-core';

import { TestCredentialsHelper } from './credentialsHelper';
import { NodeTypes, PACKAGE } from './harness';
import { useInMemoryInstanceSettings } from './instanceSettings';

process.env.N8N_LOG_LEVEL ??= 'silent';
useInMemoryInstanceSettings();

export const WEBHOOK_BASE_URL = 'http://127.0.0.1:5678/webhook';
export const WEBHOOK_TEST_BASE_URL = 'http://127.0.0.1:5678/webhook-test';
export const NODE_WEBHOOK_ID = 'b6f1c0de-5a4e-4c1e-9d7a-2f1e0c3b4a59';
const NODE_NAME = 'Trigger';

export interface TriggerOptions {
	node: INodeType;
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes: ICredentialType[];
	/** The workflow's saved static data (as n8n keeps it in the database between calls). */
	staticData?: IDataObject;
	/** n8n's production webhook address (WEBHOOK_URL); WEBHOOK_BASE_URL by default. */
	webhookBaseUrl?: string;
}

export interface DeliveryRequest {
	/** The parsed body n8n hands the node (`getBodyData()`); derived from `rawBody` when JSON. */
	body?: IDataObject;
	/** The bytes as they arrived (`req.rawBody`). */
	rawBody?: string;
	headers?: Record<string, string>;
	query?: IDataObject;
	/** A delivery to the node's test URL (the editor's "Listen for test event"). */
	isTest?: boolean;
}

export interface DeliveryResult {
	response: IWebhookResponseData;
	/** What the node wrote to the HTTP response itself (a refusal), if anything. */
	sent?: { statusCode: number; body: unknown };
	/** The items that start an execution; undefined when none starts. */
	items: INodeExecutionData[] | undefined;
}

/** Records what a node writes to express's response object. */
function recordingResponse() {
	const sent: { statusCode: number; body: unknown; ended: boolean } = {
		statusCode: 200,
		body: undefined,
		ended: false,
	};
	const response = {
		status(code: number) {
			sent.statusCode = code;
			return response;
		},
		json(body: unknown) {
			sent.body = body;
			sent.ended = true;
			return response;
		},
		send(body: unknown) {
			sent.body = body;
			sent.ended = true;
			return response;
		},
		end() {
			sent.ended = true;
			return response;
		},
	};
	return { response, sent };
}

/**
 * A trigger node in a one-node workflow, driven through n8n-core's real WebhookContext, HookContext
 * and PollContext. Static data survives between calls as JSON, the way n8n saves it with the workflow.
 */
export class TriggerHarness {
	private savedStaticData: IDataObject;

	private liveResponse: ReturnType<typeof recordingResponse>['sent'] | undefined;

	constructor(private readonly options: TriggerOptions) {
		this.savedStaticData = JSON.parse(JSON.stringify(options.staticData ?? {})) as IDataObject;
	}

	/** The node's static data as it would be saved. */
	nodeStaticData(): IDataObject {
		return (this.savedStaticData[`node:${NODE_NAME}`] ?? {}) as IDataObject;
	}

	private build(isTest: boolean) {
		const typeName = `${PACKAGE}.${this.options.node.description.name}`;
		const node: INode = {
			id: 'trigger',
			name: NODE_NAME,
			type: typeName,
			typeVersion: 1,
			position: [0, 0],
			webhookId: NODE_WEBHOOK_ID,
			parameters: JSON.parse(JSON.stringify(this.options.parameters)) as INode['parameters'],
			credentials: Object.fromEntries(
				(this.options.node.description.credentials ?? []).map(({ name }) => [
					name,
					{ id: `${name}-id`, name },
				]),
			),
		};
		const workflow = new Workflow({
			id: 'trigger-workflow',
			name: 'Trigger test',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: new NodeTypes({ [typeName]: this.options.node }),
			staticData: JSON.parse(JSON.stringify(this.savedStaticData)) as IDataObject,
			settings: { executionOrder: 'v1' },
		});
		const additionalData = {
			credentialsHelper: new TestCredentialsHelper(
				Object.fromEntries(this.options.credentialTypes.map((type) => [type.name, type])),
				this.options.credentials,
			),
			currentNodeParameters: undefined,
			variables: {},
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			webhookBaseUrl: this.options.webhookBaseUrl ?? WEBHOOK_BASE_URL,
			webhookTestBaseUrl: WEBHOOK_TEST_BASE_URL,
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		} as unknown as IWorkflowExecuteAdditionalData & IDataObject;
		const description = this.options.node.description.webhooks?.[0];
		const webhookData = description
			? ({
					httpMethod: description.httpMethod,
					node: NODE_NAME,
					path: description.path,
					webhookDescription: description,
					workflowId: workflow.id,
					workflowExecuteAdditionalData: additionalData,
					webhookId: NODE_WEBHOOK_ID,
					isTest,
				} as unknown as IWebhookData)
			: undefined;
		const mode: WorkflowExecuteMode = isTest ? 'manual' : 'webhook';
		return { node, workflow, additionalData, webhookData, mode };
	}

	/** Keeps the static data the call left, as plain JSON (what n8n can save). */
	private save(workflow: Workflow): void {
		const { __dataChanged: _changed, ...data } = workflow.staticData as IDataObject;
		this.savedStaticData = JSON.parse(JSON.stringify(data)) as IDataObject;
	}

	/** One HTTP delivery to the node's webhook. */
	async deliver(request: DeliveryRequest): Promise<DeliveryResult> {
		const { node, workflow, additionalData, webhookData, mode } = this.build(
			request.isTest ?? false,
		);
		const { response, sent } = recordingResponse();
		this.liveResponse = sent;
		const headers = Object.fromEntries(
			Object.entries(request.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
		);
		let body = request.body;
		if (body === undefined && request.rawBody !== undefined) {
			try {
				body = JSON.parse(request.rawBody) as IDataObject;
			} catch {
				body = {};
			}
		}
		additionalData.httpRequest = {
			method: 'POST',
			body: body ?? {},
			headers,
			query: request.query ?? {},
			params: {},
			rawBody: request.rawBody === undefined ? undefined : Buffer.from(request.rawBody, 'utf8'),
		} as never;
		additionalData.httpResponse = response as never;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			mode,
			webhookData!,
			[],
			null,
		);
		const result = await this.options.node.webhook!.call(context);
		this.save(workflow);
		return {
			response: result,
			sent: sent.ended ? { statusCode: sent.statusCode, body: sent.body } : undefined,
			items: result.workflowData?.[0],
		};
	}

	/** What the delivery in progress has answered so far (e.g. from a mocked API the node calls meanwhile). */
	answeredSoFar(): { statusCode: number; body: unknown } | undefined {
		const sent = this.liveResponse;
		return sent?.ended ? { statusCode: sent.statusCode, body: sent.body } : undefined;
	}

	/** Runs one of `webhookMethods.default` (as n8n does on activation and deactivation). */
	async hook(method: 'checkExists' | 'create' | 'delete', isTest = false): Promise<boolean> {
		const { node, workflow, additionalData, webhookData } = this.build(isTest);
		const context = new HookContext(
			workflow,
			node,
			additionalData,
			isTest ? 'manual' : 'trigger',
			isTest ? 'manual' : 'activate',
			webhookData,
		);
		const result = await this.options.node.webhookMethods!.default![method].call(context);
		this.save(workflow);
		return result;
	}

	/** One poll, as n8n's schedule ('trigger') or the editor's "Fetch Test Event" ('manual') runs it. */
	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[] | null> {
		const { node, workflow, additionalData } = this.build(false);
		const context = new PollContext(workflow, node, additionalData, mode, 'activate');
		try {
			const result = await this.options.node.poll!.call(context);
			return result === null ? null : result[0];
		} finally {
			// An active workflow keeps its static data in memory from poll to poll, failed ones included;
			// n8n does not keep a manual run's.
			if (mode === 'trigger') this.save(workflow);
		}
	}
}
