import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import { parseStringPromise } from 'xml2js';

import { SpreedlySubscriptionsApi } from '../../credentials/SpreedlySubscriptionsApi.credentials';
import { SpreedlySubscriptions } from '../../nodes/SpreedlySubscriptions/SpreedlySubscriptions.node';
import type { RunOptions } from '../harness/harness';
import type { MockApi } from '../harness/mockApi';
import { mockApi } from '../harness/mockApi';
import { runNode } from '../harness/harness';

export const API_TOKEN = 'spreedly-secret-token-9f3a';
export const SITE = 'acme-test';
export const HOST = 'https://spreedly.com';
export const API = `/api/v4/${SITE}`;
export const BASIC_AUTH = `Basic ${Buffer.from(`${API_TOKEN}:X`).toString('base64')}`;

export const credentials = { siteName: SITE, apiToken: API_TOKEN };

export function fixture(name: string): string {
	return readFileSync(join(__dirname, '..', 'fixtures', 'spreedly', name), 'utf8');
}

export const XML = { 'Content-Type': 'application/xml; charset=utf-8' };
export const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

export function runSpreedly(parameters: IDataObject, extra: Partial<RunOptions> = {}) {
	return runNode({
		node: new SpreedlySubscriptions(),
		credentialTypes: [new SpreedlySubscriptionsApi()],
		credentials: { spreedlySubscriptionsApi: credentials },
		parameters,
		...extra,
	});
}

/** Spreedly's API as the tests answer it; `requests()` is what the node sent. */
export function spreedlyApi(host = HOST): MockApi {
	return mockApi(host);
}

/** A call Spreedly answers with an error: the node's parameters, the reply, and what the error must say. */
export interface ErrorCase {
	name: string;
	params: IDataObject;
	method: string;
	path: string;
	status: number;
	/** Spreedly's body: an XML document, or plain text. */
	body: string;
	message: string;
	hint: RegExp;
}

/** Declares Spreedly's error reply of `errorCase` (XML or plain text, as its body is). */
export function answerWith(errorCase: ErrorCase): MockApi {
	const api = spreedlyApi();
	const contentType = errorCase.body.startsWith('<') ? XML : TEXT;
	api
		.intercept(errorCase.method, `${API}${errorCase.path}`)
		.reply(errorCase.status, errorCase.body, contentType);
	return api;
}

/** Parses a request body independently of the node's code, so the tests check the XML itself. */
export async function parsedXml(body: unknown): Promise<unknown> {
	return await parseStringPromise(body as string, { explicitArray: false });
}

export function subscriberParams(operation: string, extra: IDataObject = {}): IDataObject {
	return { resource: 'subscriber', operation, customerId: '42', ...extra };
}
