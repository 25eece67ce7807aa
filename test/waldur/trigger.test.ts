import type { IDataObject } from 'n8n-workflow';

import { WaldurApi } from '../../credentials/WaldurApi.credentials';
import { WaldurTrigger } from '../../nodes/Waldur/WaldurTrigger.node';
import {
	NODE_WEBHOOK_ID,
	TriggerHarness,
	WEBHOOK_BASE_URL,
	WEBHOOK_TEST_BASE_URL,
} from '../harness/triggers';
import { AUTH, BASE, waldur, TOKEN } from './helpers';
import { skipBackoffSleeps } from '../harness/backoff';
import { TestCredentialsHelper } from '../harness/credentialsHelper';

skipBackoffSleeps();

const PRODUCTION_URL = `${WEBHOOK_BASE_URL}/${NODE_WEBHOOK_ID}/webhook`;
const TEST_URL = `${WEBHOOK_TEST_BASE_URL}/${NODE_WEBHOOK_ID}/webhook`;
const EVENTS = ['reduction_of_project_credit', 'set_to_zero_overdue_credit'];
const HOOK_UUID = '0e6d6c5e1c4f4a0e9a4c3d2b1a0f9e8d';

function trigger(events: string[] = EVENTS, staticData?: IDataObject) {
	return new TriggerHarness({
		node: new WaldurTrigger(),
		parameters: { events },
		credentials: { waldurApi: { baseUrl: BASE, token: TOKEN } },
		credentialTypes: [new WaldurApi()],
		staticData,
	});
}

/** A web hook as Waldur's schema 8.0.5 (`WebHook`) describes it. */
function webHook(fields: IDataObject): IDataObject {
	return {
		url: `${BASE}/api/hooks-web/${HOOK_UUID}/`,
		uuid: HOOK_UUID,
		is_active: true,
		author_uuid: '5a1e0c9b8d7f4e3a2b1c0d9e8f7a6b5c',
		event_types: EVENTS,
		event_groups: [],
		created: '2026-12-01T09:00:00Z',
		modified: '2026-12-01T09:00:00Z',
		hook_type: 'webhook',
		author_fullname: 'Credit Bot',
		author_username: 'credit-bot',
		author_email: 'bot@example.com',
		content_type: 'json',
		...fields,
	};
}

const uuidOf = (n: number) => n.toString(16).padStart(32, '0');
const STALE_UUIDS = [uuidOf(0x5a1e1), uuidOf(0x5a1e2)];
const call = (request: { method: string; path: string }) => `${request.method} ${request.path}`;

/** A hook of the same Waldur user for another n8n (or anything else): never touched. */
const otherUrlHook = webHook({
	uuid: uuidOf(0x07e4),
	url: `${BASE}/api/hooks-web/${uuidOf(0x07e4)}/`,
	destination_url: `https://other-n8n.example.com/webhook/${NODE_WEBHOOK_ID}/webhook?token=theirs`,
});

/**
 * Waldur's hooks-web as a test sets it up: GET lists the hooks in pages (`page`, `page_size`, a
 * `Link` to the next page), DELETE removes one and POST adds one, `deletes` and `posts` times.
 */
function hooksAtWaldur(
	initial: IDataObject[],
	expected: { deletes?: number; posts?: number } = {},
) {
	const hooks = [...initial];
	waldur
		.intercept('GET', '/api/hooks-web/')
		.times('any')
		.reply((request) => {
			const size = Number(request.query.page_size ?? 10);
			const page = Number(request.query.page ?? 1);
			const more = page * size < hooks.length;
			const next = `<${BASE}/api/hooks-web/?page=${page + 1}&page_size=${size}>; rel="next"`;
			return {
				status: 200,
				body: hooks.slice((page - 1) * size, page * size),
				headers: { 'X-Result-Count': String(hooks.length), ...(more ? { Link: next } : {}) },
			};
		});
	if (expected.deletes)
		waldur
			.intercept('DELETE', /^\/api\/hooks-web\/[0-9a-f]+\/$/)
			.times(expected.deletes)
			.reply((request) => {
				const index = hooks.findIndex(
					(hook) => request.path === `/api/hooks-web/${String(hook.uuid)}/`,
				);
				if (index < 0) return { status: 404, body: { detail: 'Not found.' } };
				hooks.splice(index, 1);
				return { status: 204 };
			});
	if (expected.posts)
		waldur
			.intercept('POST', '/api/hooks-web/')
			.times(expected.posts)
			.reply((request) => {
				const uuid = uuidOf(0xb00 + hooks.length);
				const sent = request.body as IDataObject;
				const hook = webHook({
					uuid,
					url: `${BASE}/api/hooks-web/${uuid}/`,
					destination_url: sent.destination_url,
					event_types: sent.event_types,
				});
				hooks.push(hook);
				return { status: 201, body: hook };
			});
	const addressOf = (url: unknown) => String(url).split('?')[0];
	return {
		all: () => hooks,
		forUrl: (url: string) => hooks.filter((hook) => addressOf(hook.destination_url) === url),
	};
}

function tokenOf(destination: string): string {
	return new URL(destination).searchParams.get('token') ?? '';
}

/** Activates the node: `create` registers the hook; returns the delivery URL Waldur was given. */
async function activate(node: TriggerHarness, isTest = false): Promise<string> {
	waldur.intercept('POST', '/api/hooks-web/').reply({
		status: 201,
		body: webHook({ destination_url: `${isTest ? TEST_URL : PRODUCTION_URL}?token=x` }),
	});
	expect(await node.hook('create', isTest)).toBe(true);
	const destination = (waldur.requests()[0].body as IDataObject).destination_url as string;
	waldur.forgetRequests();
	return destination;
}

const reduced = {
	created: '2026-12-01T10:00:00.000000',
	message: 'Project credit of Alpha has been reduced by 10.00.',
	context: { project_uuid: 'a1', project_name: 'Alpha', amount: '10.00' },
	event_type: 'reduction_of_project_credit',
};

describe('Waldur Trigger: registration', () => {
	it('registers a hook for the selected event types, posting JSON to a URL with a secret token', async () => {
		const node = trigger();
		waldur.intercept('POST', '/api/hooks-web/').reply({
			status: 201,
			body: webHook({ destination_url: `${PRODUCTION_URL}?token=x` }),
		});
		expect(await node.hook('create')).toBe(true);

		expect(waldur.requests()).toHaveLength(1);
		const [call] = waldur.requests();
		expect(call).toMatchObject({ method: 'POST', path: '/api/hooks-web/' });
		expect(call.headers.authorization).toBe(AUTH);
		const body = call.body as IDataObject;
		expect(body).toEqual({
			destination_url: expect.stringMatching(
				new RegExp(`^${PRODUCTION_URL.replace(/[.?]/g, '\\$&')}\\?token=[0-9a-f]{48}$`),
			),
			event_types: EVENTS,
			content_type: 'json',
			is_active: true,
		});
		expect(node.nodeStaticData()).toEqual({
			hooks: {
				[PRODUCTION_URL]: { uuid: HOOK_UUID, token: tokenOf(body.destination_url as string) },
			},
		});
	});

	it('gives every registration a new token', async () => {
		const first = tokenOf(await activate(trigger()));
		const second = tokenOf(await activate(trigger()));
		expect(first).not.toBe(second);
	});

	it('refuses to register without a selected event type, before any request', async () => {
		await expect(trigger([]).hook('create')).rejects.toThrow('The parameter "Events" is empty');
		expect(waldur.requests()).toHaveLength(0);
	});

	it('reports that Waldur refused the registration (e.g. an address it will not post to)', async () => {
		waldur.intercept('POST', '/api/hooks-web/').reply({
			status: 400,
			body: { destination_url: ['Enter a valid URL.'] },
		});
		await expect(trigger().hook('create')).rejects.toThrow('Enter a valid URL.');
	});

	it('refuses, before any request, a delivery URL longer than the 200 characters Waldur stores', async () => {
		const node = new TriggerHarness({
			node: new WaldurTrigger(),
			parameters: { events: EVENTS },
			credentials: { waldurApi: { baseUrl: BASE, token: TOKEN } },
			credentialTypes: [new WaldurApi()],
			webhookBaseUrl: `https://n8n.example.com/${'very-long-path/'.repeat(6)}webhook`,
		});
		await expect(node.hook('create')).rejects.toThrow(
			/^The delivery URL is 2\d\d characters long; Waldur stores at most 200$/,
		);
		expect(waldur.requests()).toHaveLength(0);
	});

	it('refuses a registration reply without the hook uuid (nothing to delete later)', async () => {
		waldur.intercept('POST', '/api/hooks-web/').reply({
			status: 201,
			body: {},
			violates: /must have required property/,
		});
		await expect(trigger().hook('create')).rejects.toThrow(
			'Waldur sent a response that is not a web hook with a uuid',
		);
	});

	it('refuses a hook list that is not a JSON array', async () => {
		const node = trigger();
		await activate(node);
		waldur.intercept('GET', '/api/hooks-web/').reply({
			status: 200,
			body: { results: [] },
			violates: /must be array/,
		});
		await expect(node.hook('checkExists')).rejects.toThrow(
			'Waldur sent a response that is not a JSON array',
		);
	});

	it('sends the 2024 event names as selected (an 8.0.5 server refuses them: not in its schema)', async () => {
		waldur.intercept('POST', '/api/hooks-web/').reply({
			status: 201,
			body: webHook({
				destination_url: `${PRODUCTION_URL}?token=x`,
				event_types: ['reduction_of_credit'],
			}),
			violates: /event_types\/0 must be equal to one of the allowed values/,
		});
		expect(await trigger(['reduction_of_credit']).hook('create')).toBe(true);
		expect((waldur.requests()[0].body as IDataObject).event_types).toEqual(['reduction_of_credit']);
	});

	it('lists the hooks before the first registration and keeps nothing when none is for its URL', async () => {
		const waldurHooks = hooksAtWaldur([otherUrlHook]);
		expect(await trigger().hook('checkExists')).toBe(false);
		expect(waldur.requests()).toHaveLength(1);
		expect(waldur.requests()[0]).toMatchObject({
			method: 'GET',
			path: '/api/hooks-web/',
			query: { page_size: '100' },
		});
		expect(waldur.requests()[0].headers.authorization).toBe(AUTH);
		expect(waldurHooks.all()).toEqual([otherUrlHook]);
	});

	it('finds its own active hook with the same event types instead of registering a second', async () => {
		const node = trigger();
		const destination = await activate(node);
		hooksAtWaldur([webHook({ destination_url: destination }), otherUrlHook]);
		expect(await node.hook('checkExists')).toBe(true);
		expect(waldur.requests().map(call)).toEqual(['GET /api/hooks-web/']);
		expect(node.nodeStaticData()).toEqual({
			hooks: { [PRODUCTION_URL]: { uuid: HOOK_UUID, token: tokenOf(destination) } },
		});
	});

	it('matches event types in any order', async () => {
		const node = trigger();
		const destination = await activate(node);
		hooksAtWaldur([webHook({ destination_url: destination, event_types: [...EVENTS].reverse() })]);
		expect(await node.hook('checkExists')).toBe(true);
	});

	it.each([
		['other event types', { event_types: ['reduction_of_customer_credit'] }],
		['switched off in Waldur', { is_active: false }],
	])('deletes its hook with %s so that a fresh one is registered', async (_name, fields) => {
		const node = trigger();
		const destination = await activate(node);
		const waldurHooks = hooksAtWaldur([webHook({ destination_url: destination, ...fields })], {
			deletes: 1,
		});
		expect(await node.hook('checkExists')).toBe(false);
		expect(waldur.requests().map(call)).toEqual([
			'GET /api/hooks-web/',
			`DELETE /api/hooks-web/${HOOK_UUID}/`,
		]);
		expect(node.nodeStaticData()).toEqual({ hooks: {} });
		expect(waldurHooks.all()).toEqual([]);
	});

	it('forgets a registration whose hook was deleted in Waldur', async () => {
		const node = trigger();
		await activate(node);
		hooksAtWaldur([otherUrlHook]);
		expect(await node.hook('checkExists')).toBe(false);
		expect(node.nodeStaticData()).toEqual({ hooks: {} });
	});

	it('refuses, before any request, to look for hooks without a selected event type', async () => {
		await expect(trigger([]).hook('checkExists')).rejects.toThrow(
			'The parameter "Events" is empty',
		);
		expect(waldur.requests()).toHaveLength(0);
	});

	it('refuses a hook list whose hooks for its URL have no uuid (nothing it could delete)', async () => {
		waldur.intercept('GET', '/api/hooks-web/').reply({
			status: 200,
			body: [{ ...webHook({ destination_url: `${PRODUCTION_URL}?token=old` }), uuid: undefined }],
			violates: /must have required property 'uuid'/,
		});
		await expect(trigger().hook('checkExists')).rejects.toThrow(
			'Waldur sent a response that is not a list of web hooks with a uuid',
		);
	});

	it('removes its hook on deactivation and forgets the token', async () => {
		const node = trigger();
		const destination = await activate(node);
		const waldurHooks = hooksAtWaldur([webHook({ destination_url: destination }), otherUrlHook], {
			deletes: 1,
		});
		expect(await node.hook('delete')).toBe(true);
		expect(waldur.requests().map(call)).toEqual([
			`DELETE /api/hooks-web/${HOOK_UUID}/`,
			'GET /api/hooks-web/',
		]);
		expect(waldur.requests()[0].headers.authorization).toBe(AUTH);
		expect(node.nodeStaticData()).toEqual({ hooks: {} });
		expect(waldurHooks.all()).toEqual([otherUrlHook]);
	});

	it('counts a hook already deleted in Waldur (404) as removed', async () => {
		const node = trigger();
		await activate(node);
		waldur.intercept('DELETE', `/api/hooks-web/${HOOK_UUID}/`).reply({
			status: 404,
			body: { detail: 'Not found.' },
		});
		hooksAtWaldur([]);
		expect(await node.hook('delete')).toBe(true);
		expect(node.nodeStaticData()).toEqual({ hooks: {} });
	});

	it('keeps the registration when Waldur could not delete the hook, so a later run finds it', async () => {
		const node = trigger();
		await activate(node);
		for (let attempt = 0; attempt < 4; attempt++)
			waldur.intercept('DELETE', `/api/hooks-web/${HOOK_UUID}/`).reply({
				status: 503,
				body: { detail: 'Service unavailable' },
			});
		expect(await node.hook('delete')).toBe(false);
		expect(Object.keys(node.nodeStaticData().hooks as IDataObject)).toEqual([PRODUCTION_URL]);
		jest.restoreAllMocks();
	});

	it('reports a failed deactivation when the hooks could not be listed', async () => {
		for (let attempt = 0; attempt < 4; attempt++)
			waldur.intercept('GET', '/api/hooks-web/').reply({
				status: 503,
				body: { detail: 'Service unavailable' },
			});
		expect(await trigger().hook('delete')).toBe(false);
	});
});

// A hook Waldur holds for this trigger's URL that the node does not know (another or no token): left by
// a crash between registering and saving, a restored n8n database, or lost static data.
describe('Waldur Trigger: hooks left behind for its URL', () => {
	/** Activation as n8n runs it: `checkExists`, and `create` when that says there is none. */
	async function activateAsN8n(node: TriggerHarness, isTest = false): Promise<void> {
		if (!(await node.hook('checkExists', isTest)))
			expect(await node.hook('create', isTest)).toBe(true);
	}

	const stale = (uuid: string, query: string, fields: IDataObject = {}) =>
		webHook({
			uuid,
			url: `${BASE}/api/hooks-web/${uuid}/`,
			destination_url: `${PRODUCTION_URL}${query}`,
			...fields,
		});

	it.each([
		['another token', [stale(STALE_UUIDS[0], '?token=left-behind')]],
		['no token', [stale(STALE_UUIDS[0], '')]],
		['another token, switched off', [stale(STALE_UUIDS[0], '?token=old', { is_active: false })]],
		[
			'two of them',
			[
				stale(STALE_UUIDS[0], '?token=one'),
				stale(STALE_UUIDS[1], '?token=two', { content_type: 'form' }),
			],
		],
	])('with %s: activation deletes them, then registers the one hook', async (_name, leftBehind) => {
		const node = trigger();
		const waldurHooks = hooksAtWaldur([otherUrlHook, ...leftBehind], {
			deletes: leftBehind.length,
			posts: 1,
		});
		await activateAsN8n(node);
		expect(waldur.requests().map(call)).toEqual([
			'GET /api/hooks-web/',
			...leftBehind.map((hook) => `DELETE /api/hooks-web/${String(hook.uuid)}/`),
			'POST /api/hooks-web/',
		]);
		const [own] = waldurHooks.forUrl(PRODUCTION_URL);
		expect(waldurHooks.forUrl(PRODUCTION_URL)).toHaveLength(1);
		expect(waldurHooks.all()).toContainEqual(otherUrlHook);
		const registration = (node.nodeStaticData().hooks as IDataObject)[PRODUCTION_URL];
		expect(registration).toEqual({ uuid: own.uuid, token: tokenOf(own.destination_url as string) });
		// Deliveries reach the node once, through its own hook's URL.
		const accepted = await node.deliver({
			body: reduced,
			query: { token: tokenOf(own.destination_url as string) },
		});
		expect(accepted.items).toHaveLength(1);
		for (const hook of leftBehind) {
			const refused = await node.deliver({
				body: reduced,
				query: { token: tokenOf(hook.destination_url as string) },
			});
			expect(refused.items).toBeUndefined();
		}
	});

	it('keeps its own hook and deletes a stale one next to it', async () => {
		const node = trigger();
		const destination = await activate(node);
		const waldurHooks = hooksAtWaldur(
			[stale(STALE_UUIDS[0], '?token=left-behind'), webHook({ destination_url: destination })],
			{ deletes: 1 },
		);
		await activateAsN8n(node);
		expect(waldur.requests().map(call)).toEqual([
			'GET /api/hooks-web/',
			`DELETE /api/hooks-web/${STALE_UUIDS[0]}/`,
		]);
		expect(waldurHooks.forUrl(PRODUCTION_URL)).toEqual([webHook({ destination_url: destination })]);
	});

	it('finds hooks for its URL on every page of the hook list', async () => {
		const others = Array.from({ length: 150 }, (_, index) =>
			webHook({
				uuid: uuidOf(1000 + index),
				url: `${BASE}/api/hooks-web/${uuidOf(1000 + index)}/`,
				destination_url: `https://elsewhere.example.com/hook/${index}`,
			}),
		);
		const leftBehind = stale(STALE_UUIDS[0], '?token=page-two');
		const waldurHooks = hooksAtWaldur([...others, leftBehind], { deletes: 1, posts: 1 });
		await activateAsN8n(trigger());
		expect(waldur.requests().map(call)).toEqual([
			'GET /api/hooks-web/',
			'GET /api/hooks-web/',
			`DELETE /api/hooks-web/${STALE_UUIDS[0]}/`,
			'POST /api/hooks-web/',
		]);
		expect(waldur.requests()[1].query).toEqual({ page: '2', page_size: '100' });
		expect(waldurHooks.forUrl(PRODUCTION_URL)).toHaveLength(1);
		expect(waldurHooks.all()).toHaveLength(151);
	});

	it('leaves the hooks of the test URL alone when the production URL is activated, and the other way round', async () => {
		const testHook = webHook({
			uuid: STALE_UUIDS[1],
			url: `${BASE}/api/hooks-web/${STALE_UUIDS[1]}/`,
			destination_url: `${TEST_URL}?token=listening`,
		});
		const waldurHooks = hooksAtWaldur([testHook], { posts: 1 });
		await activateAsN8n(trigger());
		expect(waldurHooks.forUrl(TEST_URL)).toEqual([testHook]);
		expect(waldurHooks.forUrl(PRODUCTION_URL)).toHaveLength(1);
	});

	it('deactivation deletes every hook for its URL, its own and those left behind', async () => {
		const node = trigger();
		const destination = await activate(node);
		const waldurHooks = hooksAtWaldur(
			[
				webHook({ destination_url: destination }),
				stale(STALE_UUIDS[0], '?token=left-behind'),
				stale(STALE_UUIDS[1], ''),
				otherUrlHook,
			],
			{ deletes: 3 },
		);
		expect(await node.hook('delete')).toBe(true);
		expect(waldur.requests().map(call)).toEqual([
			`DELETE /api/hooks-web/${HOOK_UUID}/`,
			'GET /api/hooks-web/',
			`DELETE /api/hooks-web/${STALE_UUIDS[0]}/`,
			`DELETE /api/hooks-web/${STALE_UUIDS[1]}/`,
		]);
		expect(waldurHooks.all()).toEqual([otherUrlHook]);
		expect(node.nodeStaticData()).toEqual({ hooks: {} });
	});

	it('deactivation without a registration (lost static data) still deletes what is left for its URL', async () => {
		const waldurHooks = hooksAtWaldur([stale(STALE_UUIDS[0], '?token=left-behind'), otherUrlHook], {
			deletes: 1,
		});
		expect(await trigger().hook('delete')).toBe(true);
		expect(waldurHooks.all()).toEqual([otherUrlHook]);
	});
});

describe('Waldur Trigger: deliveries', () => {
	it('starts an execution with the event as Waldur posted it', async () => {
		const node = trigger();
		const destination = await activate(node);
		const result = await node.deliver({ body: reduced, query: { token: tokenOf(destination) } });
		expect(result.sent).toBeUndefined();
		expect(result.items).toEqual([{ json: reduced }]);
	});

	it('accepts deliveries to the test URL the editor registered while listening', async () => {
		const node = trigger();
		const destination = await activate(node, true);
		expect(destination.startsWith(`${TEST_URL}?token=`)).toBe(true);
		const result = await node.deliver({
			body: reduced,
			query: { token: tokenOf(destination) },
			isTest: true,
		});
		expect(result.items).toHaveLength(1);
	});

	it.each([
		['without a token', {}],
		['with a guessed token', { token: 'a'.repeat(48) }],
		['with the token of another registration', { token: 'f'.repeat(48) }],
		['with the token as a list', { token: ['x', 'y'] }],
	])('refuses a delivery %s with 401 and starts nothing', async (_name, query) => {
		const node = trigger();
		await activate(node);
		const result = await node.deliver({ body: reduced, query });
		expect(result.sent).toEqual({ statusCode: 401, body: { message: 'Unknown delivery URL' } });
		expect(result.response).toEqual({ noWebhookResponse: true });
		expect(result.items).toBeUndefined();
	});

	it('refuses every delivery after deactivation', async () => {
		const node = trigger();
		const token = tokenOf(await activate(node));
		waldur.intercept('DELETE', `/api/hooks-web/${HOOK_UUID}/`).reply({ status: 204 });
		hooksAtWaldur([]);
		expect(await node.hook('delete')).toBe(true);
		const result = await node.deliver({ body: reduced, query: { token } });
		expect(result.sent?.statusCode).toBe(401);
		expect(result.items).toBeUndefined();
	});

	it.each([
		['no event_type', { ...reduced, event_type: undefined }, 'The body has no event_type'],
		['no message', { ...reduced, message: 5 }, 'The body has no message'],
		['no created time', { ...reduced, created: null }, 'The body has no created time'],
		['no context object', { ...reduced, context: 'x' }, 'The body has no context object'],
		['a form body', { 'event_type[]': 'x' }, 'The body has no event_type'],
	])('refuses a body with %s with 400 and starts nothing', async (_name, body, message) => {
		const node = trigger();
		const token = tokenOf(await activate(node));
		const result = await node.deliver({ body: body as IDataObject, query: { token } });
		expect(result.sent).toEqual({ statusCode: 400, body: { message } });
		expect(result.items).toBeUndefined();
	});

	it('refuses an event type that was not selected', async () => {
		const node = trigger();
		const token = tokenOf(await activate(node));
		const result = await node.deliver({
			body: { ...reduced, event_type: 'customer_update_succeeded' },
			query: { token },
		});
		expect(result.sent).toEqual({
			statusCode: 400,
			body: { message: 'Event type customer_update_succeeded is not selected' },
		});
		expect(result.items).toBeUndefined();
	});
});

describe('Waldur Trigger: one credential read per hook call', () => {
	it('checkExists reads the credential once for both requests (the GET and the DELETE of a stale hook)', async () => {
		const node = trigger();
		const destination = await activate(node);
		const reads = jest.spyOn(TestCredentialsHelper.prototype, 'getDecrypted');
		try {
			waldur.intercept('GET', '/api/hooks-web/').reply({
				status: 200,
				body: [webHook({ destination_url: destination, is_active: false })],
			});
			waldur.intercept('DELETE', `/api/hooks-web/${HOOK_UUID}/`).reply({ status: 204 });
			expect(await node.hook('checkExists')).toBe(false);
			expect(waldur.requests().map((request) => request.headers.authorization)).toEqual([
				AUTH,
				AUTH,
			]);
			expect(reads).toHaveBeenCalledTimes(1);
		} finally {
			reads.mockRestore();
		}
	});
});
