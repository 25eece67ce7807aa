import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiContext } from '../shared/context';
import type { ApiRequest, Provider } from '../shared/http';
import { apiRequest, trimTrailingSlashes } from '../shared/http';
import { describeSpreedlyError } from './errorBody';
import { parseResponseBody } from './xmlResponse';
import type { XmlFields } from './xmlRequest';
import { buildXml } from './xmlRequest';

export const CREDENTIAL_TYPE = 'spreedlySubscriptionsApi';
export const DEFAULT_HOST = 'https://spreedly.com';

function configError(ctx: ApiContext, message: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, {
		description:
			'Open the Spreedly Subscriptions credential and check the site name and the base URL (https://spreedly.com or https://subs.pinpayments.com).',
	});
}

/** The site's web address, `<baseUrl>/<site>`: the API lives under `/api/v4/<site>`, the signup pages under `/<site>`. */
export interface SiteAddress {
	host: string;
	/** The site name, already URL-encoded for a path segment. */
	siteSegment: string;
	siteName: string;
}

export function siteAddressOf(
	credentials: ICredentialDataDecryptedObject,
	ctx: ApiContext,
): SiteAddress {
	const rawHost = String(credentials.baseUrl ?? '').trim() || DEFAULT_HOST;
	if (!/^https?:\/\/[^/\s]+/i.test(rawHost)) {
		throw configError(
			ctx,
			`The Spreedly Subscriptions credential's base URL "${rawHost}" is not an http(s) address`,
		);
	}
	const siteName = String(credentials.siteName ?? '').trim();
	if (!siteName) throw configError(ctx, 'The Spreedly Subscriptions credential has no site name');
	return {
		host: trimTrailingSlashes(rawHost),
		siteSegment: encodeURIComponent(siteName),
		siteName,
	};
}

export const spreedly: Provider = {
	name: 'Spreedly',
	credentialType: CREDENTIAL_TYPE,
	secretFields: ['apiToken'],
	headers: { Accept: 'application/xml', 'Content-Type': 'application/xml' },
	resolveBaseUrl(credentials, ctx) {
		const { host, siteSegment } = siteAddressOf(credentials, ctx);
		return `${host}/api/v4/${siteSegment}`;
	},
	parseBody: (text) => parseResponseBody(text),
	describeError: describeSpreedlyError,
};

export interface SpreedlyRequest extends Omit<ApiRequest, 'body'> {
	/** The request document: its root tag and fields, built into escaped XML. */
	xml?: { root: string; fields: XmlFields };
}

/** Sends one request to `/api/v4/<site><path>`; returns the parsed body (undefined when empty). */
export async function spreedlyRequest(
	ctx: ApiContext,
	request: SpreedlyRequest,
	itemIndex: number,
): Promise<IDataObject | string | undefined> {
	const { xml, ...rest } = request;
	const body = xml ? buildXml(xml.root, xml.fields) : undefined;
	const response = await apiRequest<IDataObject | string | undefined>(
		ctx,
		spreedly,
		{ ...rest, body },
		itemIndex,
	);
	return response.body;
}
