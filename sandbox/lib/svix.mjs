// Svix's webhook signature, as Voyado Engage sends it: HMAC-SHA256 over `<id>.<timestamp>.<raw body>` keyed with
// the base64-decoded part of the endpoint secret after `whsec_` (docs.svix.com, "Verifying payloads manually").
// A portal with white-labelled headers sends the same scheme as `webhook-id`, `webhook-timestamp`,
// `webhook-signature` instead of `svix-*` (svix-docs "how-manual"); `names: 'webhook'` gives those.
import { createHmac, randomBytes } from 'node:crypto';

/** The headers of one signed delivery. */
export function svixHeaders(secret, body, { id = `msg_${randomBytes(12).toString('hex')}`, timestamp = Math.floor(Date.now() / 1000), names = 'svix' } = {}) {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
	return { [`${names}-id`]: id, [`${names}-timestamp`]: String(timestamp), [`${names}-signature`]: `v1,${signature}`, 'content-type': 'application/json' };
}
