import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { credentialProblem, httpBaseUrl } from '../shared/baseUrl';
import type { ApiContext } from '../shared/context';
import type { ApiRequest, EmptySuccess, Provider } from '../shared/http';
import { apiRequest } from '../shared/http';
import type { RequestSettings } from '../shared/requestSettings';
import { describeSpreedlyError } from './errorBody';
import { parseResponseBody } from './xmlResponse';
import type { XmlFields } from './xmlRequest';
import { buildXml } from './xmlRequest';

export const CREDENTIAL_TYPE = 'spreedlySubscriptionsApi';
export const DEFAULT_HOST = 'https://spreedly.com';

const address = {
	credentialName: 'Spreedly Subscriptions',
	hint: 'Open the Spreedly Subscriptions credential and check the site name and the base URL (https://spreedly.com or https://subs.pinpayments.com).',
};

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
	const host = httpBaseUrl(ctx, String(credentials.baseUrl ?? '').trim() || DEFAULT_HOST, address);
	const siteName = String(credentials.siteName ?? '').trim();
	if (!siteName)
		throw credentialProblem(ctx, address, 'The Spreedly Subscriptions credential has no site name');
	return {
		host,
		siteSegment: encodeURIComponent(siteName),
		siteName,
	};
}

/**
 * Spreedly answers 403 when the subscriber or plan is in the wrong state for the call; a bad token is
 * a 401, so the generic hint's "check the credential" would send the user the wrong way. The calls
 * whose 403 (or 422) the manual explains have their own hint (SubscriberCall.statusHints); this is
 * the one for the others.
 */
export const STATE_CONFLICT_HINT =
	'Spreedly refuses this for the subscriber or plan as they are now; the message says why (e.g. the subscriber is active or inactive, not eligible for a free trial, or the customer ID is taken). Look the subscriber up with Subscriber → Get and choose the operation that fits its state. The credential is fine: a wrong API token gives HTTP 401.';

export const spreedly: Provider = {
	name: 'Spreedly',
	credentialType: CREDENTIAL_TYPE,
	secretFields: ['apiToken'],
	// No request rate is documented, so none is paced (requestsPerSecond unset); a 429 still holds the run.
	headers: { Accept: 'application/xml', 'Content-Type': 'application/xml' },
	resolveBaseUrl(credentials, ctx) {
		const { host, siteSegment } = siteAddressOf(credentials, ctx);
		return `${host}/api/v4/${siteSegment}`;
	},
	formatName: 'XML',
	parseBody: (text) => parseResponseBody(text),
	describeError: describeSpreedlyError,
	statusHints: { 403: STATE_CONFLICT_HINT },
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
	settings: RequestSettings,
): Promise<IDataObject | string | undefined> {
	const { xml, ...rest } = request;
	const body = xml ? buildXml(xml.root, xml.fields) : undefined;
	const response = await apiRequest<IDataObject | string | undefined>(
		ctx,
		spreedly,
		{ ...rest, body },
		itemIndex,
		settings,
	);
	return response.body;
}

/** A request that says what its empty answer means (`emptySuccess`), so a body always comes back. */
export async function spreedlyAnswer(
	ctx: ApiContext,
	request: SpreedlyRequest & { emptySuccess: EmptySuccess },
	itemIndex: number,
	settings: RequestSettings,
): Promise<IDataObject | string> {
	return (await spreedlyRequest(ctx, request, itemIndex, settings)) as IDataObject | string;
}
