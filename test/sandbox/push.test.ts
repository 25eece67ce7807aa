import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { useSandbox } from './sandboxProcess';

/** The sandbox's Svix endpoint secret (sandbox/keys.mjs): `whsec_` + base64 of the signing key. */
const VOYADO_SECRET_KEY = Buffer.from('sandbox-voyado-webhook-signing-key');
const CONTACT = '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b';
const PROJECT_CREDIT = '9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c51';
const CUSTOMER_CREDIT = '7e1f4c2a9b3d4e5f8a6b0c1d2e3f4a51';
const voyadoHeaders = { apikey: 'sandbox-voyado-key', 'Content-Type': 'application/json' };
const waldurHeaders = {
	Authorization: 'Token sandbox-waldur-token',
	'Content-Type': 'application/json',
};
const spreedlyHeaders = {
	authorization: `Basic ${Buffer.from('sandbox-spreedly-token:X').toString('base64')}`,
};

interface Received {
	path: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** A stand-in for n8n: records what the sandbox posts and answers 200. */
function useReceiver() {
	let server: http.Server;
	let received: Received[] = [];
	beforeAll(async () => {
		server = http.createServer((request, response) => {
			let body = '';
			request.on('data', (chunk: Buffer) => (body += chunk.toString()));
			request.on('end', () => {
				received.push({ path: request.url ?? '', headers: request.headers, body });
				response.end('ok');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	});
	afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));
	beforeEach(() => (received = []));
	return {
		url: (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
		received: () => received,
	};
}

const sandbox = useSandbox();
const receiver = useReceiver();

async function setTargets(targets: object) {
	const reply = await sandbox().request('/__webhooks', {
		method: 'PUT',
		body: JSON.stringify(targets),
	});
	expect(reply.status).toBe(200);
}

/** Waits for the sandbox's deliveries to be answered, then returns what the receiver got. */
async function delivered() {
	const deliveries = (await sandbox().request('/__deliveries')).json<
		Array<{ status?: number; url: string }>
	>();
	expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
	return receiver.received();
}

const addPoints = (rows: object[], idempotencyKey?: string) =>
	sandbox().request('/voyado/api/v2/point-accounts/transactions', {
		method: 'POST',
		headers: { ...voyadoHeaders, ...(idempotencyKey && { 'Idempotency-Key': idempotencyKey }) },
		body: JSON.stringify(rows),
	});
const row = (amount: number) => ({
	contactId: CONTACT,
	definitionId: 1,
	amount,
	source: 'Test',
	description: `row ${amount}`,
});

describe('sandbox: what the providers push', () => {
	it('refuses webhook targets that are not URLs, and keeps valid ones across a reset', async () => {
		const bad = await sandbox().request('/__webhooks', {
			method: 'PUT',
			body: JSON.stringify({ voyado: ['not a url'] }),
		});
		expect(bad.status).toBe(400);
		await setTargets({ voyado: [receiver.url('/voyado')], spreedly: receiver.url('/spreedly') });
		await sandbox().reset();
		expect((await sandbox().request('/__webhooks')).json()).toEqual({
			voyado: [receiver.url('/voyado')],
			spreedly: receiver.url('/spreedly'),
		});
		await setTargets({});
	});

	describe('Voyado: Svix-signed point.balance.updated', () => {
		beforeEach(() => setTargets({ voyado: [receiver.url('/voyado-endpoint')] }));
		afterEach(() => setTargets({}));

		it('sends one signed event per changed account, with its new balance', async () => {
			expect((await addPoints([row(10), row(5)])).status).toBe(200);
			const [delivery, ...more] = await delivered();
			expect(more).toEqual([]);
			expect(delivery.path).toBe('/voyado-endpoint');
			expect(JSON.parse(delivery.body)).toMatchObject({
				eventType: 'point.balance.updated',
				isEncrypted: false,
				payload: {
					balance: 265,
					contactId: CONTACT,
					accountId: 1001,
					definitionId: '1',
					balanceExpires: '2027-12-31T23:59:59Z',
				},
			});
			const {
				'svix-id': id,
				'svix-timestamp': timestamp,
				'svix-signature': signature,
			} = delivery.headers;
			expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
			const expected = createHmac('sha256', VOYADO_SECRET_KEY)
				.update(`${id}.${timestamp}.${delivery.body}`)
				.digest('base64');
			expect(signature).toBe(`v1,${expected}`);
		});

		it('sends nothing for a replayed Idempotency-Key or a batch whose rows were all rejected', async () => {
			await addPoints([row(1)], 'key-1');
			await addPoints([row(1)], 'key-1');
			await addPoints([{ ...row(1), definitionId: 99 }]);
			expect(await delivered()).toHaveLength(1);
		});

		it('sends nothing when no endpoint is set up', async () => {
			await setTargets({});
			await addPoints([row(1)]);
			expect(await delivered()).toEqual([]);
		});
	});

	describe('Waldur: hooks-web and credit events', () => {
		const hook = (body: object) =>
			sandbox().request('/waldur/api/hooks-web/', {
				method: 'POST',
				headers: waldurHeaders,
				body: JSON.stringify(body),
			});
		const patchCredit = (path: string, value: string) =>
			sandbox().request(`/waldur/api/${path}/`, {
				method: 'PATCH',
				headers: waldurHeaders,
				body: JSON.stringify({ value }),
			});

		it('validates a hook like DRF and expands event groups', async () => {
			expect([
				(await hook({ event_types: [] })).status,
				(await hook({ event_types: [] })).json(),
			]).toEqual([400, { destination_url: ['This field is required.'] }]);
			const unknown = await hook({ destination_url: receiver.url('/w'), event_types: ['nope'] });
			expect([unknown.status, unknown.json()]).toEqual([
				400,
				{ event_types: ['"nope" is not a valid choice.'] },
			]);
			expect((await hook({ destination_url: 'ftp://x', event_types: [] })).status).toBe(400);
			const grouped = await hook({
				destination_url: receiver.url('/w'),
				event_groups: ['credits'],
			});
			expect(grouped.status).toBe(201);
			expect(grouped.json<{ event_types: string[] }>().event_types).toEqual(
				expect.arrayContaining(['update_of_project_credit_by_staff', 'create_of_credit_by_staff']),
			);
		});

		it('finds a hook by destination URL, updates and deletes it', async () => {
			const created = (
				await hook({
					destination_url: receiver.url('/a'),
					event_types: ['update_of_credit_by_staff'],
				})
			).json<{ uuid: string; url: string }>();
			await hook({ destination_url: receiver.url('/b'), event_types: [] });
			const found = await sandbox().request(
				`/waldur/api/hooks-web/?destination_url=${encodeURIComponent(receiver.url('/a'))}`,
				{ headers: waldurHeaders },
			);
			expect(found.json()).toEqual([
				expect.objectContaining({
					uuid: created.uuid,
					destination_url: receiver.url('/a'),
					content_type: 'json',
					is_active: true,
				}),
			]);
			const patched = await sandbox().request(`/waldur/api/hooks-web/${created.uuid}/`, {
				method: 'PATCH',
				headers: waldurHeaders,
				body: JSON.stringify({ is_active: false }),
			});
			expect(patched.json()).toMatchObject({ is_active: false });
			expect(
				(
					await sandbox().request(`/waldur/api/hooks-web/${created.uuid}/`, {
						method: 'DELETE',
						headers: waldurHeaders,
					})
				).status,
			).toBe(204);
			expect(
				(
					await sandbox().request(`/waldur/api/hooks-web/${created.uuid}/`, {
						headers: waldurHeaders,
					})
				).status,
			).toBe(404);
		});

		it('posts a credit change to the active hooks subscribed to its event type only', async () => {
			await hook({
				destination_url: receiver.url('/project'),
				event_types: ['update_of_project_credit_by_staff'],
			});
			await hook({
				destination_url: receiver.url('/customer'),
				event_types: ['update_of_credit_by_staff'],
			});
			await hook({
				destination_url: receiver.url('/inactive'),
				event_types: ['update_of_project_credit_by_staff'],
				is_active: false,
			});
			await hook({
				destination_url: receiver.url('/form'),
				event_types: ['update_of_project_credit_by_staff'],
				content_type: 'form',
			});
			expect((await patchCredit(`project-credits/${PROJECT_CREDIT}`, '750.00')).status).toBe(200);
			const received = await delivered();
			expect(received.map((delivery) => delivery.path).sort()).toEqual(['/form', '/project']);
			const json = received.find((delivery) => delivery.path === '/project')!;
			expect(json.headers['content-type']).toBe('application/json');
			expect(JSON.parse(json.body)).toEqual({
				created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				event_type: 'update_of_project_credit_by_staff',
				message: 'Credit for project Genome Lab has been updated from 500.00 to 750.00.',
				context: expect.objectContaining({
					credit_uuid: PROJECT_CREDIT,
					value: '750.00',
					old_value: '500.00',
					project_name: 'Genome Lab',
				}),
			});
			const form = new URLSearchParams(
				received.find((delivery) => delivery.path === '/form')!.body,
			);
			expect([form.get('event_type'), JSON.parse(form.get('context')!).value]).toEqual([
				'update_of_project_credit_by_staff',
				'750.00',
			]);
		});

		it('names customer-credit changes and new credits with their own event types, and refused changes send nothing', async () => {
			await hook({ destination_url: receiver.url('/all'), event_groups: ['credits'] });
			await patchCredit(`customer-credits/${CUSTOMER_CREDIT}`, '12000.00');
			await patchCredit(`project-credits/${PROJECT_CREDIT}`, '999999.00');
			const project = `https://waldur.example.com/api/projects/4e0b7a1f3d2c4b8e9f6a7b8c9d0e1f22/`;
			await sandbox().request('/waldur/api/project-credits/', {
				method: 'POST',
				headers: waldurHeaders,
				body: JSON.stringify({ project, value: '10' }),
			});
			const types = (await delivered()).map((delivery) => JSON.parse(delivery.body).event_type);
			expect(types).toEqual(['update_of_credit_by_staff', 'create_of_project_credit_by_staff']);
		});
	});

	describe("Spreedly: the 'subscribers changed' notification", () => {
		const site = (path: string, method = 'GET', body?: string) =>
			sandbox().request(`/spreedly/api/v4/sandbox-test${path}`, {
				method,
				headers: spreedlyHeaders,
				body,
			});
		beforeEach(() => setTargets({ spreedly: receiver.url('/spreedly-changed') }));
		afterEach(() => setTargets({}));

		it('posts subscriber_ids for created and changed subscribers', async () => {
			await site(
				'/subscribers.xml',
				'POST',
				'<subscriber><customer-id>77</customer-id></subscriber>',
			);
			await site('/subscribers/1001/stop_auto_renew.xml', 'POST');
			const received = await delivered();
			expect(
				received.map((delivery) => [
					delivery.path,
					delivery.headers['content-type'],
					delivery.body,
				]),
			).toEqual([
				['/spreedly-changed', 'application/x-www-form-urlencoded', 'subscriber_ids=77'],
				['/spreedly-changed', 'application/x-www-form-urlencoded', 'subscriber_ids=1001'],
			]);
		});

		it('posts nothing for reads, refused requests and deletions', async () => {
			await site('/subscribers.xml');
			await site(
				'/subscribers/404.xml',
				'PUT',
				'<subscriber><email>x@example.com</email></subscriber>',
			);
			await site('/subscribers.xml', 'DELETE');
			expect(await delivered()).toEqual([]);
		});
	});
});
