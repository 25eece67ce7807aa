import type { IDataObject } from 'n8n-workflow';

import { SignTrakerApi } from '../../credentials/SignTrakerApi.credentials';
import { SignTraker } from '../../nodes/SignTraker/SignTraker.node';
import type { RunOptions } from '../harness/harness';
import { runNode } from '../harness/harness';

export const API_KEY = 'st-secret-key-123';
export const BASE = 'https://acme.signtraker.com';

export function runSignTraker(parameters: IDataObject, extra: Partial<RunOptions> = {}) {
	return runNode({
		node: new SignTraker(),
		credentialTypes: [new SignTrakerApi()],
		credentials: { signTrakerApi: { apiKey: API_KEY, subdomain: 'acme' } },
		parameters,
		...extra,
	});
}
