import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiContext } from '../../shared/context';
import { buildApiError } from '../../shared/errors';
import { apiRequest } from '../../shared/http';
import type { RequestSettings } from '../../shared/requestSettings';
import { voyadoEngage } from '../transport';
import type { ContactQuery } from './identifiers';
import { maskedIn, searchedFor } from './identifiers';

export const LOOKUP_PATH = '/api/v2/contacts/id';

/** Engage's codes for a search it could not run ("Find contact"), and the parameter each concerns. */
const INVALID_CODES = {
	InvalidEmailAddress: { field: 'Value', problem: 'is not an email address Engage accepts' },
	InvalidPhoneNumber: {
		field: 'Value',
		problem: 'is not a mobile phone number Engage accepts',
		hint: 'Give it in international format, e.g. +46701234567.',
	},
	InvalidSocialSecurityNumber: {
		field: 'Value',
		problem: 'is not a social security number Engage accepts',
	},
	InvalidContactType: {
		field: 'Contact Type',
		problem: 'is not a contact type of this Engage tenant',
		hint: 'Leave Contact Type empty to search every type, or use a type name as Engage shows it (e.g. Member).',
	},
	InvalidSearchQuery: { field: 'Value', problem: 'is not a search Engage can run' },
} as const;

type InvalidCode = keyof typeof INVALID_CODES;

/** Why a search found no single contact: Engage's code (or `Invalid` for a 400 without a known one). */
export type NoMatchCode = 'ContactNotFound' | 'MultipleMatches' | InvalidCode | 'Invalid';

export type LookupOutcome =
	| { found: true; contactId: string }
	| { found: false; code: NoMatchCode; error: NodeApiError };

/** The first of `codes` named anywhere in an error body (its shape is not documented). */
function codeIn<T extends string>(body: unknown, codes: readonly T[]): T | undefined {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	return codes.find((code) => text.includes(code));
}

function notFoundError(query: ContactQuery): { code: NoMatchCode; message: string; hint: string } {
	const hint =
		query.findBy === 'any'
			? 'Find By "Any" tries email, then social security number, then mobile phone, then custom key, and searches only the first kind the value is valid for (a member number that looks like a phone number is searched as a phone number): choose the kind instead.'
			: 'Check the value, or, for buyers who are not members yet, set Options → When Not Found to go on with contactId null (e.g. to create the contact first).';
	return {
		code: 'ContactNotFound',
		message: `No Voyado Engage contact has ${searchedFor(query)}`,
		hint,
	};
}

function multipleMatchesError(query: ContactQuery) {
	return {
		code: 'MultipleMatches' as const,
		message: `More than one Voyado Engage contact has ${searchedFor(query)}, so none was chosen`,
		hint: 'Search by an identifier that is unique to one contact, such as the member number (custom key) or the social security number, or set Options → Contact Type to search one type of contact only.',
	};
}

function invalidSearchError(query: ContactQuery, body: unknown) {
	const code = codeIn(body, Object.keys(INVALID_CODES) as InvalidCode[]);
	const rule = code
		? INVALID_CODES[code]
		: { field: 'Value', problem: 'was refused by Engage as a search value' };
	const shown = rule.field === 'Contact Type' ? query.contactType : searchedFor(query);
	const hint = 'hint' in rule ? rule.hint : `Find By is "${query.findBy}": check the value.`;
	return {
		code: code ?? ('Invalid' as const),
		message: `The parameter "${rule.field}" ${rule.problem} (${rule.field === 'Contact Type' ? `"${shown}"` : shown})`,
		hint: `${hint} Engage answered ${code ?? 'HTTP 400'}.`,
	};
}

/** The ID in a 200: a JSON string, such as "2e40b702-…". */
function contactIdOf(body: unknown): string | undefined {
	return typeof body === 'string' && body.trim() !== '' ? body.trim() : undefined;
}

/**
 * Any other failure (auth, 5xx, network) built anew with the searched value masked wherever the
 * service repeated it: NodeApiError keeps copies of its first message, so changing it is not enough.
 */
function masked(ctx: ApiContext, error: unknown, query: ContactQuery, itemIndex: number): unknown {
	if (!(error instanceof NodeApiError)) return error;
	return buildApiError(ctx.getNode(), {
		message: maskedIn(error.message, query),
		description: maskedIn(error.description ?? '', query),
		httpCode: error.httpCode ? Number(error.httpCode) : undefined,
		itemIndex,
	});
}

/**
 * Asks Engage for the ID of the one contact with this identifier. A contact that is not there, several
 * contacts, or a value Engage cannot search with is an outcome (with the error to show); any other
 * failure is thrown.
 */
export async function findContact(
	ctx: ApiContext,
	query: ContactQuery,
	itemIndex: number,
	settings: RequestSettings,
): Promise<LookupOutcome> {
	const qs: IDataObject = { [query.findBy]: query.value };
	if (query.contactType) qs.contactType = query.contactType;
	let response;
	try {
		response = await apiRequest<unknown>(
			ctx,
			voyadoEngage,
			{ method: 'GET', path: LOOKUP_PATH, qs, answeredStatuses: [400, 404, 409] },
			itemIndex,
			settings,
		);
	} catch (error) {
		throw masked(ctx, error, query, itemIndex);
	}
	const { statusCode, body } = response;
	if (statusCode < 300) {
		const contactId = contactIdOf(body);
		if (contactId) return { found: true, contactId };
		throw buildApiError(ctx.getNode(), {
			message: 'Voyado Engage answered the contact lookup without a contact ID',
			description: `HTTP ${statusCode} from GET ${LOOKUP_PATH}; the contact ID as a JSON string was expected. Check the base URL in the credential.`,
			httpCode: statusCode,
			itemIndex,
		});
	}
	const failure =
		statusCode === 404
			? notFoundError(query)
			: statusCode === 409
				? multipleMatchesError(query)
				: invalidSearchError(query, body);
	const error = buildApiError(ctx.getNode(), {
		message: failure.message,
		description: failure.hint,
		httpCode: statusCode,
		itemIndex,
	});
	return { found: false, code: failure.code, error };
}
