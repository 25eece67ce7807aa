// Django REST framework behaviour as Waldur exposes it: field validation messages, Link-header paging.
import { json } from './http.mjs';

export const MAX_PAGE_SIZE = 300;
const DEFAULT_PAGE_SIZE = 10;
const HEX_UUID = /^[0-9a-f]{32}$/;

/** Waldur writes UUIDs as 32 hex digits; DRF accepts the dashed form too. */
export function normalizeUuid(value) {
	const hex = String(value).toLowerCase().replaceAll('-', '');
	return HEX_UUID.test(hex) ? hex : undefined;
}

/** Raised while validating a body; becomes a 400 with DRF's `{"field": ["message"]}` (or a bare list). */
export class DrfValidationError extends Error {
	constructor(errors) {
		super('validation failed');
		this.errors = errors;
	}
}

/**
 * Validates a decimal field (string or number, as DRF accepts both) and returns it as DRF serializes it.
 * @param {number} decimalPlaces
 */
export function decimalField(value, { decimalPlaces, maxWholeDigits }) {
	const raw = String(value).trim();
	if (!/^-?\d*(\.\d*)?$/.test(raw) || raw === '' || raw === '.' || Number.isNaN(Number(raw))) {
		return { error: 'A valid number is required.' };
	}
	const [whole, fraction = ''] = raw.replace('-', '').split('.');
	if (fraction.replace(/0+$/, '').length > decimalPlaces) {
		return { error: `Ensure that there are no more than ${decimalPlaces} decimal places.` };
	}
	if (whole.replace(/^0+/, '').length > maxWholeDigits) {
		return { error: `Ensure that there are no more than ${maxWholeDigits} digits before the decimal point.` };
	}
	if (Number(raw) < 0) return { error: 'Ensure this value is greater than or equal to 0.' };
	return { value: Number(raw).toFixed(decimalPlaces) };
}

export function booleanField(value) {
	if ([true, 'true', 'True', 1, '1'].includes(value)) return { value: true };
	if ([false, 'false', 'False', 0, '0'].includes(value)) return { value: false };
	return { error: 'Must be a valid boolean.' };
}

/** A nullable `YYYY-MM-DD` date; Waldur's credits also require the first day of a month. */
export function firstOfMonthDateField(value) {
	if (value === null || value === '') return { value: null };
	if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value)) || Number.isNaN(Date.parse(value))) {
		return { error: 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.' };
	}
	if (!String(value).endsWith('-01')) return { error: 'End date must be the first day of a month.' };
	return { value };
}

export function choiceField(choices) {
	return (value) => (choices.includes(value) ? { value } : { error: `"${value}" is not a valid choice.` });
}

/**
 * Runs each present field of `body` through its validator; collects DRF-style errors.
 * @param {Record<string, (value: unknown) => {value?: unknown, error?: string}>} fields
 */
export function validateFields(body, fields) {
	const errors = {};
	const values = {};
	for (const [name, validate] of Object.entries(fields)) {
		if (!(name in body)) continue;
		const result = validate(body[name]);
		if (result.error) errors[name] = [result.error];
		else values[name] = result.value;
	}
	if (Object.keys(errors).length) throw new DrfValidationError(errors);
	return values;
}

/** Paginates like Waldur's `LinkHeaderPagination`: `page`/`page_size`, `Link` rels and `X-Result-Count`. */
export function paginate(request, records) {
	const page = request.query.get('page') === null ? 1 : Number(request.query.get('page'));
	const requestedSize = request.query.get('page_size') === null ? DEFAULT_PAGE_SIZE : Number(request.query.get('page_size'));
	const pageSize = Math.min(Number.isInteger(requestedSize) && requestedSize > 0 ? requestedSize : DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
	const lastPage = Math.max(1, Math.ceil(records.length / pageSize));
	if (!Number.isInteger(page) || page < 1 || page > lastPage) return json(404, { detail: 'Invalid page.' });

	const pageUrl = (number) => {
		const query = new URLSearchParams(request.query);
		query.set('page', String(number));
		query.set('page_size', String(pageSize));
		return `<${request.baseUrl}${request.path}?${query}>`;
	};
	const links = [`${pageUrl(1)}; rel="first"`];
	if (page > 1) links.push(`${pageUrl(page - 1)}; rel="prev"`);
	if (page < lastPage) links.push(`${pageUrl(page + 1)}; rel="next"`);
	links.push(`${pageUrl(lastPage)}; rel="last"`);
	const items = records.slice((page - 1) * pageSize, page * pageSize);
	return json(200, items, { link: links.join(', '), 'x-result-count': String(records.length) });
}
