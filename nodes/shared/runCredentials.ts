import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';

import type { ApiContext } from './context';

/**
 * The credentials of one run (a node execution, a poll, a picker page, a webhook registration call),
 * each read once, on first use, and handed to every request of the run. In a real n8n a read costs
 * database queries and a decryption, as much as the request itself.
 *
 * A credential field that holds an expression is resolved with the run's first input item (item 0),
 * the item n8n itself resolves these requests' authentication with, so the address and the secret
 * of every request come from one and the same credential.
 */
export class RunCredentials {
	private readonly reads = new Map<string, Promise<ICredentialDataDecryptedObject>>();

	constructor(private readonly ctx: ApiContext) {}

	/** The decrypted credential of `type`; a read that failed is tried again by the next request. */
	async of(type: string): Promise<ICredentialDataDecryptedObject> {
		let read = this.reads.get(type);
		if (!read) {
			read = this.ctx.getCredentials(type, 0);
			this.reads.set(type, read);
			read.catch(() => this.reads.delete(type));
		}
		return await read;
	}

	/** The credential as `httpRequestWithAuthentication` takes it, so n8n does not read it again; a copy per request. */
	async decrypted(type: string): Promise<ICredentialsDecrypted> {
		const reference = this.ctx.getNode().credentials?.[type];
		return {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type,
			data: { ...(await this.of(type)) },
		};
	}
}
