import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Waldur's credit event types. The names changed between versions, so both sets are offered; Waldur
 * refuses (400) a name it does not know when the hook is registered. Sources:
 * - waldur-mastermind, 2024 snapshot of the invoices app's credit events (GitHub waldur/waldur-mastermind):
 *   reduction_of_credit, reduction_of_credit_due_to_minimal_consumption, set_to_zero_overdue_credit,
 *   update_of_credit_by_staff, create_of_credit_by_staff;
 * - OpenAPI schema 8.0.5, waldur/api-docs `docs/API/waldur-openapi-schema-8.0.5.yaml`, `EventTypesEnum`:
 *   the customer/project names below, roll_back_*, *_expected_consumption, automatic_credit_adjustment;
 * - the 8.0.7 schema diff: create_of_project_credit_by_staff, update_of_project_credit_by_staff.
 */
export const WALDUR_CREDIT_EVENT_TYPES: INodePropertyOptions[] = [
	{ name: 'Credit Adjusted Automatically', value: 'automatic_credit_adjustment' },
	{ name: 'Credit Created by Staff', value: 'create_of_credit_by_staff' },
	{ name: 'Credit Reduced (2024 Name)', value: 'reduction_of_credit' },
	{
		name: 'Credit Reduced Due to Minimal Consumption (2024 Name)',
		value: 'reduction_of_credit_due_to_minimal_consumption',
	},
	{ name: 'Credit Updated by Staff', value: 'update_of_credit_by_staff' },
	{ name: 'Customer Credit Reduced', value: 'reduction_of_customer_credit' },
	{
		name: 'Customer Credit Reduced Due to Minimal Consumption',
		value: 'reduction_of_customer_credit_due_to_minimal_consumption',
	},
	{ name: 'Customer Credit Rolled Back', value: 'roll_back_customer_credit' },
	{
		name: 'Customer Expected Consumption Reduced',
		value: 'reduction_of_customer_expected_consumption',
	},
	{ name: 'Overdue Credit Set to Zero', value: 'set_to_zero_overdue_credit' },
	{ name: 'Project Credit Created by Staff (8.0.7+)', value: 'create_of_project_credit_by_staff' },
	{ name: 'Project Credit Reduced', value: 'reduction_of_project_credit' },
	{
		name: 'Project Credit Reduced Due to Minimal Consumption',
		value: 'reduction_of_project_credit_due_to_minimal_consumption',
	},
	{ name: 'Project Credit Rolled Back', value: 'roll_back_project_credit' },
	{ name: 'Project Credit Updated by Staff (8.0.7+)', value: 'update_of_project_credit_by_staff' },
	{
		name: 'Project Expected Consumption Reduced',
		value: 'reduction_of_project_expected_consumption',
	},
];
