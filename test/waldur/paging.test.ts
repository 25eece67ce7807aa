import type { IDataObject } from 'n8n-workflow';

import { AUTH, BASE, waldur, outputOf, runWaldur } from './helpers';
import { projectCredits } from './records';

const PATH = '/api/project-credits/';

function link(query: string, rel = 'next'): string {
	return `<${BASE}${PATH}?${query}>; rel="${rel}"`;
}

/** Queues one page of project credits as the reply to the next list request. */
function servePage(body: IDataObject[], headers: Record<string, string> = {}): void {
	waldur.intercept('GET', PATH).reply({ status: 200, body, headers });
}

function listProjectCredits(parameters: IDataObject = { returnAll: true }) {
	return runWaldur({ resource: 'projectCredit', operation: 'getAll', ...parameters });
}

const queries = () => waldur.requests().map((call) => call.query);

describe('Waldur paging', () => {
	it('Return All follows the Link header over several pages at page size 100', async () => {
		const total = { 'X-Result-Count': '230' };
		servePage(projectCredits(100, 0), {
			Link: `${link('page=2&page_size=100')}, ${link('page=3&page_size=100', 'last')}`,
			...total,
		});
		servePage(projectCredits(100, 100), {
			Link: [
				link('page_size=100', 'first'),
				link('page_size=100', 'prev'),
				link('page=3&page_size=100'),
				link('page=3&page_size=100', 'last'),
			].join(', '),
			...total,
		});
		servePage(projectCredits(30, 200), {
			Link: `${link('page_size=100', 'first')}, ${link('page=2&page_size=100', 'prev')}`,
			...total,
		});

		const result = await listProjectCredits();

		expect(result.error).toBeUndefined();
		expect(waldur.requests().map((call) => call.url)).toEqual(
			[1, 2, 3].map((page) => `${BASE}${PATH}?${page === 1 ? '' : `page=${page}&`}page_size=100`),
		);
		expect(waldur.requests().every((call) => call.headers.authorization === AUTH)).toBe(true);
		expect(outputOf(result)).toEqual(projectCredits(230));
	});

	it('keeps the filters and ordering the server wrote into the next link', async () => {
		servePage(projectCredits(100), {
			Link: link('o=-value&page=2&page_size=100&project_name=Genome'),
		});
		servePage(projectCredits(1, 100));

		const result = await listProjectCredits({
			returnAll: true,
			filters: { projectName: 'Genome' },
			options: { ordering: '-value' },
		});

		expect(result.items).toHaveLength(101);
		expect(queries()).toEqual([
			{ project_name: 'Genome', o: '-value', page_size: '100' },
			{ project_name: 'Genome', o: '-value', page: '2', page_size: '100' },
		]);
	});

	it('sends a next link only to the credential host, even when the server names another one', async () => {
		servePage(projectCredits(100), {
			Link: `<http://internal-waldur:8080${PATH}?page=2&page_size=100>; rel="next"`,
		});
		servePage(projectCredits(2, 100));

		const result = await listProjectCredits();

		expect(result.items).toHaveLength(102);
		expect(waldur.requests()[1].url).toBe(`${BASE}${PATH}?page=2&page_size=100`);
		expect(waldur.requests()[1].headers.authorization).toBe(AUTH);
	});

	it('a limit smaller than a page asks for exactly that many records, in one request', async () => {
		servePage(projectCredits(7), { Link: link('page=2&page_size=7'), 'X-Result-Count': '230' });

		const result = await listProjectCredits({ returnAll: false, limit: 7 });

		expect(queries()).toEqual([{ page_size: '7' }]);
		expect(result.items).toHaveLength(7);
	});

	it('a limit over one page asks the last page at a size that holds no extras', async () => {
		servePage(projectCredits(100), { Link: link('page=2&page_size=100'), 'X-Result-Count': '230' });
		servePage(projectCredits(50, 100), {
			Link: link('page=4&page_size=50'),
			'X-Result-Count': '230',
		});

		const result = await listProjectCredits({ returnAll: false, limit: 150 });

		expect(queries()).toEqual([{ page_size: '100' }, { page: '3', page_size: '50' }]);
		expect(outputOf(result)).toEqual(projectCredits(150));
	});

	it.each([
		[
			'without a Link header, pages by page/page_size until X-Result-Count is reached',
			[100, 50],
			[100, 100],
		],
		[
			'follows a server that caps the page size below the size asked for',
			[50, 50, 20],
			[100, 50, 50],
		],
	])('%s', async (_name, pageLengths, askedSizes) => {
		const total = pageLengths.reduce((sum, length) => sum + length, 0);
		pageLengths.reduce((offset, length) => {
			servePage(projectCredits(length, offset), { 'X-Result-Count': String(total) });
			return offset + length;
		}, 0);

		const result = await listProjectCredits();

		expect(queries()).toEqual(
			askedSizes.map((size, index) =>
				index === 0
					? { page_size: String(size) }
					: { page: String(index + 1), page_size: String(size) },
			),
		);
		expect(outputOf(result)).toEqual(projectCredits(total));
	});

	it('stops after one page when the server sends neither a link nor a count', async () => {
		servePage(projectCredits(100));

		const result = await listProjectCredits();

		expect(waldur.requests()).toHaveLength(1);
		expect(result.items).toHaveLength(100);
	});

	it('an empty list yields no items', async () => {
		servePage([], { 'X-Result-Count': '0' });

		const result = await listProjectCredits();

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});
});
