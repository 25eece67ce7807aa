import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READ_CONCURRENCY } from '../../../shared/concurrency';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { ItemPlan } from '../../../shared/itemLoop';
import type { RequestSettings } from '../../../shared/requestSettings';
import { invalidParameter, requireString } from '../../../shared/validate';
import type { ContactQuery, FindBy } from '../../contacts/identifiers';
import { findContact } from '../../contacts/lookup';

const FIND_BY: FindBy[] = ['email', 'mobilePhone', 'socialSecurityNumber', 'customKey', 'any'];

type WhenNotFound = 'error' | 'outputItem';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{
				name: 'Any',
				value: 'any',
				description:
					'Engage tries email, social security number, mobile phone, then custom key, and searches only the first kind the value is valid for',
			},
			{
				name: 'Custom Key (Member Number or External ID)',
				value: 'customKey',
				description: "The tenant's own key: a member number or an external ID, as set up in Engage",
			},
			{ name: 'Email', value: 'email' },
			{
				name: 'Mobile Phone',
				value: 'mobilePhone',
				description: 'In international format, e.g. +46701234567',
			},
			{ name: 'Social Security Number', value: 'socialSecurityNumber' },
		],
		default: 'email',
		description: 'Which identifier of the contact the value is',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jane@example.com',
		description: 'The identifier to search for; the node URL-encodes it (an email may contain +)',
	},
	optionsCollection(
		[
			{
				displayName: 'Contact Type',
				name: 'contactType',
				type: 'string',
				default: '',
				placeholder: 'e.g. Member',
				description: 'Search only contacts of this type; empty searches every type',
			},
			{
				displayName: 'When Not Found',
				name: 'whenNotFound',
				type: 'options',
				options: [
					{
						name: 'Error',
						value: 'error',
						description: 'Fail the item (with Continue On Fail: an error item with httpCode "404")',
					},
					{
						name: 'Output an Item With Contact ID Null',
						value: 'outputItem',
						description:
							'Go on with { contactId: null, found: false }, e.g. to create the contact in a branch after an If node',
					},
				],
				default: 'error',
				description:
					'What to do when no contact has the identifier, e.g. a buyer who is not a member yet. Several matches are always an error.',
			},
		],
		READ_CONCURRENCY,
	),
];

export const description = forOperation('contact', 'find', properties);

function readFindBy(ctx: IExecuteFunctions, itemIndex: number): FindBy {
	const value = ctx.getNodeParameter('findBy', itemIndex, 'email') as FindBy;
	if (!FIND_BY.includes(value))
		throw invalidParameter(ctx, itemIndex, 'Find By', `must be one of ${FIND_BY.join(', ')}`);
	return value;
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number): ContactQuery {
	const findBy = readFindBy(ctx, itemIndex);
	const value = requireString(ctx, 'value', itemIndex, 'Value');
	const contactType = String(ctx.getNodeParameter('options.contactType', itemIndex, '') ?? '');
	return { findBy, value, ...(contactType.trim() ? { contactType: contactType.trim() } : {}) };
}

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): ItemPlan {
	const query = readQuery(this, itemIndex);
	const whenNotFound = this.getNodeParameter(
		'options.whenNotFound',
		itemIndex,
		'error',
	) as WhenNotFound;
	return {
		send: async (): Promise<IDataObject> => {
			const searched = { findBy: query.findBy, value: query.value };
			const outcome = await findContact(this, query, itemIndex, settings);
			if (outcome.found) return { contactId: outcome.contactId, found: true, ...searched };
			if (outcome.code === 'ContactNotFound' && whenNotFound === 'outputItem')
				return { contactId: null, found: false, ...searched };
			throw outcome.error;
		},
	};
}
