import type { IDataObject } from 'n8n-workflow';

import { textOf } from '../../shared/text';
import { listField, matchRejected } from './matching';
import type { TransactionRow } from './rows';

/** What the output item of one sent row adds to the row. */
export interface RowOutcome extends IDataObject {
	accepted: boolean;
}

const GUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface Message {
	text: string;
	/** The rejected contacts it names; empty when it names none of them and so may concern any. */
	contacts: Set<string>;
}

function readMessages(result: IDataObject, rejectedContacts: Set<string>): Message[] {
	return listField(result, 'errorMessages').map((entry) => {
		const messageText = typeof entry === 'string' ? entry : JSON.stringify(entry);
		const named = (messageText.match(GUID_IN_TEXT) ?? [])
			.map((id) => id.toLowerCase())
			.filter((id) => rejectedContacts.has(id));
		return { text: messageText, contacts: new Set(named) };
	});
}

/**
 * One outcome per sent row: `accepted: true`, or `accepted: false` with the response's messages and
 * missing IDs that concern the row. A message is given to the rows whose contact it names, or to
 * every rejected row when it names none.
 */
export function rowOutcomes(sent: TransactionRow[], result: IDataObject): RowOutcome[] {
	const outcomes: RowOutcome[] = sent.map(() => ({ accepted: true }));
	const rejected = listField(result, 'notAccepted').map((row) =>
		row !== null && typeof row === 'object' ? (row as IDataObject) : {},
	);
	if (rejected.length === 0) return outcomes;

	const { positions, unmatched } = matchRejected(sent, rejected);
	const rejectedContacts = new Set(
		positions.map((position) => sent[position].contactId.toLowerCase()),
	);
	const messages = readMessages(result, rejectedContacts);
	const missingContactIds = listField(result, 'missingContactIds');
	const missingDefinitionIds = listField(result, 'missingDefinitionIds');
	for (const position of positions) {
		const row = sent[position];
		const contact = row.contactId.toLowerCase();
		outcomes[position] = {
			accepted: false,
			errorMessages: messages
				.filter((message) => message.contacts.size === 0 || message.contacts.has(contact))
				.map((message) => message.text),
			missingContactIds: missingContactIds.filter(
				(id) => textOf(id).toLowerCase() === contact,
			) as string[],
			missingDefinitionIds: missingDefinitionIds.filter(
				(id) => Number(id) === row.definitionId,
			) as number[],
		};
	}
	if (unmatched.length > 0) {
		// Engage named rows this batch did not send as such: say so on every row rather than guess.
		for (const outcome of outcomes) outcome.unattributedRejections = unmatched;
	}
	return outcomes;
}
