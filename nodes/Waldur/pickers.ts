import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { locatorProperty, pickerResults, PICKER_PAGE_SIZE } from '../shared/locator';
import type { CreditKind } from './credits';
import { customerCredit, projectCredit } from './credits';
import { fetchLinkedPage } from './listing';

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
			displayName: 'By UUID',
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

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

function withParent(name: unknown, parent: unknown): string {
	return parent ? `${text(name)} (${text(parent)})` : text(name);
}

type Describe = (record: IDataObject) => string;

async function search(
	ctx: ILoadOptionsFunctions,
	path: string,
	query: IDataObject,
	describe: Describe,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await fetchLinkedPage(ctx, path, query, PICKER_PAGE_SIZE, paginationToken);
	return pickerResults(
		page,
		(record): INodeListSearchItems => ({
			name: describe(record),
			value: text(record.uuid),
		}),
	);
}

/** `name` filters by "name contains" in Waldur; an empty search lists everything. */
function byName(filter: string | undefined, field: string): IDataObject {
	return filter?.trim() ? { [field]: filter.trim() } : {};
}

export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = { ...byName(filter, 'name'), o: 'name' };
	return await search(
		this,
		'/api/projects/',
		query,
		(project) => withParent(project.name, project.customer_name),
		paginationToken,
	);
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = { ...byName(filter, 'name'), o: 'name' };
	return await search(
		this,
		'/api/customers/',
		query,
		(customer) => text(customer.name),
		paginationToken,
	);
}

function creditName(owner: string): Describe {
	return (credit) => `${text(credit[`${owner}_name`]) || text(credit.uuid)}: ${text(credit.value)}`;
}

/** Credits are searched with Waldur's `query` filter (project or customer name, slug or UUID). */
export async function searchProjectCredits(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = { ...byName(filter, 'query'), o: 'project_name' };
	return await search(this, projectCredit.path, query, creditName('project'), paginationToken);
}

export async function searchCustomerCredits(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = { ...byName(filter, 'query'), o: 'customer_name' };
	return await search(this, customerCredit.path, query, creditName('customer'), paginationToken);
}
