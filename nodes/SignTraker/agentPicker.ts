import type { IDataObject, INodeListSearchItems, INodeProperties } from 'n8n-workflow';

import type { ListSearch, LocatorSpec } from '../shared/locator';
import {
	locatorProperty,
	offsetFromToken,
	pickerResults,
	PICKER_PAGE_SIZE,
} from '../shared/locator';
import { fetchPage } from './listing';
import { defaultRequestSettings } from '../shared/requestSettings';

const SEARCHED_FIELDS = ['FirstName', 'LastName', 'Email'];

/** An OData string literal: a quote inside is doubled. */
function odataString(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** `$filter` for the picker's search box: the text anywhere in the first name, last name or email, in any letter case. */
export function agentSearchFilter(search: string): string {
	const literal = odataString(search.trim().toLowerCase());
	return SEARCHED_FIELDS.map((field) => `contains(tolower(${field}),${literal})`).join(' or ');
}

function agentEntry(agent: IDataObject): INodeListSearchItems {
	const name = [agent.FirstName, agent.LastName].filter(Boolean).join(' ') || agent.UserName;
	const shown = name ? String(name) : `Agent ${String(agent.Id)}`;
	return {
		name: agent.Email ? `${shown} (${String(agent.Email)})` : shown,
		value: String(agent.Id),
	};
}

/** Agents for the pickers, searched by SignTraker itself (OData `$filter`) and paged with `$skip`. */
export const searchAgents: ListSearch = async function (filter, paginationToken) {
	const offset = offsetFromToken(paginationToken);
	const query: IDataObject = { $orderby: 'LastName,FirstName' };
	if (filter?.trim()) query.$filter = agentSearchFilter(filter);
	const agents = {
		ctx: this,
		path: '/api/agents',
		query,
		itemIndex: 0,
		settings: defaultRequestSettings(this),
	};
	return pickerResults(await fetchPage(agents, offset, PICKER_PAGE_SIZE), agentEntry);
};

/** An agent picker under `name`; By ID takes the numeric agent ID, as before. */
export function agentLocator(
	spec: Pick<LocatorSpec, 'displayName' | 'name' | 'description' | 'required'>,
): INodeProperties {
	return locatorProperty({
		...spec,
		searchListMethod: 'searchAgents',
		what: 'an agent',
		searchable: true,
		id: {
			placeholder: '42',
			pattern: {
				regex: '^\\s*[0-9]+\\s*$',
				errorMessage: 'The Agent ID must be a whole number, such as 42',
			},
		},
	});
}
