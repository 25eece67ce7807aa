import { VoyadoEngageWebhookApi } from '../../credentials/VoyadoEngageWebhookApi.credentials';
import { VoyadoEngageTrigger } from '../../nodes/VoyadoEngage/VoyadoEngageTrigger.node';
import { CLOCK_START, virtualClock } from '../harness/clock';
import { TriggerHarness } from '../harness/triggers';
import { askSvix } from './svixOracle';

// Checked against the official `svix` library: deliveries it signs, and its verdict on every header
// combination, whether a portal sends Svix's own header names or white-labelled `webhook-*` ones.

virtualClock();
const NOW = CLOCK_START / 1000;
const SECRET = `whsec_${Buffer.from('engage-endpoint-key-for-svix-tests').toString('base64')}`;
const OTHER_SECRET = `whsec_${Buffer.from('not-this-endpoint').toString('base64')}`;

const voucherCreated = {
	eventId: 'evt-voucher-1',
	eventType: 'reward.voucher.created',
	isEncrypted: false,
	payload: { Amount: 50, ContactId: 'c-1', Currency: 'SEK', Id: 'v-1', UniqueCode: 'X1' },
	tenant: 'acme',
};
const BODY = JSON.stringify(voucherCreated);

function trigger() {
	return new TriggerHarness({
		node: new VoyadoEngageTrigger(),
		parameters: {},
		credentials: { voyadoEngageWebhookApi: { signingSecret: SECRET } },
		credentialTypes: [new VoyadoEngageWebhookApi()],
	});
}

type HeaderSet = 'svix' | 'webhook';

function headersOf(set: HeaderSet, id: string, timestamp: number, signature: string) {
	return {
		[`${set}-id`]: id,
		[`${set}-timestamp`]: String(timestamp),
		[`${set}-signature`]: signature,
	};
}

/** A delivery the official library signed, under the header names of `set`. */
function signedBy(
	set: HeaderSet,
	options: { secret?: string; timestamp?: number; id?: string } = {},
) {
	const id = options.id ?? 'msg_2Lw';
	const timestamp = options.timestamp ?? NOW;
	const [signature] = askSvix(NOW, [
		{ secret: options.secret ?? SECRET, id, timestamp, body: BODY },
	]).signatures;
	return { rawBody: BODY, headers: headersOf(set, id, timestamp, signature) };
}

describe.each<HeaderSet>(['svix', 'webhook'])(
	'Voyado Engage Trigger: a delivery with %s-* headers',
	(set) => {
		it('signed by the official library starts one execution with the event as sent', async () => {
			const result = await trigger().deliver(signedBy(set));
			expect(result.sent).toBeUndefined();
			expect(result.items).toEqual([{ json: voucherCreated }]);
		});

		it.each([
			['forged', () => ({ ...signedBy(set), rawBody: BODY.replace('50', '5000') })],
			['signed with another secret', () => signedBy(set, { secret: OTHER_SECRET })],
			['stale (6 minutes old)', () => signedBy(set, { timestamp: NOW - 360 })],
			['from the future (6 minutes ahead)', () => signedBy(set, { timestamp: NOW + 360 })],
		])('%s is refused with 401 and starts nothing', async (_name, delivery) => {
			const result = await trigger().deliver(delivery());
			expect(result.sent?.statusCode).toBe(401);
			expect(result.response).toEqual({ noWebhookResponse: true });
			expect(result.items).toBeUndefined();
		});

		it('starts one execution for a delivery sent again with the same ID', async () => {
			const node = trigger();
			expect((await node.deliver(signedBy(set))).items).toHaveLength(1);
			const again = await node.deliver(signedBy(set));
			expect(again.items).toBeUndefined();
			expect(again.response.webhookResponse).toEqual({
				received: true,
				message: 'Delivery msg_2Lw was already received',
			});
		});
	},
);

it('recognises a retry that comes under the other set of header names', async () => {
	const node = trigger();
	expect((await node.deliver(signedBy('svix'))).items).toHaveLength(1);
	expect((await node.deliver(signedBy('webhook'))).items).toBeUndefined();
});

it('names both sets of headers when they are missing', async () => {
	const result = await trigger().deliver({ rawBody: BODY, headers: {} });
	expect(result.sent).toEqual({
		statusCode: 401,
		body: {
			message:
				'The webhook-id, webhook-timestamp or webhook-signature header (or svix-id, svix-timestamp, svix-signature) is missing',
		},
	});
});

describe('Voyado Engage Trigger: the same verdict as the official library', () => {
	const ID = 'msg_oracle';
	const GOOD = {
		id: ID,
		timestamp: String(NOW),
		signature: askSvix(NOW, [{ secret: SECRET, id: ID, timestamp: NOW, body: BODY }]).signatures[0],
	};
	const BAD = {
		id: 'msg_other',
		timestamp: String(NOW + 1),
		signature: `v1,${Buffer.alloc(32, 9).toString('base64')}`,
	};
	type Part = keyof typeof GOOD;
	// Where each header's value comes from: svix-*, webhook-*, both (one of them wrong), an empty svix-* one, none.
	const variants: Array<[string, (part: Part) => Record<string, string>]> = [
		['svix', (part) => ({ [`svix-${part}`]: GOOD[part] })],
		['webhook', (part) => ({ [`webhook-${part}`]: GOOD[part] })],
		[
			'both, webhook wrong',
			(part) => ({ [`svix-${part}`]: GOOD[part], [`webhook-${part}`]: BAD[part] }),
		],
		[
			'both, svix wrong',
			(part) => ({ [`svix-${part}`]: BAD[part], [`webhook-${part}`]: GOOD[part] }),
		],
		['svix empty', (part) => ({ [`svix-${part}`]: '', [`webhook-${part}`]: GOOD[part] })],
		['none', () => ({})],
	];
	const parts: Part[] = ['id', 'timestamp', 'signature'];
	const combinations = variants.flatMap((forId) =>
		variants.flatMap((forTimestamp) =>
			variants.map((forSignature) => {
				const chosen = [forId, forTimestamp, forSignature];
				return {
					name: chosen.map(([label], index) => `${parts[index]}: ${label}`).join(', '),
					headers: Object.assign({}, ...chosen.map(([, make], index) => make(parts[index]))),
				};
			}),
		),
	);
	const signatureOf = (timestamp: number, id = ID) =>
		askSvix(NOW, [{ secret: SECRET, id, timestamp, body: BODY }]).signatures[0];
	const edgeCases = [
		{
			name: 'several signatures, the second right',
			headers: {
				'webhook-id': ID,
				'webhook-timestamp': String(NOW),
				'webhook-signature': `${BAD.signature} ${GOOD.signature}`,
			},
		},
		{
			name: 'a signature of another version',
			headers: {
				'svix-id': ID,
				'svix-timestamp': String(NOW),
				'svix-signature': GOOD.signature.replace('v1,', 'v2,'),
			},
		},
		{
			name: 'the signature without its base64 padding',
			headers: {
				'svix-id': ID,
				'svix-timestamp': String(NOW),
				'svix-signature': GOOD.signature.replace(/=+$/, ''),
			},
		},
		{
			name: 'two spaces between signatures',
			headers: {
				'svix-id': ID,
				'svix-timestamp': String(NOW),
				'svix-signature': `${BAD.signature}  ${GOOD.signature}`,
			},
		},
		{
			name: 'a timestamp with trailing text',
			headers: {
				'webhook-id': ID,
				'webhook-timestamp': `${NOW}abc`,
				'webhook-signature': GOOD.signature,
			},
		},
		{
			name: 'a timestamp that is not a number',
			headers: {
				'webhook-id': ID,
				'webhook-timestamp': 'soon',
				'webhook-signature': GOOD.signature,
			},
		},
		{
			name: 'a timestamp exactly 5 minutes old',
			headers: {
				'svix-id': ID,
				'svix-timestamp': String(NOW - 300),
				'svix-signature': signatureOf(NOW - 300),
			},
		},
		{
			name: 'a timestamp 5 minutes and 1 second old',
			headers: {
				'svix-id': ID,
				'svix-timestamp': String(NOW - 301),
				'svix-signature': signatureOf(NOW - 301),
			},
		},
		{
			name: 'a timestamp exactly 5 minutes ahead',
			headers: {
				'webhook-id': ID,
				'webhook-timestamp': String(NOW + 300),
				'webhook-signature': signatureOf(NOW + 300),
			},
		},
		{
			name: 'a timestamp 5 minutes and 1 second ahead',
			headers: {
				'webhook-id': ID,
				'webhook-timestamp': String(NOW + 301),
				'webhook-signature': signatureOf(NOW + 301),
			},
		},
		{
			name: 'mixed names, each present once',
			headers: {
				'svix-id': ID,
				'webhook-timestamp': String(NOW),
				'webhook-signature': GOOD.signature,
			},
		},
	];
	const cases = [...combinations, ...edgeCases];
	const { verdicts } = askSvix(
		NOW,
		[],
		cases.map(({ headers }) => ({ secret: SECRET, headers, body: BODY })),
	);

	it('covers accepted and refused deliveries', () => {
		expect(verdicts.filter((verdict) => verdict === 'accepted').length).toBeGreaterThan(20);
		expect(verdicts.filter((verdict) => verdict !== 'accepted').length).toBeGreaterThan(20);
	});

	it.each(cases.map((entry, index) => [entry.name, entry.headers, verdicts[index]] as const))(
		'%s',
		async (_name, headers, verdict) => {
			const result = await trigger().deliver({ rawBody: BODY, headers });
			expect(result.items === undefined ? 'refused' : 'accepted').toBe(
				verdict === 'accepted' ? 'accepted' : 'refused',
			);
			if (verdict !== 'accepted') expect(result.sent?.statusCode).toBe(401);
		},
	);

	it('reads the secret with or without its whsec_ prefix, as the library does', async () => {
		const bare = SECRET.replace(/^whsec_/, '');
		const node = new TriggerHarness({
			node: new VoyadoEngageTrigger(),
			parameters: {},
			credentials: { voyadoEngageWebhookApi: { signingSecret: bare } },
			credentialTypes: [new VoyadoEngageWebhookApi()],
		});
		const [signature] = askSvix(NOW, [
			{ secret: bare, id: ID, timestamp: NOW, body: BODY },
		]).signatures;
		expect(signature).toBe(GOOD.signature);
		const result = await node.deliver({
			rawBody: BODY,
			headers: headersOf('webhook', ID, NOW, signature),
		});
		expect(result.items).toHaveLength(1);
	});
});
