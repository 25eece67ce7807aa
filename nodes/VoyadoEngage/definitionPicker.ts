import type { IDataObject, INodeListSearchItems, INodeProperties } from 'n8n-workflow';

import type { ListSearch } from '../shared/locator';
import {
	locatorProperty,
	matchesSearch,
	offsetFromToken,
	pickerResults,
	PICKER_PAGE_SIZE,
} from '../shared/locator';
import { pickerPage } from '../shared/paging';
import { fetchPage } from './listing';
import { defaultRequestSettings } from '../shared/requestSettings';

const DEFINITIONS_PATH = '/api/v2/point-accounts/definitions';

/** n8n's picker shows an entry's name only, so the definition's description goes into it. */
function definitionEntry(definition: IDataObject): INodeListSearchItems {
	const name = definition.name ? String(definition.name) : `Definition ${String(definition.id)}`;
	const about = definition.description ? ` (${String(definition.description)})` : '';
	return { name: `${name}${about}`, value: String(definition.id) };
}

/**
 * Point definitions for the pickers. Engage cannot filter them, so the search runs over each page's
 * names here; pages follow `offset`/`count`.
 */
export const searchDefinitions: ListSearch = async function (filter, paginationToken) {
	const definitions = {
		ctx: this,
		path: DEFINITIONS_PATH,
		query: {},
		itemIndex: 0,
		settings: defaultRequestSettings(this),
	};
	const page = await pickerPage(
		offsetFromToken(paginationToken),
		async (offset) => await fetchPage(definitions, offset, PICKER_PAGE_SIZE),
		(definition) => matchesSearch(filter, [definition.name]),
	);
	return pickerResults(page, definitionEntry);
};

/** The point definition picker; By ID takes the numeric definition ID, as before. */
export function definitionLocator(description: string): INodeProperties {
	return locatorProperty({
		displayName: 'Definition ID',
		name: 'definitionId',
		description,
		searchListMethod: 'searchDefinitions',
		what: 'a point definition',
		searchable: true,
		id: {
			placeholder: '42',
			pattern: {
				regex: '^\\s*[0-9]+\\s*$',
				errorMessage: 'The Definition ID must be a whole number, such as 42',
			},
		},
	});
}
