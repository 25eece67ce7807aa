/** The query parameters of Engage's contact lookup (`GET /api/v2/contacts/id`): one kind per search. */
export type FindBy = 'email' | 'mobilePhone' | 'socialSecurityNumber' | 'customKey' | 'any';

/** One search: the kind of identifier, its value and, optionally, the contact type to search in. */
export interface ContactQuery {
	findBy: FindBy;
	value: string;
	contactType?: string;
}

/** How messages name each kind of identifier. */
const WHAT: Record<FindBy, string> = {
	email: 'the email',
	mobilePhone: 'the mobile phone number',
	socialSecurityNumber: 'the social security number',
	customKey: 'the member number or external ID (custom key)',
	any: 'an email, social security number, mobile phone number or custom key matching',
};

/** Personal numbers: never shown whole in a message, a hint or a log. `any` may be one of them. */
const PERSONAL: ReadonlySet<FindBy> = new Set(['mobilePhone', 'socialSecurityNumber', 'any']);

/** Characters left visible at the end of a masked value, when it is long enough to keep the rest hidden. */
const VISIBLE_TAIL = 2;
const MIN_LENGTH_WITH_TAIL = 6;

/**
 * The value as messages may show it: a phone or social security number (or an `any` search, which may
 * be one) as asterisks with only its last two characters, so a user can tell rows apart; others as they are.
 */
export function maskIdentifier(findBy: FindBy, value: string): string {
	if (!PERSONAL.has(findBy)) return value;
	const visible = value.length >= MIN_LENGTH_WITH_TAIL ? VISIBLE_TAIL : 0;
	return `${'*'.repeat(Math.max(value.length - visible, 3))}${value.slice(value.length - visible)}`;
}

/** What was searched, for messages: `the email "jane@example.com"`, `the mobile phone number "*********67"`. */
export function searchedFor(query: ContactQuery): string {
	const type = query.contactType ? ` among contacts of type "${query.contactType}"` : '';
	return `${WHAT[query.findBy]} "${maskIdentifier(query.findBy, query.value)}"${type}`;
}

/** Replaces the searched value wherever a text (an error from the service) repeats it, by its masked form. */
export function maskedIn(text: string, query: ContactQuery): string {
	const masked = maskIdentifier(query.findBy, query.value);
	if (masked === query.value || query.value === '') return text;
	return text.split(query.value).join(masked).split(encodeURIComponent(query.value)).join(masked);
}
