import { randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RequestSettings } from '../../shared/requestSettings';
import { defaultRequestSettings } from '../../shared/requestSettings';
import { nodeState } from '../../shared/staticData';
import { listRecords } from '../listing';
import { unexpectedReply, waldurRequest } from '../transport';

const HOOKS_PATH = '/api/hooks-web/';
/** `destination_url` is a URLField of at most 200 characters (schema 8.0.5 `WebHook`). */
const MAX_DESTINATION_LENGTH = 200;
export const TOKEN_PARAMETER = 'token';

/** One registered hook: its UUID at Waldur and the secret its delivery URL carries. */
export interface HookRegistration extends IDataObject {
	uuid: string;
	token: string;
}

/** Per webhook URL (the production and the test URL register separately). */
export interface WaldurTriggerState extends IDataObject {
	hooks?: Record<string, HookRegistration>;
}

export function registrationsOf(
	state: Partial<WaldurTriggerState>,
): Record<string, HookRegistration> {
	return state.hooks ?? {};
}

/** The address Waldur posts to: n8n's webhook URL with the secret token of this registration. */
export function destinationUrl(webhookUrl: string, token: string): string {
	return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}${TOKEN_PARAMETER}=${token}`;
}

function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n has no webhook URL for this node');
	return url;
}

function selectedEventTypes(ctx: IHookFunctions): string[] {
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!Array.isArray(events) || events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'The parameter "Events" is empty', {
			description: 'Select at least one credit event type for Waldur to send.',
		});
	}
	return events;
}

function sameSet(left: unknown, right: string[]): boolean {
	if (!Array.isArray(left)) return false;
	const given = new Set(left.map(String));
	return given.size === right.length && right.every((value) => given.has(value));
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/** Deletes a hook; one already gone (deleted in Waldur by hand) counts as deleted. */
async function deleteHook(
	ctx: IHookFunctions,
	uuid: string,
	settings: RequestSettings,
): Promise<void> {
	const failure = await waldurRequest(
		ctx,
		{ method: 'DELETE', path: `${HOOKS_PATH}${encodeURIComponent(uuid)}/` },
		0,
		settings,
	).then(
		() => undefined,
		(error: unknown) => error,
	);
	if (failure === undefined || isNotFound(failure)) return;
	if (failure instanceof NodeApiError) throw failure;
	throw new NodeOperationError(ctx.getNode(), failure as Error);
}

/** A web hook's address without its query (where the token goes): the n8n URL it posts to. */
function addressOf(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return url.split('?')[0];
	}
}

/**
 * Every hook Waldur lists (all pages) whose destination, ignoring the query, is this webhook URL:
 * this node's own and any it cannot know (another or no token). Waldur filters `destination_url`
 * only by exact value, so the list is read whole.
 */
async function hooksForUrl(
	ctx: IHookFunctions,
	webhookUrl: string,
	settings: RequestSettings,
): Promise<IDataObject[]> {
	const hooks = await listRecords(
		{ ctx, path: HOOKS_PATH, query: {}, itemIndex: 0, settings },
		undefined,
	);
	const address = addressOf(webhookUrl);
	const forUrl = hooks.filter(
		(hook) =>
			typeof hook.destination_url === 'string' && addressOf(hook.destination_url) === address,
	);
	if (forUrl.some((hook) => typeof hook.uuid !== 'string'))
		throw unexpectedReply(ctx, 'a list of web hooks with a uuid', HOOKS_PATH, 0);
	return forUrl;
}

/**
 * On activation: deletes every hook Waldur holds for this URL except this node's own, and that one
 * too when it no longer fits (other event types, or switched off in Waldur). A stale hook (left by a
 * crash between registering and saving, a restored n8n database, lost static data) would otherwise
 * post every event a second time, to a URL the node refuses. True when its own hook is kept (n8n then
 * skips `create`); false when `create` must register one, which is then the only one.
 */
export async function deleteHooksExceptOwn(ctx: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(ctx);
	const eventTypes = selectedEventTypes(ctx);
	const state = nodeState<WaldurTriggerState>(ctx);
	const registration = registrationsOf(state)[webhookUrl];
	const own = registration && destinationUrl(webhookUrl, registration.token);
	const settings = defaultRequestSettings(ctx);
	const hooks = await hooksForUrl(ctx, webhookUrl, settings);
	const kept = hooks.find(
		(hook) =>
			hook.destination_url === own &&
			hook.is_active === true &&
			sameSet(hook.event_types, eventTypes),
	);
	for (const hook of hooks) if (hook !== kept) await deleteHook(ctx, hook.uuid as string, settings);
	if (kept && registration) {
		registration.uuid = kept.uuid as string;
		return true;
	}
	delete registrationsOf(state)[webhookUrl];
	return false;
}

/** Registers a hook for the selected event types, posting JSON to a URL with a new secret token. */
export async function registerHook(ctx: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(ctx);
	const eventTypes = selectedEventTypes(ctx);
	const token = randomBytes(24).toString('hex');
	const destination = destinationUrl(webhookUrl, token);
	if (destination.length > MAX_DESTINATION_LENGTH) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The delivery URL is ${destination.length} characters long; Waldur stores at most ${MAX_DESTINATION_LENGTH}`,
			{ description: "Use a shorter n8n address (WEBHOOK_URL) for this instance's webhooks." },
		);
	}
	const hook = await waldurRequest<IDataObject>(
		ctx,
		{
			method: 'POST',
			path: HOOKS_PATH,
			body: {
				destination_url: destination,
				event_types: eventTypes,
				content_type: 'json',
				is_active: true,
			},
		},
		0,
		defaultRequestSettings(ctx),
	);
	if (!hook || typeof hook.uuid !== 'string')
		throw unexpectedReply(ctx, 'a web hook with a uuid', HOOKS_PATH, 0);
	const state = nodeState<WaldurTriggerState>(ctx);
	state.hooks = { ...registrationsOf(state), [webhookUrl]: { uuid: hook.uuid, token } };
	return true;
}

/**
 * On deactivation: deletes this node's hook and any other Waldur holds for this URL, and forgets the
 * token. False when Waldur could not be asked or refused; the registration is then kept while its
 * hook may still exist, and the next activation clears what is left.
 */
export async function deleteHooksForUrl(ctx: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(ctx);
	const state = nodeState<WaldurTriggerState>(ctx);
	const registration = registrationsOf(state)[webhookUrl];
	const settings = defaultRequestSettings(ctx);
	try {
		if (registration) {
			await deleteHook(ctx, registration.uuid, settings);
			delete registrationsOf(state)[webhookUrl];
		}
		for (const hook of await hooksForUrl(ctx, webhookUrl, settings))
			await deleteHook(ctx, hook.uuid as string, settings);
	} catch {
		return false;
	}
	return true;
}
