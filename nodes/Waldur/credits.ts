import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { ApiRequest } from '../shared/http';

/** What differs between Waldur's project credits and customer (organisation) credits. */
export interface CreditKind {
	resource: 'projectCredit' | 'customerCredit';
	/** "project credit", for display names and messages. */
	noun: string;
	/** The collection path; Waldur needs the trailing slash. */
	path: string;
	/** The object the credit belongs to: its parameter and body field name, and its API collection. */
	owner: { name: 'project' | 'customer'; label: string; collection: string };
	/** The list filters this kind offers (keys of FILTERS). */
	filters: string[];
	/** The fields Waldur can sort by (`o`), ascending; each also goes descending with a leading `-`. Must include `end_date`, the default. */
	orderings: string[];
}

export const projectCredit: CreditKind = {
	resource: 'projectCredit',
	noun: 'project credit',
	path: '/api/project-credits/',
	owner: { name: 'project', label: 'Project', collection: 'projects' },
	filters: ['projectUuid', 'projectName', 'customerUuid', 'customerName', 'customerSlug', 'query'],
	orderings: ['end_date', 'expected_consumption', 'project_name', 'value'],
};

export const customerCredit: CreditKind = {
	resource: 'customerCredit',
	noun: 'customer credit',
	path: '/api/customer-credits/',
	owner: { name: 'customer', label: 'Customer', collection: 'customers' },
	filters: ['customerUuid', 'customerName', 'customerSlug', 'query'],
	orderings: ['customer_name', 'end_date', 'expected_consumption', 'value'],
};

export function itemPath(kind: CreditKind, uuid: string): string {
	return `${kind.path}${uuid}/`;
}

/** A request on one credit (`<path><uuid>/`); a 404 without a message names the credit. */
export function creditRequest(
	kind: CreditKind,
	method: IHttpRequestMethods,
	uuid: string,
	body?: IDataObject,
): ApiRequest {
	const notFoundMessage = `No Waldur ${kind.noun} with UUID ${uuid} was found, or the credential may not see it`;
	// A read must return the credit; a write without a body says which credit it changed.
	const emptySuccess = method === 'GET' ? { record: `${kind.noun} ${uuid}` } : { done: { uuid } };
	return { method, path: itemPath(kind, uuid), body, notFoundMessage, emptySuccess };
}
