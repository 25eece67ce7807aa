import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
	ICredentialsEncrypted,
} from 'n8n-workflow';
import { ICredentials, ICredentialsHelper, isExpression, NodeHelpers } from 'n8n-workflow';
import { getAdditionalKeys } from 'n8n-core';

class PlainCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private readonly plain: ICredentialDataDecryptedObject,
	) {
		super(details, type, JSON.stringify(plain));
	}
	async getData(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.plain };
	}
	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}
	async setData(): Promise<void> {}
	async updateData(): Promise<void> {}
}

/**
 * Supplies credentials as plain data and applies a credential type's `authenticate` the way n8n's CLI
 * does (generic form included, which n8n-core has no helper for).
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types[name]?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types[typeName]?.authenticate;
		const request = requestOptions as IHttpRequestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, request);
		if (authenticate?.type !== 'generic') return request;
		const resolve = (value: unknown): unknown => {
			if (!isExpression(value) || !workflow || !node) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value as string,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
			return resolved === undefined || resolved === null ? '' : String(resolved as string);
		};
		const target = request as unknown as Record<string, Record<string, unknown>>;
		for (const [outer, inner] of Object.entries(authenticate.properties)) {
			target[outer] ??= {};
			for (const [key, value] of Object.entries(inner as Record<string, unknown>)) {
				target[outer][resolve(key) as string] = resolve(value);
			}
		}
		return request;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_expired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new PlainCredentials(details, type, this.data[type] ?? {});
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		_executeData?: IExecuteData,
		_raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const raw = this.data[type];
		if (!raw) throw new Error(`The test supplied no credentials of type "${type}"`);
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			raw as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (!expressionResolveValues) return withDefaults;
		const keys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		return expressionResolveValues.workflow.expression.getParameterValue(
			withDefaults as never,
			expressionResolveValues.runExecutionData,
			expressionResolveValues.runIndex,
			expressionResolveValues.itemIndex,
			expressionResolveValues.node.name,
			expressionResolveValues.connectionInputData,
			mode,
			keys,
			undefined,
			false,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}
