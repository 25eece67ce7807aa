import type { IDataObject } from 'n8n-workflow';

/** How many delivery IDs the trigger remembers; Svix retries a failed delivery for about a day. */
export const REMEMBERED_DELIVERIES = 1000;

interface DeliveryLog extends IDataObject {
	recentSvixIds?: string[];
}

export function alreadyDelivered(state: DeliveryLog, svixId: string): boolean {
	return Array.isArray(state.recentSvixIds) && state.recentSvixIds.includes(svixId);
}

/** Remembers a delivery ID, keeping only the newest REMEMBERED_DELIVERIES (plain JSON in static data). */
export function rememberDelivery(state: DeliveryLog, svixId: string): void {
	const recent = Array.isArray(state.recentSvixIds) ? state.recentSvixIds : [];
	recent.push(svixId);
	state.recentSvixIds = recent.slice(-REMEMBERED_DELIVERIES);
}
