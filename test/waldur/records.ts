import type { IDataObject } from 'n8n-workflow';

import { BASE } from './mockWaldur';

/** Realistic Waldur records (every field the schema requires), as the API returns them. */

export const PROJECT_UUID = '6c9b2f4e1d8a4b7c9e0f1a2b3c4d5e6f';
export const CUSTOMER_UUID = '0a1b2c3d4e5f40718293a4b5c6d7e8f9';
export const PROJECT_CREDIT_UUID = 'b3f1c2d4e5a64789b0c1d2e3f4a5b6c7';
export const CUSTOMER_CREDIT_UUID = 'd7e6f5a4b3c24d1e8f9a0b1c2d3e4f50';
export const OFFERING_UUID = '9f8e7d6c5b4a43210fedcba987654321';

/** A credit as Waldur returns it: the fields both kinds share, then the kind's own, then overrides. */
function credit(
	path: string,
	defaultUuid: string,
	own: IDataObject,
	overrides: IDataObject,
): IDataObject {
	const uuid = (overrides.uuid as string | undefined) ?? defaultUuid;
	const shared = {
		uuid,
		url: `${BASE}${path}${uuid}/`,
		customer_name: 'University of Tartu',
		customer_slug: 'ut',
		customer_uuid: CUSTOMER_UUID,
		consumption_last_month: 212.5,
		expected_consumption: '100.00',
		minimal_consumption: 90,
		grace_coefficient: '10',
		apply_as_minimal_consumption: true,
	};
	return { ...shared, ...own, ...overrides };
}

const PROJECT_CREDIT_FIELDS: IDataObject = {
	value: '1500.00',
	project: `${BASE}/api/projects/${PROJECT_UUID}/`,
	project_name: 'Genome assembly',
	project_uuid: PROJECT_UUID,
	project_slug: 'genome-assembly',
	customer_credit: '10000.00',
	allocated_customer_credit: 1500,
	offerings: [
		{
			uuid: OFFERING_UUID,
			url: `${BASE}/api/marketplace-public-offerings/${OFFERING_UUID}/`,
			type: 'OpenStack.Tenant',
			name: 'HPC cloud',
		},
	],
	end_date: '2026-12-01',
	minimal_consumption_logic: 'fixed',
	mark_unused_credit_as_spent_on_project_termination: false,
};

const CUSTOMER_CREDIT_FIELDS: IDataObject = {
	value: '10000.00',
	customer: `${BASE}/api/customers/${CUSTOMER_UUID}/`,
	offerings: [],
	end_date: '2027-01-01',
	minimal_consumption_logic: 'linear',
	allocated_to_projects: 1500,
};

export function projectCreditRecord(overrides: IDataObject = {}): IDataObject {
	return credit('/api/project-credits/', PROJECT_CREDIT_UUID, PROJECT_CREDIT_FIELDS, overrides);
}

export function customerCreditRecord(overrides: IDataObject = {}): IDataObject {
	return credit('/api/customer-credits/', CUSTOMER_CREDIT_UUID, CUSTOMER_CREDIT_FIELDS, overrides);
}

/** Distinct project credits with 32-hex UUIDs, for paging tests. */
export function projectCredits(count: number, start = 0): IDataObject[] {
	return Array.from({ length: count }, (_, index) =>
		projectCreditRecord({ uuid: (start + index).toString(16).padStart(32, 'a') }),
	);
}
