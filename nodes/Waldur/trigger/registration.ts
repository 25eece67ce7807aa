import { randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { nodeState } from '../../shared/staticData';
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
async function deleteHook(ctx: IHookFunctions, uuid: string): Promise<void> {
	const failure = await waldurRequest(ctx, {
		method: 'DELETE',
		path: `${HOOKS_PATH}${encodeURIComponent(uuid)}/`,
	}).then(
		() => undefined,
		(error: unknown) => error,
	);
	if (failure === undefined || isNotFound(failure)) return;
	if (failure instanceof NodeApiError) throw failure;
	throw new NodeOperationError(ctx.getNode(), failure as Error);
}

/**
 * Finds the hook this node registered for its URL. One that no longer fits (other event types, or
 * switched off in Waldur) is deleted, so that `create` registers a fresh one instead of a second.
 */
export async function findRegisteredHook(ctx: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(ctx);
	const state = nodeState<WaldurTriggerState>(ctx);
	const registration = registrationsOf(state)[webhookUrl];
	if (!registration) return false;
	const destination = destinationUrl(webhookUrl, registration.token);
	const hooks = await waldurRequest<unknown>(ctx, {
		method: 'GET',
		path: HOOKS_PATH,
		qs: { destination_url: destination },
	});
	if (!Array.isArray(hooks)) throw unexpectedReply(ctx, 'a JSON array', HOOKS_PATH, 0);
	const hook = (hooks as IDataObject[]).find((entry) => entry.destination_url === destination);
	if (!hook || typeof hook.uuid !== 'string') {
		delete registrationsOf(state)[webhookUrl];
		return false;
	}
	if (hook.is_active === true && sameSet(hook.event_types, selectedEventTypes(ctx))) {
		registration.uuid = hook.uuid;
		return true;
	}
	await deleteHook(ctx, hook.uuid);
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
	const hook = await waldurRequest<IDataObject>(ctx, {
		method: 'POST',
		path: HOOKS_PATH,
		body: {
			destination_url: destination,
			event_types: eventTypes,
			content_type: 'json',
			is_active: true,
		},
	});
	if (!hook || typeof hook.uuid !== 'string')
		throw unexpectedReply(ctx, 'a web hook with a uuid', HOOKS_PATH, 0);
	const state = nodeState<WaldurTriggerState>(ctx);
	state.hooks = { ...registrationsOf(state), [webhookUrl]: { uuid: hook.uuid, token } };
	return true;
}

/** Removes this URL's hook from Waldur and forgets its token. */
export async function removeHook(ctx: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(ctx);
	const state = nodeState<WaldurTriggerState>(ctx);
	const registration = registrationsOf(state)[webhookUrl];
	if (!registration) return true;
	try {
		await deleteHook(ctx, registration.uuid);
	} catch {
		return false;
	}
	delete registrationsOf(state)[webhookUrl];
	return true;
}
