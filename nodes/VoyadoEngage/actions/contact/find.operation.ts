import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Check } from '../../../shared/checks';
import { invalidParameter, optional, toRequiredString } from '../../../shared/checks';
import { field, readCollection } from '../../../shared/fields';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { READS } from '../../../shared/pipeline/operation';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ContactQuery, FindBy } from '../../contacts/identifiers';
import { findContact } from '../../contacts/lookup';

const FIND_BY: FindBy[] = ['email', 'mobilePhone', 'socialSecurityNumber', 'customKey', 'any'];

type WhenNotFound = 'error' | 'outputItem';

const toFindBy: Check<FindBy> = (ctx, value, itemIndex, label) => {
	if (FIND_BY.includes(value as FindBy)) return value as FindBy;
	throw invalidParameter(ctx, itemIndex, label, `must be one of ${FIND_BY.join(', ')}`);
};

const findByField = field(
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
	toFindBy,
);

const valueField = field(
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jane@example.com',
		description: 'The identifier to search for; the node URL-encodes it (an email may contain +)',
	},
	toRequiredString,
);

const contactTypeField = field(
	{
		displayName: 'Contact Type',
		name: 'contactType',
		type: 'string',
		default: '',
		placeholder: 'e.g. Member',
		description: 'Search only contacts of this type; empty searches every type',
	},
	optional(toRequiredString),
);

const properties: INodeProperties[] = [
	findByField.property,
	valueField.property,
	optionsCollection([
		contactTypeField.property,
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
	]),
];

export const sending = READS;

export const description = forOperation('contact', 'find', properties);

function readQuery(ctx: IExecuteFunctions, itemIndex: number): ContactQuery {
	const contactType = contactTypeField.from(
		readCollection(ctx, 'options', itemIndex),
		ctx,
		itemIndex,
	);
	return {
		findBy: findByField.read(ctx, itemIndex),
		value: valueField.read(ctx, itemIndex),
		...(contactType ? { contactType } : {}),
	};
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
