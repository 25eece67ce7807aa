import { collectOffsetPages, collectPages, offsetPage } from '../../nodes/shared/paging';

const range = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => from + index);

describe('paging', () => {
	it('asks each page for no more than is still wanted and stops at the limit', async () => {
		const asked: Array<[number, number]> = [];
		const result = await collectOffsetPages(0, 250, 100, async (offset, count) => {
			asked.push([offset, count]);
			return offsetPage(offset, count, range(offset, count));
		});
		expect(asked).toEqual([
			[0, 100],
			[100, 100],
			[200, 50],
		]);
		expect(result).toEqual(range(0, 250));
	});

	it('stops on a short page without asking again', async () => {
		const asked: number[] = [];
		const result = await collectOffsetPages(0, undefined, 10, async (offset, count) => {
			asked.push(offset);
			return offsetPage(offset, count, range(offset, offset === 10 ? 3 : count));
		});
		expect(asked).toEqual([0, 10]);
		expect(result).toHaveLength(13);
	});

	it('stops once the reported total is reached, even on a full page', async () => {
		const asked: number[] = [];
		await collectOffsetPages(0, undefined, 10, async (offset, count) => {
			asked.push(offset);
			return offsetPage(offset, count, range(offset, count), 20);
		});
		expect(asked).toEqual([0, 10]);
	});

	it('with a total, a short page does not end the listing (the API capped the page size)', async () => {
		const asked: Array<[number, number]> = [];
		const result = await collectOffsetPages(0, undefined, 10, async (offset, count) => {
			asked.push([offset, count]);
			return offsetPage(offset, count, range(offset, Math.min(count, 4, 9 - offset)), 9);
		});
		expect(asked).toEqual([
			[0, 10],
			[4, 10],
			[8, 10],
		]);
		expect(result).toEqual(range(0, 9));
	});

	it('with a total that promises more, an empty page still ends the listing', async () => {
		const asked: number[] = [];
		const result = await collectOffsetPages(0, undefined, 10, async (offset, count) => {
			asked.push(offset);
			return offsetPage(offset, count, offset === 0 ? range(0, 10) : [], 50);
		});
		expect(asked).toEqual([0, 10]);
		expect(result).toHaveLength(10);
	});

	it('follows cursors until there is no next one, and never loops on an empty page', async () => {
		const pages: Record<string, { items: number[]; next?: string }> = {
			a: { items: [1, 2], next: 'b' },
			b: { items: [], next: 'c' },
		};
		const seen: string[] = [];
		const result = await collectPages('a', undefined, async (cursor) => {
			seen.push(cursor);
			return pages[cursor];
		});
		expect(seen).toEqual(['a', 'b']);
		expect(result).toEqual([1, 2]);
	});

	it('trims a page that overshoots the limit', async () => {
		const result = await collectPages(0, 3, async () => ({ items: [1, 2, 3, 4, 5], next: 1 }));
		expect(result).toEqual([1, 2, 3]);
	});
});
