import { createHmac, timingSafeEqual } from 'crypto';

/** Svix refuses deliveries whose timestamp is further than this from the receiver's clock. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export interface SvixHeaders {
	id: string;
	timestamp: string;
	signature: string;
}

export type SvixVerdict = { valid: true } | { valid: false; reason: string };

/**
 * Svix sends its own header names, or, from a portal with white-labelled headers, `webhook-*` ones
 * (same scheme). Like the official library's `Webhook.verify`, each of the three is read on its
 * own: the `svix-*` header when it is there at all (even empty), else the `webhook-*` one.
 */
export function svixHeadersOf(header: (name: string) => string | undefined): SvixHeaders {
	const either = (suffix: string) => header(`svix-${suffix}`) ?? header(`webhook-${suffix}`) ?? '';
	return { id: either('id'), timestamp: either('timestamp'), signature: either('signature') };
}

export const MISSING_HEADERS =
	'The webhook-id, webhook-timestamp or webhook-signature header (or svix-id, svix-timestamp, svix-signature) is missing';

/** The key behind an endpoint secret: the base64 after `whsec_`; undefined when it is not one. */
export function signingKeyOf(secret: string): Buffer | undefined {
	const encoded = secret.trim().replace(/^whsec_/, '');
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
	const key = Buffer.from(encoded, 'base64');
	return key.length > 0 ? key : undefined;
}

/** The signature entry Svix sends for a delivery: `v1,` + base64 HMAC-SHA256 over `id.timestamp.body`. */
export function svixSignature(key: Buffer, id: string, timestamp: number, rawBody: Buffer): string {
	const digest = createHmac('sha256', key)
		.update(Buffer.from(`${id}.${timestamp}.`, 'utf8'))
		.update(rawBody)
		.digest('base64');
	return `v1,${digest}`;
}

/** Compares one entry of the signature header with the expected one, in constant time. */
function sameEntry(given: string, expected: Buffer): boolean {
	const bytes = Buffer.from(given, 'utf8');
	return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

/**
 * Checks a delivery as the official `svix` library's `Webhook.verify` does: all three headers
 * present; the timestamp read as a leading integer (parseInt) and within 5 minutes of `nowSeconds`;
 * one of the space-separated entries of the signature header equal, byte for byte and in constant
 * time, to `v1,<base64 HMAC>` over the raw body (other versions never match).
 */
export function verifySvixDelivery(
	headers: SvixHeaders,
	rawBody: Buffer | undefined,
	key: Buffer,
	nowSeconds: number,
): SvixVerdict {
	if (!headers.id || !headers.timestamp || !headers.signature)
		return { valid: false, reason: MISSING_HEADERS };
	if (rawBody === undefined) return { valid: false, reason: 'The request has no body to verify' };
	const timestamp = Number.parseInt(headers.timestamp, 10);
	if (Number.isNaN(timestamp))
		return { valid: false, reason: 'The webhook timestamp is not a number' };
	if (Math.abs(nowSeconds - timestamp) > TIMESTAMP_TOLERANCE_SECONDS)
		return { valid: false, reason: 'The webhook timestamp is more than 5 minutes off' };
	const expected = Buffer.from(svixSignature(key, headers.id, timestamp, rawBody), 'utf8');
	const matches = headers.signature.split(' ').some((entry) => sameEntry(entry, expected));
	return matches ? { valid: true } : { valid: false, reason: 'The Svix signature does not match' };
}
