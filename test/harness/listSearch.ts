import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	ILoadOptionsFunctions,
	INode,
	INodeListSearchResult,
	INodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { TestCredentialsHelper } from './credentialsHelper';
import { credentialReferences, NodeTypes, PACKAGE } from './harness';
import { useInMemoryInstanceSettings } from './instanceSettings';

process.env.N8N_LOG_LEVEL ??= 'silent';
useInMemoryInstanceSettings();

export interface ListSearchOptions {
	node: INodeType;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes: ICredentialType[];
	/** The method in the node's `methods.listSearch`. */
	method: string;
	/** The parameter whose picker asks (n8n passes its path), e.g. `agentId` or `filters.awardedTo`. */
	parameterPath: string;
	/** The node's parameters as they stand in the editor (resource, operation, …). */
	parameters?: IDataObject;
	/** What the user typed in the picker's search box. */
	filter?: string;
	/** The token the previous page handed back. */
	paginationToken?: string;
}

/**
 * Runs a picker's list search the way n8n's editor backend does (DynamicNodeParametersService): the
 * node in a one-node workflow, the method called on n8n-core's real LoadOptionsContext.
 */
export async function runListSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	const typeName = `${PACKAGE}.${options.node.description.name}`;
	const parameters = (options.parameters ?? {}) as INode['parameters'];
	const node: INode = {
		id: 'picker',
		name: 'Node',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: credentialReferences(options.node),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes({ [typeName]: options.node }),
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(
			Object.fromEntries(options.credentialTypes.map((type) => [type.name, type])),
			options.credentials,
		),
		currentNodeParameters: parameters,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
	} as unknown as IWorkflowExecuteAdditionalData;
	const method = options.node.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`${typeName} has no listSearch method "${options.method}"`);
	const context = new LoadOptionsContext(workflow, node, additionalData, options.parameterPath);
	return await method.call(
		context as ILoadOptionsFunctions,
		options.filter,
		options.paginationToken,
	);
}

/** Every picker (resource locator) a node description has, with the listSearch method it calls. */
export function pickersOf(nodeType: INodeType): Array<{ name: string; method: string }> {
	const found: Array<{ name: string; method: string }> = [];
	const visit = (
		properties: Array<{ name: string; type?: string; modes?: unknown; options?: unknown }>,
	) => {
		for (const property of properties) {
			if (property.type === 'resourceLocator') {
				const modes = (property.modes ?? []) as Array<{
					typeOptions?: { searchListMethod?: string };
				}>;
				const method = modes.find((mode) => mode.typeOptions?.searchListMethod)?.typeOptions
					?.searchListMethod;
				if (method) found.push({ name: property.name, method });
			}
			if (Array.isArray(property.options)) visit(property.options as typeof properties);
		}
	};
	visit(nodeType.description.properties);
	return found;
}
