// Svix's webhook signature, as Voyado Engage sends it: HMAC-SHA256 over `<svix-id>.<svix-timestamp>.<raw body>`
// keyed with the base64-decoded part of the endpoint secret after `whsec_` (docs.svix.com, "Verifying payloads manually").
import { createHmac, randomBytes } from 'node:crypto';

/** The headers of one signed delivery. */
export function svixHeaders(secret, body, { id = `msg_${randomBytes(12).toString('hex')}`, timestamp = Math.floor(Date.now() / 1000) } = {}) {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
	return { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': `v1,${signature}`, 'content-type': 'application/json' };
}
