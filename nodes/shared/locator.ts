import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';

import type { Page } from './paging';

export interface LocatorPattern {
	/** A regular expression the whole value must match, checked by the editor as the node does at run time. */
	regex: string;
	errorMessage: string;
}

export interface LocatorSpec {
	displayName: string;
	name: string;
	description: string;
	/** The method in `methods.listSearch` that fills From List. */
	searchListMethod: string;
	/** "an agent", for "Select an agent…". */
	what: string;
	/** Whether From List has a search box (the API, or the node, can filter). */
	searchable: boolean;
	/** n8n's editor always labels this mode "By ID". */
	id: { placeholder: string; pattern?: LocatorPattern };
	/** By URL, where the provider has record URLs. */
	url?: { placeholder: string; pattern: LocatorPattern };
	required?: boolean;
}

function validation(pattern?: LocatorPattern): Pick<INodePropertyMode, 'validation'> {
	if (!pattern) return {};
	return { validation: [{ type: 'regex', properties: { ...pattern } }] };
}

/** A resource locator with From List, By ID (validated as the node validates it) and, where given, By URL. */
export function locatorProperty(spec: LocatorSpec): INodeProperties {
	// The modes stay literally under `modes` (n8n's lint tells locator modes, which have no default, from parameters
	// that way); By URL is dropped afterwards where the provider has no record URLs.
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${spec.what}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: spec.searchable },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.id.placeholder,
				...validation(spec.id.pattern),
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.url?.placeholder,
				...validation(spec.url?.pattern),
			},
		],
	};
	if (!spec.url) property.modes = property.modes?.filter((mode) => mode.name !== 'url');
	return property;
}

/** How many entries a picker shows per page. */
export const PICKER_PAGE_SIZE = 50;

/** The picker's answer: one page of entries and, while more remain, the token n8n hands back for the next. */
export function pickerResults<T>(
	page: Page<T, string | number>,
	toEntry: (record: T) => INodeListSearchItems,
): INodeListSearchResult {
	const results = page.items.map(toEntry);
	return page.next === undefined ? { results } : { results, paginationToken: String(page.next) };
}

/** Case-insensitive "contains" over a record's shown fields, for APIs that cannot filter a list themselves. */
export function matchesSearch(filter: string | undefined, fields: unknown[]): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	if (wanted === '') return true;
	return fields.some(
		(field) =>
			field !== undefined && field !== null && String(field).toLowerCase().includes(wanted),
	);
}

/** A page token that carries an offset (`$skip`, `offset`, an index into a list fetched whole). */
export function offsetFromToken(token: string | undefined): number {
	const offset = Number(token);
	return token !== undefined && Number.isSafeInteger(offset) && offset >= 0 ? offset : 0;
}

/** A page of a list the API sends whole (the node searches it itself): the token is the next index. */
export function pageOfList<T>(records: T[], token: string | undefined): Page<T, number> {
	const offset = offsetFromToken(token);
	const end = offset + PICKER_PAGE_SIZE;
	return { items: records.slice(offset, end), next: end < records.length ? end : undefined };
}

/** A `methods.listSearch` function: one page of a picker's list, for the search text and page token. */
export type ListSearch = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;
