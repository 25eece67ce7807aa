import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { unexpectedResponseError } from '../../shared/errors';
import type { RequestSettings } from '../../shared/requestSettings';
import { collectOffsetPages, collectPages } from '../../shared/paging';
import { PAGE_SIZE } from '../listing';
import { signTrakerRequest } from '../transport';

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

async function fetchAwards({ ctx, settings }: AwardPoll, qs: IDataObject): Promise<IDataObject[]> {
	const body = await signTrakerRequest<unknown>(
		ctx,
		{ method: 'GET', path: AWARDS_PATH, qs },
		0,
		settings,
	);
	if (body === undefined) return [];
	if (!Array.isArray(body)) {
		throw unexpectedResponseError(
			ctx.getNode(),
			'SignTraker sent a list response that is not a JSON array',
			`Expected a JSON array from ${AWARDS_PATH}`,
			0,
		);
	}
	return body as IDataObject[];
}

/** The award with the highest Id (the newest), if there is any. */
export async function newestAward(
	poll: AwardPoll,
	query: IDataObject,
): Promise<IDataObject | undefined> {
	const [award] = await fetchAwards(poll, { ...query, $orderby: 'Id desc', $top: 1 });
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
	return await collectOffsetPages(0, undefined, PAGE_SIZE, async (offset, count) => {
		const qs: IDataObject = {
			...query,
			$filter: `Id gt ${afterId}`,
			$orderby: 'Id asc',
			$top: count,
		};
		if (offset > 0) qs.$skip = offset;
		return { items: await fetchAwards(poll, qs) };
	});
}

/** Newest first, page by page, until a page reaches the stored Id (or the list ends). */
async function viaNewestFirst(poll: AwardPoll, query: IDataObject, afterId: number) {
	return await collectPages<IDataObject, number>(0, undefined, async (offset) => {
		const qs: IDataObject = { ...query, $orderby: 'Id desc', $top: PAGE_SIZE };
		if (offset > 0) qs.$skip = offset;
		const page = await fetchAwards(poll, qs);
		const reachedCursor = page.some((award) => (awardIdOf(award) ?? 0) <= afterId);
		const done = reachedCursor || page.length < PAGE_SIZE;
		return { items: page, next: done ? undefined : offset + page.length };
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
