import { itemRanges } from '../../nodes/shared/itemRanges';

describe('Voyado Engage batch failure messages', () => {
	it.each([
		[[4], '4'],
		[[3, 1, 2], '1–3'],
		[[0, 1, 2, 5, 7, 8], '0–2, 5 and 7–8'],
		[
			Array.from({ length: 12 }, (_, index) => index * 2),
			'0, 2, 4, 6, 8 and 7 more ranges (12 items)',
		],
	])('names the items %j as %s', (indexes, expected) => {
		expect(itemRanges(indexes)).toBe(expected);
	});
});
