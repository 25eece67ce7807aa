// Voyado Engage v2 point accounts: `apikey` header, mandatory JSON content type, offset/count paging,
// and a batch POST that skips invalid rows (reported in `notAccepted`) instead of failing.
// Contacts: the lookup `GET /api/v2/contacts/id` and `GET /api/v2/contacts/{id}` as "Find contact" documents them
// (developer.voyado.com/en/contacts/identify-contact/find-contact.html); the shape of a contact is not documented there.
import { randomUUID } from 'node:crypto';
import { header, intParam, json, nowIso, parseJson, router } from '../lib/http.mjs';
import { svixHeaders } from '../lib/svix.mjs';

export const VOYADO_CONTACT_ID = '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b';
export const VOYADO_CONTACT_WITHOUT_ACCOUNTS = '8e2d6b71-4c3a-4f0e-b1d2-9a8b7c6d5e4f';
export const VOYADO_MAX_ROWS = 1000;
/** Two contacts share this email: a lookup by it is 409 MultipleMatches. */
export const VOYADO_SHARED_EMAIL = 'family@example.com';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRANSACTION_FILTERS = ['All', 'Active', 'Pending'];

/** The contacts, with the identifiers the lookup searches (customKey: the member number in this tenant). */
function seedContacts() {
	const contact = (id, contactType, firstName, lastName, identifiers) => ({ id, contactType, firstName, lastName, ...identifiers });
	return [
		contact(VOYADO_CONTACT_ID, 'Member', 'Jane', 'Doe', {
			email: 'jane+shop@example.com',
			mobilePhone: '+46701234567',
			socialSecurityNumber: '198501011234',
			customKey: '100234',
		}),
		contact(VOYADO_CONTACT_WITHOUT_ACCOUNTS, 'Member', 'John', 'Roe', {
			email: 'john@example.com',
			mobilePhone: '+46709876543',
			socialSecurityNumber: '199002022345',
			customKey: '100235',
		}),
		...['Alex', 'Sam'].map((firstName, index) =>
			contact(`c0ffee00-0000-4000-8000-00000000000${index + 1}`, 'Contact', firstName, 'Family', {
				email: VOYADO_SHARED_EMAIL,
				mobilePhone: null,
				socialSecurityNumber: null,
				customKey: null,
			}),
		),
	];
}

function seed() {
	return {
		contacts: seedContacts(),
		definitions: [
			{ id: 1, name: 'Bonus points', description: 'Points earned on purchases' },
			{ id: 2, name: 'Level points', description: 'Points that decide the membership level' },
		],
		accounts: [
			{ id: 1001, contactId: VOYADO_CONTACT_ID, definitionId: 1, balance: 250, balanceExpires: '2027-12-31T23:59:59Z', pendingPoints: 0 },
			{ id: 1002, contactId: VOYADO_CONTACT_ID, definitionId: 2, balance: 40, balanceExpires: null, pendingPoints: 0 },
		],
		transactions: [
			{
				id: 5001,
				accountId: 1001,
				amount: 250,
				type: 'Addition',
				source: 'Purchase',
				description: 'Order 1000',
				transactionDate: '2026-01-10T12:00:00Z',
				validFrom: '2026-01-10T12:00:00Z',
				validTo: null,
				createdOn: '2026-01-10T12:00:01Z',
				modifiedOn: '2026-01-10T12:00:01Z',
				retailTransactionLineItemId: null,
			},
		],
	};
}

const error = (status, errorCode, message) => json(status, { errorCode, message });

/**
 * @param {{apiKey: string, webhooks?: {endpoints: () => string[], signingSecret: string, deliver: Function}}} options
 * `webhooks`: the Svix endpoints added in Engage by hand, and how to send to them.
 */
export function createVoyado({ apiKey, webhooks }) {
	const state = seed();
	let nextAccountId = 1003;
	let nextTransactionId = 5002;

	const selfLink = (request, kind, id) => [{ href: `${request.baseUrl}/api/v2/point-accounts${kind}/${id}`, method: 'GET', rel: 'self' }];
	const withLinks = (request, kind) => (record) => ({ ...record, links: selfLink(request, kind, record.id) });

	function paging(request) {
		const offset = intParam(request.query, 'offset', 0);
		const count = intParam(request.query, 'count', 100);
		return Number.isNaN(offset) || Number.isNaN(count) ? undefined : { offset, count };
	}

	/** `{items, totalCount, offset, count, links}` with a `next` link while rows remain. */
	function pagedResult(request, records, kind) {
		const page = paging(request);
		if (!page) return error(400, 'InvalidPaging', 'offset and count must be non-negative integers.');
		const items = records.slice(page.offset, page.offset + page.count).map(withLinks(request, kind));
		const links = [];
		if (page.offset + page.count < records.length) {
			const next = new URLSearchParams(request.query);
			next.set('offset', String(page.offset + page.count));
			next.set('count', String(page.count));
			links.push({ href: `${request.baseUrl}${request.path}?${next}`, method: 'GET', rel: 'next' });
		}
		return json(200, { items, totalCount: records.length, offset: page.offset, count: page.count, links });
	}

	const byId = (records, kind, what) => (request) => {
		const record = records().find((candidate) => String(candidate.id) === request.params.id);
		return record
			? json(200, withLinks(request, kind)(record))
			: error(404, `${what}NotFound`, `No ${what} with id ${request.params.id}.`);
	};

	function accountFor(contactId, definitionId) {
		let account = state.accounts.find((candidate) => candidate.contactId === contactId && candidate.definitionId === definitionId);
		if (!account) {
			account = { id: nextAccountId++, contactId, definitionId, balance: 0, balanceExpires: null, pendingPoints: 0 };
			state.accounts.push(account);
		}
		return account;
	}

	function isActive(transaction, now) {
		return transaction.validFrom <= now && (!transaction.validTo || transaction.validTo > now);
	}

	function listTransactions(request) {
		const { query } = request;
		const filter = query.get('filter') ?? 'All';
		if (!TRANSACTION_FILTERS.includes(filter)) return error(400, 'InvalidFilter', `filter must be one of ${TRANSACTION_FILTERS.join(', ')}.`);
		let accountIds;
		if (query.get('accountId')) {
			accountIds = [Number(query.get('accountId'))];
		} else if (query.get('contactId') && query.get('definitionId')) {
			const contactId = query.get('contactId');
			const definitionId = Number(query.get('definitionId'));
			accountIds = state.accounts.filter((a) => a.contactId === contactId && a.definitionId === definitionId).map((a) => a.id);
		} else {
			return error(400, 'MissingParameters', 'Either accountId or both contactId and definitionId are required.');
		}
		const now = nowIso();
		const matches = state.transactions.filter(
			(transaction) =>
				accountIds.includes(transaction.accountId) &&
				(filter === 'All' || (filter === 'Active' ? isActive(transaction, now) : transaction.validFrom > now)),
		);
		return pagedResult(request, matches, '/transactions');
	}

	function rejectionReasons(row, index) {
		const reasons = [];
		const missing = {};
		const where = `Row ${index}`;
		if (typeof row?.contactId !== 'string' || !GUID.test(row.contactId)) {
			reasons.push(`${where}: contactId '${row?.contactId}' is not a valid GUID.`);
		} else if (!state.contacts.some((contact) => contact.id === row.contactId.toLowerCase())) {
			reasons.push(`${where}: no contact with id ${row.contactId}.`);
			missing.contactId = row.contactId;
		}
		if (!state.definitions.some((definition) => definition.id === row?.definitionId)) {
			reasons.push(`${where}: no point definition with id ${row?.definitionId}.`);
			missing.definitionId = row?.definitionId;
		}
		if (typeof row?.amount !== 'number' || !Number.isFinite(row.amount)) reasons.push(`${where}: amount must be a number.`);
		for (const field of ['source', 'description']) {
			if (typeof row?.[field] !== 'string' || !row[field].trim()) reasons.push(`${where}: ${field} is required.`);
		}
		return { reasons, missing };
	}

	function applyRow(row) {
		const now = nowIso();
		const account = accountFor(row.contactId.toLowerCase(), row.definitionId);
		const validFrom = row.validFrom ?? row.timeStamp ?? now;
		if (validFrom > now) account.pendingPoints += row.amount;
		else account.balance += row.amount;
		state.transactions.push({
			id: nextTransactionId++,
			accountId: account.id,
			amount: row.amount,
			type: row.amount < 0 ? 'Deduction' : 'Addition',
			source: row.source,
			description: row.description,
			transactionDate: row.timeStamp ?? now,
			validFrom,
			validTo: row.validTo ?? null,
			createdOn: now,
			modifiedOn: now,
			retailTransactionLineItemId: null,
		});
		return account;
	}

	/** Engage's `point.balance.updated`, Svix-signed, to every endpoint added in Engage. */
	function announceBalance(account) {
		if (!webhooks) return;
		const { id: accountId, contactId, definitionId, balance, balanceExpires } = account;
		const body = JSON.stringify({
			eventType: 'point.balance.updated',
			id: randomUUID(),
			isEncrypted: false,
			// Engage sends definitionId as text here ("Webhooks for points and vouchers"), accountId as a number.
			payload: { balance, contactId, accountId, definitionId: String(definitionId), balanceExpires },
			tenant: 'sandbox',
		});
		for (const url of webhooks.endpoints()) webhooks.deliver('voyado', { url, headers: svixHeaders(webhooks.signingSecret, body), body });
	}

	function addTransactions(request) {
		const rows = parseJson(request.body);
		if (!Array.isArray(rows)) return error(400, 'InvalidBody', 'The body must be a JSON array of point transactions.');
		if (rows.length > VOYADO_MAX_ROWS) {
			return error(400, 'TooManyRows', `A request may contain at most ${VOYADO_MAX_ROWS} rows; got ${rows.length}.`);
		}
		const result = { notAccepted: [], errorMessages: [], missingDefinitionIds: [], missingContactIds: [] };
		const changedAccounts = new Set();
		rows.forEach((row, index) => {
			const { reasons, missing } = rejectionReasons(row, index);
			if (reasons.length === 0) {
				changedAccounts.add(applyRow(row));
				return;
			}
			result.notAccepted.push(row);
			result.errorMessages.push(...reasons);
			if (missing.contactId && !result.missingContactIds.includes(missing.contactId)) result.missingContactIds.push(missing.contactId);
			if (missing.definitionId !== undefined && !result.missingDefinitionIds.includes(missing.definitionId)) {
				result.missingDefinitionIds.push(missing.definitionId);
			}
		});
		changedAccounts.forEach(announceBalance);
		return json(200, result);
	}

	/** The identifier kinds in the order `any` tries them: the 400 code of an invalid value, and the check. */
	const IDENTIFIERS = [
		['email', 'InvalidEmailAddress', (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)],
		['socialSecurityNumber', 'InvalidSocialSecurityNumber', (value) => /^(\d{2})?\d{6}-?\d{4}$/.test(value)],
		['mobilePhone', 'InvalidPhoneNumber', (value) => /^\+?\d{7,15}$/.test(value.replace(/[\s-]/g, ''))],
		['customKey', 'InvalidSearchQuery', (value) => value.trim() !== ''],
	];
	const CONTACT_TYPES = ['Member', 'Contact'];
	const normalized = {
		email: (value) => value.toLowerCase(),
		socialSecurityNumber: (value) => value.replace('-', '').slice(-10),
		mobilePhone: (value) => value.replace(/[\s-]/g, ''),
		customKey: (value) => value,
	};

	/** `GET /api/v2/contacts/id?<kind>=<value>`: exactly one kind (or `any`), optional contactType. */
	function findContactId({ query }) {
		const given = [...IDENTIFIERS.map(([kind]) => kind), 'any'].filter((kind) => query.has(kind));
		if (given.length !== 1) return error(400, 'InvalidSearchQuery', 'Give exactly one of email, mobilePhone, socialSecurityNumber, customKey or any.');
		const contactType = query.get('contactType');
		if (contactType !== null && !CONTACT_TYPES.includes(contactType)) return error(400, 'InvalidContactType', `Unknown contact type '${contactType}'.`);
		const value = query.get(given[0]);
		// `any` searches the first kind the value is valid for (a custom key is any text).
		const [kind, invalidCode, isValid] =
			given[0] === 'any' ? IDENTIFIERS.find(([, , valid]) => valid(value)) : IDENTIFIERS.find(([name]) => name === given[0]);
		if (!isValid(value)) return error(400, invalidCode, `The ${kind} is not valid.`);
		const wanted = normalized[kind](value);
		const matches = state.contacts.filter(
			(contact) => contact[kind] !== null && normalized[kind](contact[kind]) === wanted && (contactType === null || contact.contactType === contactType),
		);
		if (matches.length === 0) return error(404, 'ContactNotFound', 'No contact was found.');
		if (matches.length > 1) return error(409, 'MultipleMatches', 'More than one contact was found.');
		return json(200, matches[0].id);
	}

	function getContact(request) {
		const contact = state.contacts.find((candidate) => candidate.id === request.params.id.toLowerCase());
		if (!contact) return error(404, 'ContactNotFound', 'No contact was found.');
		const { id, contactType, firstName, lastName, email, mobilePhone, customKey } = contact;
		return json(200, { id, contactType, attributes: { firstName, lastName, email, mobilePhone, memberNumber: customKey } });
	}

	const handle = router(
		[
			['GET', /^\/api\/v2\/contacts\/id$/, findContactId],
			['GET', /^\/api\/v2\/contacts\/(?<id>[0-9a-fA-F-]{36})$/, getContact],
			['GET', /^\/api\/v2\/point-accounts\/definitions$/, (request) => {
				const page = paging(request);
				if (!page) return error(400, 'InvalidPaging', 'offset and count must be non-negative integers.');
				// Definitions are a plain array, not a paged result.
				return json(200, state.definitions.slice(page.offset, page.offset + page.count).map(withLinks(request, '/definitions')));
			}],
			['GET', /^\/api\/v2\/point-accounts\/definitions\/(?<id>\d+)$/, byId(() => state.definitions, '/definitions', 'PointDefinition')],
			['GET', /^\/api\/v2\/point-accounts\/transactions$/, listTransactions],
			['POST', /^\/api\/v2\/point-accounts\/transactions$/, addTransactions],
			['GET', /^\/api\/v2\/point-accounts\/transactions\/(?<id>\d+)$/, byId(() => state.transactions, '/transactions', 'PointTransaction')],
			['GET', /^\/api\/v2\/point-accounts$/, (request) => {
				const contactId = request.query.get('contactId');
				if (!contactId || !GUID.test(contactId)) return error(400, 'InvalidContactId', 'contactId is required and must be a GUID.');
				return pagedResult(request, state.accounts.filter((account) => account.contactId === contactId.toLowerCase()), '');
			}],
			['GET', /^\/api\/v2\/point-accounts\/(?<id>\d+)$/, byId(() => state.accounts, '', 'PointAccount')],
		],
		{
			notFound: () => error(404, 'NotFound', 'The requested resource was not found.'),
			methodNotAllowed: ({ method }) => error(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`),
		},
	);

	return (request) => {
		if (header(request, 'apikey') !== apiKey) return error(401, 'Unauthorized', 'The API key is missing or not valid.');
		if (!header(request, 'content-type')?.startsWith('application/json')) {
			// What Engage answers when Content-Type: application/json is missing, whatever the method.
			return json(500, { message: 'An error has occurred.' });
		}
		return handle(request);
	};
}
