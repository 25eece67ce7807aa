import { createHmac } from 'crypto';

import { VoyadoEngageWebhookApi } from '../../credentials/VoyadoEngageWebhookApi.credentials';
import { VoyadoEngageTrigger } from '../../nodes/VoyadoEngage/VoyadoEngageTrigger.node';
import { REMEMBERED_DELIVERIES } from '../../nodes/VoyadoEngage/trigger/replay';
import { TriggerHarness } from '../harness/triggers';

// A Svix endpoint secret has the form whsec_<base64 key>; this one is made up for the tests.
const KEY: Buffer = Buffer.from('voyado-test-signing-key-0123456789');
const SECRET = `whsec_${KEY.toString('base64')}`;

const balanceUpdated = {
	eventType: 'point.balance.updated',
	id: 'evt-1',
	isEncrypted: false,
	tenant: 'acme',
	payload: {
		balance: 120,
		contactId: 'c-1',
		accountId: 'a-1',
		definitionId: 'd-1',
		balanceExpires: null,
	},
};

function trigger(parameters = {}, secret = SECRET) {
	return new TriggerHarness({
		node: new VoyadoEngageTrigger(),
		parameters,
		credentials: { voyadoEngageWebhookApi: { signingSecret: secret } },
		credentialTypes: [new VoyadoEngageWebhookApi()],
	});
}

/** Signs independently of the node's code, as docs.svix.com "Verifying payloads manually" describes. */
function sign(id: string, timestamp: number, body: string, key: Buffer = KEY): string {
	return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

function now(): number {
	return Math.floor(Date.now() / 1000);
}

function delivery(
	body: unknown,
	options: { id?: string; timestamp?: number; signature?: string } = {},
) {
	const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
	const id = options.id ?? 'msg_2a';
	const timestamp = options.timestamp ?? now();
	return {
		rawBody,
		headers: {
			'svix-id': id,
			'svix-timestamp': String(timestamp),
			'svix-signature': options.signature ?? `v1,${sign(id, timestamp, rawBody)}`,
		},
	};
}

describe('Voyado Engage Trigger: Svix verification', () => {
	it('starts an execution with the event as Engage sent it when the signature is valid', async () => {
		const result = await trigger().deliver(delivery(balanceUpdated));
		expect(result.sent).toBeUndefined();
		expect(result.items).toEqual([{ json: balanceUpdated }]);
	});

	it('accepts the delivery when any of several space-separated signatures matches', async () => {
		const body = JSON.stringify(balanceUpdated);
		const timestamp = now();
		const signature = `v1,${sign('msg_2a', timestamp, body, Buffer.from('old-key'))} v1,${sign('msg_2a', timestamp, body)}`;
		const result = await trigger().deliver(delivery(body, { timestamp, signature }));
		expect(result.items).toHaveLength(1);
	});

	it('verifies the raw bytes, not a re-serialised body', async () => {
		const rawBody = '{"eventType":"point.balance.updated",  "payload":{"balance":1.50}}';
		const result = await trigger().deliver(delivery(rawBody));
		expect(result.items?.[0].json).toEqual({
			eventType: 'point.balance.updated',
			payload: { balance: 1.5 },
		});
	});

	it.each([
		['a forged signature', { signature: `v1,${Buffer.alloc(32, 7).toString('base64')}` }],
		['a signature made with another secret', { keyed: Buffer.from('another-key') }],
		['a signature of another version only', { version: 'v2' }],
		['a signature that is not 32 bytes', { signature: 'v1,c2hvcnQ=' }],
	])('refuses %s with 401 and starts no execution', async (_name, variant) => {
		const body = JSON.stringify(balanceUpdated);
		const timestamp = now();
		let signature = (variant as { signature?: string }).signature;
		const key = (variant as { keyed?: Buffer }).keyed;
		if (key) signature = `v1,${sign('msg_2a', timestamp, body, key)}`;
		if ((variant as { version?: string }).version)
			signature = `v2,${sign('msg_2a', timestamp, body)}`;
		const result = await trigger().deliver(delivery(body, { timestamp, signature }));
		expect(result.sent).toEqual({
			statusCode: 401,
			body: { message: 'The Svix signature does not match' },
		});
		expect(result.response).toEqual({ noWebhookResponse: true });
		expect(result.items).toBeUndefined();
	});

	it('refuses a body changed after signing', async () => {
		const signed = delivery(balanceUpdated);
		const tampered = { ...signed, rawBody: signed.rawBody.replace('120', '99999') };
		const result = await trigger().deliver(tampered);
		expect(result.sent?.statusCode).toBe(401);
		expect(result.items).toBeUndefined();
	});

	it.each(['svix-id', 'svix-timestamp', 'svix-signature'])(
		'refuses a delivery without the %s header',
		async (header) => {
			const signed = delivery(balanceUpdated);
			const headers: Record<string, string> = { ...signed.headers };
			delete headers[header];
			const result = await trigger().deliver({ ...signed, headers });
			expect(result.sent).toEqual({
				statusCode: 401,
				body: {
					message:
						'The webhook-id, webhook-timestamp or webhook-signature header (or svix-id, svix-timestamp, svix-signature) is missing',
				},
			});
			expect(result.items).toBeUndefined();
		},
	);

	it.each([
		['6 minutes old', -360],
		['6 minutes ahead', 360],
	])('refuses a timestamp %s even with a valid signature', async (_name, offset) => {
		const result = await trigger().deliver(delivery(balanceUpdated, { timestamp: now() + offset }));
		expect(result.sent).toEqual({
			statusCode: 401,
			body: { message: 'The webhook timestamp is more than 5 minutes off' },
		});
		expect(result.items).toBeUndefined();
	});

	it('accepts a timestamp 4 minutes old', async () => {
		const result = await trigger().deliver(delivery(balanceUpdated, { timestamp: now() - 240 }));
		expect(result.items).toHaveLength(1);
	});

	it('refuses a delivery without a raw body', async () => {
		const signed = delivery(balanceUpdated);
		const result = await trigger().deliver({ headers: signed.headers, body: balanceUpdated });
		expect(result.sent).toEqual({
			statusCode: 401,
			body: { message: 'The request has no body to verify' },
		});
	});

	it.each([
		['not JSON', 'points=5'],
		['a JSON array', '[1,2]'],
	])('answers 400 to a signed body that is %s and starts nothing', async (_name, rawBody) => {
		const result = await trigger().deliver(delivery(rawBody));
		expect(result.sent).toEqual({
			statusCode: 400,
			body: { message: 'The body is not a JSON object' },
		});
		expect(result.items).toBeUndefined();
	});

	it('refuses every delivery when the credential holds no whsec_ secret', async () => {
		const result = await trigger({}, 'not base64 !').deliver(delivery(balanceUpdated));
		expect(result.sent?.statusCode).toBe(401);
		expect(result.sent?.body).toEqual({
			message:
				'The signing secret in the credential is not a whsec_ secret, so no delivery can be verified',
		});
		expect(result.items).toBeUndefined();
	});
});

describe('Voyado Engage Trigger: events and duplicates', () => {
	it('starts an execution only for a selected event type', async () => {
		const node = trigger({ events: ['reward.voucher.created'] });
		const ignored = await node.deliver(delivery(balanceUpdated));
		expect(ignored.items).toBeUndefined();
		expect(ignored.sent).toBeUndefined();
		expect(ignored.response.webhookResponse).toEqual({
			received: true,
			message: 'Event type point.balance.updated is not selected',
		});

		const voucher = { ...balanceUpdated, eventType: 'reward.voucher.created' };
		const started = await node.deliver(delivery(voucher, { id: 'msg_3' }));
		expect(started.items).toEqual([{ json: voucher }]);
	});

	it('starts one execution for a delivery Svix sends again with the same svix-id', async () => {
		const node = trigger();
		const first = await node.deliver(delivery(balanceUpdated, { id: 'msg_retry' }));
		expect(first.items).toHaveLength(1);
		const again = await node.deliver(delivery(balanceUpdated, { id: 'msg_retry' }));
		expect(again.items).toBeUndefined();
		expect(again.response.webhookResponse).toEqual({
			received: true,
			message: 'Delivery msg_retry was already received',
		});
		const next = await node.deliver(delivery(balanceUpdated, { id: 'msg_next' }));
		expect(next.items).toHaveLength(1);
		expect(node.nodeStaticData()).toEqual({ recentSvixIds: ['msg_retry', 'msg_next'] });
	});

	it('does not remember a refused delivery, so its genuine retry still runs', async () => {
		const node = trigger();
		const forged = delivery(balanceUpdated, { id: 'msg_x', signature: 'v1,AAAA' });
		expect((await node.deliver(forged)).items).toBeUndefined();
		expect((await node.deliver(delivery(balanceUpdated, { id: 'msg_x' }))).items).toHaveLength(1);
	});

	it(`remembers only the newest ${REMEMBERED_DELIVERIES} delivery IDs`, async () => {
		const older = Array.from({ length: REMEMBERED_DELIVERIES }, (_, index) => `msg_${index}`);
		const node = new TriggerHarness({
			node: new VoyadoEngageTrigger(),
			parameters: {},
			credentials: { voyadoEngageWebhookApi: { signingSecret: SECRET } },
			credentialTypes: [new VoyadoEngageWebhookApi()],
			staticData: { 'node:Trigger': { recentSvixIds: older } },
		});
		expect((await node.deliver(delivery(balanceUpdated, { id: 'msg_new' }))).items).toHaveLength(1);
		const remembered = node.nodeStaticData().recentSvixIds as string[];
		expect(remembered).toHaveLength(REMEMBERED_DELIVERIES);
		expect(remembered[0]).toBe('msg_1');
		expect(remembered.at(-1)).toBe('msg_new');
		// The oldest ID fell out, so a delivery with it runs again.
		expect((await node.deliver(delivery(balanceUpdated, { id: 'msg_0' }))).items).toHaveLength(1);
	});

	it('still recognises a retried delivery after n8n deactivated and reactivated the workflow (a restart)', async () => {
		const node = trigger();
		expect((await node.deliver(delivery(balanceUpdated, { id: 'msg_1' }))).items).toHaveLength(1);
		expect(await node.hook('delete')).toBe(true);
		expect(await node.hook('checkExists')).toBe(true);
		expect((await node.deliver(delivery(balanceUpdated, { id: 'msg_1' }))).items).toBeUndefined();
	});
});

// The shapes Engage documents ("Webhooks for points and vouchers", developer.voyado.com): the voucher
// event carries `eventId` instead of `id` and PascalCase payload keys; `definitionId` is text in
// point.balance.updated; v3 uses GUID strings for account IDs.
describe('Voyado Engage Trigger: payload shapes', () => {
	const voucher = (eventId: string) => ({
		eventId,
		eventType: 'reward.voucher.created',
		isEncrypted: false,
		payload: {
			Amount: 100,
			ContactId: 'c-1',
			Currency: 'SEK',
			Id: `voucher-${eventId}`,
			UniqueCode: 'ABC-123',
			ValidFrom: '2026-12-01T00:00:00+01:00',
			ValidTo: '2027-03-01T00:00:00+01:00',
		},
		tenant: 'acme',
	});

	it('passes a voucher event with eventId and PascalCase keys on exactly as sent', async () => {
		const event = voucher('evt-v1');
		const result = await trigger({ events: ['reward.voucher.created'] }).deliver(delivery(event));
		expect(result.items).toEqual([{ json: event }]);
	});

	it('tells voucher events (which have no id) apart by their delivery ID', async () => {
		const node = trigger();
		const first = await node.deliver(delivery(voucher('evt-v1'), { id: 'msg_v1' }));
		const second = await node.deliver(delivery(voucher('evt-v2'), { id: 'msg_v2' }));
		expect(first.items).toHaveLength(1);
		expect(second.items).toEqual([{ json: voucher('evt-v2') }]);
		const retried = await node.deliver(delivery(voucher('evt-v1'), { id: 'msg_v1' }));
		expect(retried.items).toBeUndefined();
		expect(node.nodeStaticData()).toEqual({ recentSvixIds: ['msg_v1', 'msg_v2'] });
	});

	it.each([
		['definitionId as text', { definitionId: '3', accountId: 1001 }],
		[
			'a v3 account ID (a GUID string)',
			{ definitionId: '3', accountId: '8d5e1f9a-3c2b-4a1e-9f0d-7b6c5a4e3d21' },
		],
	])('keeps %s as Engage sent it', async (_name, ids) => {
		const event = { ...balanceUpdated, payload: { ...balanceUpdated.payload, ...ids } };
		const result = await trigger({ events: ['point.balance.updated'] }).deliver(delivery(event));
		expect(result.items).toEqual([{ json: event }]);
	});
});

describe('Voyado Engage Trigger: credential test', () => {
	const test = new VoyadoEngageTrigger().methods.credentialTest.signingSecretTest;
	const run = async (signingSecret: string) =>
		await test.call({} as never, {
			id: '1',
			name: 'Engage webhook',
			type: 'voyadoEngageWebhookApi',
			data: { signingSecret },
		});

	it('accepts a whsec_ secret and says that only a delivery proves it', async () => {
		expect(await run(SECRET)).toEqual({
			status: 'OK',
			message:
				'The secret has the whsec_ form. Engage offers nothing to check it against: the first signed delivery proves it.',
		});
	});

	it.each(['', 'whsec_', 'whsec_not base64!'])('refuses %p', async (secret) => {
		expect((await run(secret)).status).toBe('Error');
	});
});
