import { createHash, timingSafeEqual } from 'crypto';
import type {
	IHookFunctions,
	INodeProperties,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/** One POST endpoint, answered as soon as the node returns (the execution runs afterwards). */
export const POST_WEBHOOK: IWebhookDescription[] = [
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
];

/** The notice at the top of a trigger that says how to set it up at the provider. */
export function setupNotice(text: string): INodeProperties {
	return { displayName: text, name: 'setupNotice', type: 'notice', default: '' };
}

/**
 * Answers a delivery that must not start an execution (it cannot prove its origin, or it is not what
 * the trigger listens to) with an HTTP error, and starts nothing.
 */
export function refuseDelivery(
	ctx: IWebhookFunctions,
	statusCode: number,
	message: string,
): IWebhookResponseData {
	ctx.getResponseObject().status(statusCode).json({ message });
	return { noWebhookResponse: true };
}

/** Acknowledges a delivery that starts no execution (a duplicate, an event nobody selected). */
export function acknowledgeDelivery(message: string): IWebhookResponseData {
	return { webhookResponse: { received: true, message } };
}

/** The request body exactly as it arrived (signatures are computed over these bytes). */
export function rawBodyBytesOf(ctx: IWebhookFunctions): Buffer | undefined {
	const raw = (ctx.getRequestObject() as { rawBody?: Buffer | string }).rawBody;
	if (raw === undefined || raw === null) return undefined;
	return typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
}

/** One request header as text (the first value when repeated); undefined when the request has none. */
export function headerOf(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name.toLowerCase()];
	if (Array.isArray(value)) return value[0];
	return typeof value === 'string' ? value : undefined;
}

/** Compares two secrets in constant time, whatever their lengths. */
export function secretsMatch(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected)) && expected.length > 0;
}

/**
 * The webhook methods of a trigger whose endpoint the user adds at the provider by hand (Voyado
 * Engage, Spreedly): there is nothing to find, register or remove there. State in static data
 * (e.g. remembered delivery IDs) is kept on deactivation, because n8n deactivates on every restart.
 */
export function endpointAddedByHand() {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};
}
