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

	it.each([
		['<html><body><h1>Oops</h1></body></html>', 'Oops'],
		['<h1>Server Error (500)</h1>', 'Server Error (500)'],
		[
			'<div><h3 class="x">Busy &amp; <em>back</em> soon</h3><h1>later</h1></div>',
			'Busy & back soon',
		],
	])('without a title become their first heading: %s', (page, heading) => {
		expect(describeErrorBody(page)).toBe(heading);
	});

	it.each([
		'<html><body><p>Oops</p></body></html>',
		'<p>Something <b>broke</b></p>',
		{ detail: '<div>nothing to read</div>' },
	])('say nothing without title or heading, so the status message is used: %j', (body) => {
		expect(describeErrorBody(body)).toBeUndefined();
	});

	it('plain text that only looks like it has angle brackets is kept', () => {
		expect(describeErrorBody('Amount must be < 5 and > 0')).toBe('Amount must be < 5 and > 0');
	});
});
