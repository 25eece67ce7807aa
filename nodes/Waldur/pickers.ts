import type { IDataObject, INodeListSearchItems, INodeProperties } from 'n8n-workflow';

import type { ListSearch } from '../shared/locator';
import { textOf } from '../shared/text';
import { locatorProperty, pickerResults, PICKER_PAGE_SIZE } from '../shared/locator';
import type { CreditKind } from './credits';
import { customerCredit, projectCredit } from './credits';
import { fetchPage } from './listing';
import { defaultRequestSettings } from '../shared/requestSettings';

const UUID_PATTERN =
	'[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}';

/** The collection segment of a path such as `/api/project-credits/`. */
export function collectionOf(path: string): string {
	return path.split('/').filter(Boolean)[1];
}

/** A Waldur picker: From List, By ID (a UUID) and By URL (the record's API URL, as Waldur shows it in `url`). */
function waldurLocator(
	spec: {
		displayName: string;
		name: string;
		description: string;
		what: string;
		required?: boolean;
	},
	collection: string,
	searchListMethod: string,
): INodeProperties {
	return locatorProperty({
		...spec,
		searchListMethod,
		searchable: true,
		id: {
			placeholder: 'a1b2c3d4e5f67890abcdef1234567890',
			pattern: {
				regex: `^\\s*${UUID_PATTERN}\\s*$`,
				errorMessage: 'A Waldur UUID has 32 hex digits (dashes allowed)',
			},
		},
		url: {
			placeholder: `https://waldur.example.com/api/${collection}/a1b2c3d4e5f67890abcdef1234567890/`,
			pattern: {
				regex: `^\\s*https?://\\S+/api/${collection}/${UUID_PATTERN}/?\\s*$`,
				errorMessage: `A URL such as https://waldur.example.com/api/${collection}/<uuid>/`,
			},
		},
	});
}

/** The project or customer a credit belongs to; optional, as in Update Fields (create and replace require it). */
export function ownerLocator(kind: CreditKind, description: string): INodeProperties {
	const { name, label, collection } = kind.owner;
	return waldurLocator(
		{ displayName: label, name, description, what: `a ${name}`, required: false },
		collection,
		name === 'project' ? 'searchProjects' : 'searchCustomers',
	);
}

/** The credit an operation acts on. */
export function creditLocator(kind: CreditKind): INodeProperties {
	return waldurLocator(
		{
			displayName: 'Credit UUID',
			name: 'uuid',
			description: `The ${kind.noun}: pick one (search by ${kind.owner.name} name), or give its UUID or URL`,
			what: `a ${kind.noun}`,
		},
		collectionOf(kind.path),
		kind === projectCredit ? 'searchProjectCredits' : 'searchCustomerCredits',
	);
}

function withParent(name: unknown, parent: unknown): string {
	return parent ? `${textOf(name)} (${textOf(parent)})` : textOf(name);
}

type Describe = (record: IDataObject) => string;

/**
 * A picker over one Waldur list: the search goes to Waldur as `searchField` (`name` filters by "name
 * contains", `query` by name, slug or UUID), sorted by `ordering`; pages follow the Link header.
 */
function listSearch(
	path: string,
	searchField: string,
	ordering: string,
	describe: Describe,
): ListSearch {
	return async function (filter, paginationToken) {
		const query: IDataObject = { o: ordering };
		if (filter?.trim()) query[searchField] = filter.trim();
		const list = { ctx: this, path, query, itemIndex: 0, settings: defaultRequestSettings(this) };
		const page = await fetchPage(list, PICKER_PAGE_SIZE, paginationToken);
		return pickerResults(
			page,
			(record): INodeListSearchItems => ({
				name: describe(record),
				value: textOf(record.uuid),
			}),
		);
	};
}

function creditName(owner: string): Describe {
	return (credit) =>
		`${textOf(credit[`${owner}_name`]) || textOf(credit.uuid)}: ${textOf(credit.value)}`;
}

export const searchProjects = listSearch('/api/projects/', 'name', 'name', (project) =>
	withParent(project.name, project.customer_name),
);

export const searchCustomers = listSearch('/api/customers/', 'name', 'name', (customer) =>
	textOf(customer.name),
);

export const searchProjectCredits = listSearch(
	projectCredit.path,
	'query',
	'project_name',
	creditName('project'),
);

export const searchCustomerCredits = listSearch(
	customerCredit.path,
	'query',
	'customer_name',
	creditName('customer'),
);
