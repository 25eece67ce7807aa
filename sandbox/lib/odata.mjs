// Just enough OData ($filter, $orderby, $select, $top, $skip) for SignTraker's list endpoints.

export class ODataError extends Error {}

const COMPARISON = /^\s*([A-Za-z][\w/]*)\s+(eq|ne|gt|ge|lt|le)\s+('(?:[^']|'')*'|-?\d+(?:\.\d+)?|true|false|null)\s*$/;

function literal(token) {
	if (token.startsWith("'")) return token.slice(1, -1).replaceAll("''", "'");
	if (token === 'true' || token === 'false') return token === 'true';
	if (token === 'null') return null;
	return Number(token);
}

function valueAt(record, fieldPath) {
	return fieldPath.split('/').reduce((value, key) => (value == null ? undefined : value[key]), record);
}

const compare = {
	eq: (a, b) => a === b || (a == null && b == null),
	ne: (a, b) => !compare.eq(a, b),
	gt: (a, b) => a > b,
	ge: (a, b) => a >= b,
	lt: (a, b) => a < b,
	le: (a, b) => a <= b,
};

// `contains(Field,'x')`, `startswith(...)`, `endswith(...)`, the field optionally wrapped in `tolower(...)`.
const STRING_FUNCTION = /^\s*(contains|startswith|endswith)\(\s*(tolower\(\s*)?([A-Za-z][\w/]*)\s*(\))?\s*,\s*('(?:[^']|'')*')\s*\)\s*$/;

const stringFunctions = {
	contains: (text, part) => text.includes(part),
	startswith: (text, part) => text.startsWith(part),
	endswith: (text, part) => text.endsWith(part),
};

function compileTerm(term, expression) {
	const fn = STRING_FUNCTION.exec(term);
	if (fn && Boolean(fn[2]) === Boolean(fn[4])) {
		const [, name, lower, fieldPath, , token] = fn;
		const part = literal(token);
		return (record) => {
			const value = valueAt(record, fieldPath);
			if (typeof value !== 'string') return false;
			return stringFunctions[name](lower ? value.toLowerCase() : value, part);
		};
	}
	const match = COMPARISON.exec(term);
	if (!match) throw new ODataError(`The query specified in the URI is not valid. Syntax error in '${expression}'.`);
	const [, fieldPath, operator, token] = match;
	const expected = literal(token);
	return (record) => compare[operator](valueAt(record, fieldPath), expected);
}

/**
 * Compiles `Field eq 'x' and Other/Id gt 3 or contains(tolower(Name),'y') ...` (no parentheses) into a predicate.
 * Anything else is rejected the way the live API rejects a malformed query: a 400.
 */
export function compileFilter(expression) {
	const alternatives = expression.split(/\s+or\s+/).map((part) =>
		part.split(/\s+and\s+/).map((term) => compileTerm(term, expression)),
	);
	return (record) => alternatives.some((terms) => terms.every((term) => term(record)));
}

function orderBy(records, expression) {
	const keys = expression.split(',').map((part) => {
		const [fieldPath, direction = 'asc'] = part.trim().split(/\s+/);
		if (!/^[A-Za-z][\w/]*$/.test(fieldPath) || !['asc', 'desc'].includes(direction)) {
			throw new ODataError(`The query specified in the URI is not valid. Could not parse $orderby '${expression}'.`);
		}
		return { fieldPath, sign: direction === 'desc' ? -1 : 1 };
	});
	return [...records].sort((a, b) => {
		for (const { fieldPath, sign } of keys) {
			const x = valueAt(a, fieldPath);
			const y = valueAt(b, fieldPath);
			if (x !== y) return (x > y ? 1 : -1) * sign;
		}
		return 0;
	});
}

function select(record, expression) {
	const fields = expression.split(',').map((field) => field.trim());
	return Object.fromEntries(fields.filter((field) => field in record).map((field) => [field, record[field]]));
}

function count(query, name) {
	const raw = query.get(name);
	if (raw === null) return undefined;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0) {
		throw new ODataError(`The query specified in the URI is not valid. Invalid value '${raw}' for ${name}.`);
	}
	return value;
}

/** Applies the OData query options of `query` to `records`. Throws ODataError on a malformed option. */
export function applyODataQuery(records, query) {
	let result = records;
	const filter = query.get('$filter');
	if (filter) result = result.filter(compileFilter(filter));
	const order = query.get('$orderby');
	if (order) result = orderBy(result, order);
	const skip = count(query, '$skip') ?? 0;
	const top = count(query, '$top');
	result = result.slice(skip, top === undefined ? undefined : skip + top);
	const fields = query.get('$select');
	return fields ? result.map((record) => select(record, fields)) : result;
}
