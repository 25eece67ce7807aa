import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { filtersCollection, forOperation, optionsCollection } from '../../../shared/descriptions';
import { readParameter, returnAllAndLimit } from '../../../shared/fields';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { planList } from '../../../shared/pipeline/list';
import type { RequestSettings } from '../../../shared/requestSettings';
import { invalidParameter } from '../../../shared/checks';
import { listRecords } from '../../listing';
import { contactIdField, definitionField, numericIdField } from '../../fields';

const account = numericIdField('Account ID', 'accountId', 'The numeric ID of the point account');
const contact = contactIdField('The GUID of the contact. Required together with Definition ID.');
const definition = definitionField(
	'The point definition (pick one, or give its numeric ID). Required together with Contact ID.',
);

const byContactAndDefinition = { show: { lookupBy: ['contactAndDefinition'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		options: [
			{ name: 'Account', value: 'account', description: 'The transactions of one point account' },
			{
				name: 'Contact and Definition',
				value: 'contactAndDefinition',
				description:
					"The transactions of a contact's account of one point definition; both are required",
			},
		],
		default: 'account',
	},
	{ ...account.property, displayOptions: { show: { lookupBy: ['account'] } } },
	{ ...contact.property, displayOptions: byContactAndDefinition },
	{ ...definition.property, displayOptions: byContactAndDefinition },
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'All', value: 'All', description: 'Active and pending points' },
				{ name: 'Active', value: 'Active', description: 'Points that can be used now' },
				{ name: 'Pending', value: 'Pending', description: 'Points that become valid later' },
			],
			default: 'All',
			description: 'Which transactions to return (sent as `filter`)',
		},
	]),
	optionsCollection([]),
];

export const sending = READS;

export const description = forOperation('pointTransaction', 'getAll', properties);

function readLookup(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const lookupBy = ctx.getNodeParameter('lookupBy', itemIndex, 'account') as string;
	if (lookupBy === 'account') return { accountId: account.read(ctx, itemIndex) };
	if (lookupBy !== 'contactAndDefinition')
		throw invalidParameter(
			ctx,
			itemIndex,
			'Look Up By',
			`must be "account" or "contactAndDefinition", got "${lookupBy}"`,
		);
	const contactId = readParameter(ctx, contact.property.name, itemIndex, '');
	const definitionId = readParameter(ctx, definition.property.name, itemIndex, '');
	const given = (value: unknown) => String(value ?? '').trim() !== '';
	if (!given(contactId) || !given(definitionId)) {
		const [contactLabel, definitionLabel] = [contact, definition].map(
			(declared) => declared.property.displayName,
		);
		throw invalidParameter(
			ctx,
			itemIndex,
			given(contactId) ? definitionLabel : contactLabel,
			`is required: ${contactLabel} and ${definitionLabel} must be given together`,
		);
	}
	return {
		contactId: contact.check(ctx, contactId, itemIndex),
		definitionId: definition.check(ctx, definitionId, itemIndex),
	};
}

const STATUSES = ['All', 'Active', 'Pending'];

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const query = readLookup(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	if (filters.status !== undefined && filters.status !== '') {
		if (!STATUSES.includes(String(filters.status))) {
			throw invalidParameter(
				this,
				itemIndex,
				'Status',
				`must be one of ${STATUSES.join(', ')}, got "${String(filters.status)}"`,
			);
		}
		query.filter = filters.status;
	}
	return planList(
		this,
		itemIndex,
		async (limit) =>
			await listRecords(
				{ ctx: this, path: '/api/v2/point-accounts/transactions', query, itemIndex, settings },
				limit,
			),
	);
}
