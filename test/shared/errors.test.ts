import { describeErrorBody, redactSecrets } from '../../nodes/shared/errors';

describe('describeErrorBody', () => {
	it.each([
		[
			{ Message: 'The query specified in the URI is not valid.' },
			'The query specified in the URI is not valid.',
		],
		[{ detail: 'Invalid token.' }, 'Invalid token.'],
		[
			{ end_date: ['Must be the first day of a month.'] },
			'end_date: Must be the first day of a month.',
		],
		[
			{ value: ['Too big.'], project: ['Required.', 'Bad URL.'] },
			'value: Too big.; project: Required.; Bad URL.',
		],
		[
			{ non_field_errors: ['Expected consumption must be smaller than the credit.'] },
			'Expected consumption must be smaller than the credit.',
		],
		[['Customer credit does not exist.'], 'Customer credit does not exist.'],
		[{ error: { message: 'nested' } }, 'nested'],
		['  plain text  ', 'plain text'],
	])('reads %j', (body, expected) => {
		expect(describeErrorBody(body)).toBe(expected);
	});

	it.each([[''], [{}], [[]], [null], [undefined]])('finds nothing in %j', (body) => {
		expect(describeErrorBody(body)).toBeUndefined();
	});
});

describe('redactSecrets', () => {
	it('replaces every occurrence of every secret', () => {
		expect(redactSecrets('key abcd1234 and abcd1234 and t0ken!', ['abcd1234', 't0ken!'])).toBe(
			'key [redacted] and [redacted] and [redacted]',
		);
	});

	it('ignores empty or very short values that would mangle ordinary text', () => {
		expect(redactSecrets('a message', ['', 'a'])).toBe('a message');
	});
});

describe('HTML error pages', () => {
	it.each([
		[
			'<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>…</body></html>',
			'502 Bad Gateway',
		],
		[
			'<html>\n<head><title>Server Error (500) &amp; more</title></head></html>',
			'Server Error (500) & more',
		],
	])('become their title, not their markup', (page, title) => {
		expect(describeErrorBody(page)).toBe(title);
	});

	it('say nothing when they have no title, so the status message is used', () => {
		expect(describeErrorBody('<html><body><h1>Oops</h1></body></html>')).toBeUndefined();
	});
});
