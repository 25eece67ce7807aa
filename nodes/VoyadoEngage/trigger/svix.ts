import { createHmac, timingSafeEqual } from 'crypto';

/** Svix refuses deliveries whose timestamp is further than this from the receiver's clock. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export interface SvixHeaders {
	id: string;
	timestamp: string;
	signature: string;
}

export type SvixVerdict = { valid: true } | { valid: false; reason: string };

/** The key behind an endpoint secret: the base64 after `whsec_`; undefined when it is not one. */
export function signingKeyOf(secret: string): Buffer | undefined {
	const encoded = secret.trim().replace(/^whsec_/, '');
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
	const key = Buffer.from(encoded, 'base64');
	return key.length > 0 ? key : undefined;
}

/** The signature Svix sends for a delivery: base64 HMAC-SHA256 over `id.timestamp.body`. */
export function svixSignature(key: Buffer, headers: SvixHeaders, rawBody: string): Buffer {
	return createHmac('sha256', key)
		.update(`${headers.id}.${headers.timestamp}.${rawBody}`, 'utf8')
		.digest();
}

/** The `v1,<base64>` entries of a `svix-signature` header (other versions are ignored). */
function v1Signatures(header: string): Buffer[] {
	return header
		.split(' ')
		.map((entry) => entry.trim())
		.filter((entry) => entry.startsWith('v1,'))
		.map((entry) => Buffer.from(entry.slice(3), 'base64'));
}

/**
 * Checks a delivery the way Svix documents it ("Verifying payloads manually"): all three headers
 * present, the timestamp within 5 minutes of `nowSeconds`, and one of the `v1` signatures equal (in
 * constant time) to the HMAC of the raw body.
 */
export function verifySvixDelivery(
	headers: SvixHeaders,
	rawBody: string | undefined,
	key: Buffer,
	nowSeconds: number,
): SvixVerdict {
	if (!headers.id || !headers.timestamp || !headers.signature)
		return {
			valid: false,
			reason: 'The svix-id, svix-timestamp or svix-signature header is missing',
		};
	if (rawBody === undefined) return { valid: false, reason: 'The request has no body to verify' };
	const timestamp = /^\d+$/.test(headers.timestamp) ? Number(headers.timestamp) : Number.NaN;
	if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > TIMESTAMP_TOLERANCE_SECONDS)
		return { valid: false, reason: 'The svix-timestamp is more than 5 minutes off' };
	const expected = svixSignature(key, headers, rawBody);
	const matches = v1Signatures(headers.signature).some(
		(given) => given.length === expected.length && timingSafeEqual(given, expected),
	);
	return matches ? { valid: true } : { valid: false, reason: 'The Svix signature does not match' };
}
