import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Collection } from '../../shared/collection';
import { collectPages } from '../../shared/paging';
import type { RequestSettings } from '../../shared/requestSettings';
import { fetchPage, listRecords, PAGE_SIZE } from '../listing';

const AWARDS_PATH = '/api/credits/awards';

/** The poller's state in the workflow's static data (plain JSON). */
export interface AwardCursor extends IDataObject {
	/** The highest award Id seen; awards above it are new. */
	lastAwardId?: number;
	/** SignTraker answered `$filter=Id gt N` with 400 once: list newest first instead. */
	idFilterRefused?: boolean;
}

export function awardIdOf(award: IDataObject): number | undefined {
	const id = typeof award.Id === 'string' ? Number(award.Id) : award.Id;
	return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
}

/** The poll's context and its run's settings (defaultRequestSettings: one credential read per poll). */
export interface AwardPoll {
	ctx: IPollFunctions;
	settings: RequestSettings;
}

/** The awards, filtered and ordered by `query`, read outside a run (no item). */
function awards({ ctx, settings }: AwardPoll, query: IDataObject): Collection {
	return { ctx, path: AWARDS_PATH, query, itemIndex: 0, settings };
}

/** The award with the highest Id (the newest), if there is any. */
export async function newestAward(
	poll: AwardPoll,
	query: IDataObject,
): Promise<IDataObject | undefined> {
	const newestFirst = awards(poll, { ...query, $orderby: 'Id desc' });
	const [award] = (await fetchPage(newestFirst, 0, 1)).items;
	return award;
}

function oldestFirst(awards: IDataObject[], afterId: number): IDataObject[] {
	const byId = new Map<number, IDataObject>();
	for (const award of awards) {
		const id = awardIdOf(award);
		if (id !== undefined && id > afterId) byId.set(id, award);
	}
	return [...byId.entries()].sort(([a], [b]) => a - b).map(([, award]) => award);
}

async function viaIdFilter(poll: AwardPoll, query: IDataObject, afterId: number) {
	return await listRecords(
		awards(poll, { ...query, $filter: `Id gt ${afterId}`, $orderby: 'Id asc' }),
		undefined,
	);
}

/** Newest first, page by page, until a page reaches the stored Id (or the list ends). */
async function viaNewestFirst(poll: AwardPoll, query: IDataObject, afterId: number) {
	const newestFirst = awards(poll, { ...query, $orderby: 'Id desc' });
	return await collectPages<IDataObject, number>(0, undefined, async (offset) => {
		const page = await fetchPage(newestFirst, offset, PAGE_SIZE);
		const reachedCursor = page.items.some((award) => (awardIdOf(award) ?? 0) <= afterId);
		return reachedCursor ? { items: page.items } : page;
	});
}

function isRefusedFilter(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '400';
}

/**
 * The awards created after `afterId`, oldest first, each once. `$filter=Id gt N` is tried first;
 * whether SignTraker supports it is unverified, so a 400 switches (for good) to newest-first paging.
 */
export async function awardsAfter(
	poll: AwardPoll,
	query: IDataObject,
	cursor: AwardCursor,
	afterId: number,
): Promise<IDataObject[]> {
	if (!cursor.idFilterRefused) {
		const filtered = await viaIdFilter(poll, query, afterId).then(
			(awards) => ({ awards }),
			(error: unknown) => ({ error }),
		);
		if ('awards' in filtered) return oldestFirst(filtered.awards, afterId);
		if (!isRefusedFilter(filtered.error)) throw filtered.error;
		cursor.idFilterRefused = true;
	}
	return oldestFirst(await viaNewestFirst(poll, query, afterId), afterId);
}
