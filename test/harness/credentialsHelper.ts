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
	WorkflowExecuteMode,
	ICredentialsEncrypted,
} from 'n8n-workflow';
import { ICredentials, ICredentialsHelper, NodeHelpers } from 'n8n-workflow';
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
 * Supplies credentials as plain data and applies a credential type's `authenticate` function the way
 * n8n's CLI does.
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
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types[typeName]?.authenticate;
		// The package's credentials authenticate with functions (credentials/common.ts), as n8n calls them.
		if (typeof authenticate !== 'function')
			throw new Error(`The credential type "${typeName}" has no authenticate function`);
		return await authenticate(credentials, requestOptions as IHttpRequestOptions);
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
