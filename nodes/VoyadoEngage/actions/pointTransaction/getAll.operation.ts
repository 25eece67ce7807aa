import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { filtersCollection, forOperation, optionsCollection } from '../../../shared/descriptions';
import { returnAllAndLimit, readParameter, requirePositiveInteger } from '../../../shared/fields';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { planList } from '../../../shared/pipeline/list';
import type { RequestSettings } from '../../../shared/requestSettings';
import { invalidParameter } from '../../../shared/checks';
import { definitionLocator } from '../../definitionPicker';
import { listRecords } from '../../listing';
import { contactIdProperty, numericIdProperty, requireContactId } from '../../parameters';

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
	{
		...numericIdProperty('Account ID', 'accountId', 'The numeric ID of the point account'),
		displayOptions: { show: { lookupBy: ['account'] } },
	},
	{
		...contactIdProperty('The GUID of the contact. Required together with Definition ID.'),
		displayOptions: byContactAndDefinition,
	},
	{
		...definitionLocator(
			'The point definition (pick one, or give its numeric ID). Required together with Contact ID.',
		),
		displayOptions: byContactAndDefinition,
	},
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
	if (lookupBy === 'account')
		return { accountId: requirePositiveInteger(ctx, 'accountId', itemIndex, 'Account ID') };
	if (lookupBy !== 'contactAndDefinition')
		throw invalidParameter(
			ctx,
			itemIndex,
			'Look Up By',
			`must be "account" or "contactAndDefinition", got "${lookupBy}"`,
		);
	const contactId = String(ctx.getNodeParameter('contactId', itemIndex, '') ?? '').trim();
	const definitionId = String(readParameter(ctx, 'definitionId', itemIndex) ?? '').trim();
	if (!contactId || !definitionId) {
		const missing = contactId ? 'Definition ID' : 'Contact ID';
		throw invalidParameter(
			ctx,
			itemIndex,
			missing,
			'is required: Contact ID and Definition ID must be given together',
		);
	}
	return {
		contactId: requireContactId(ctx, 'contactId', itemIndex),
		definitionId: requirePositiveInteger(ctx, 'definitionId', itemIndex, 'Definition ID'),
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
