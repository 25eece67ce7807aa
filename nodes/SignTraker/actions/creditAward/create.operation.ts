import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalFieldsCollection,
	forOperation,
	optionsCollection,
} from '../../../shared/descriptions';
import {
	invalidParameter,
	requireFiniteNumber,
	requirePositiveInteger,
	requireString,
	toIsoDateTime,
	toJsonObject,
} from '../../../shared/validate';
import { signTrakerRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Spring promotion',
		description: 'The name of the award, shown to the agent',
	},
	{
		displayName: 'Awarded To (Agent ID)',
		name: 'awardedTo',
		type: 'string',
		required: true,
		default: '',
		placeholder: '42',
		description:
			'The numeric ID of the agent who receives the credit. Use Agent → Get Many with an email filter to find it.',
	},
	{
		displayName: 'Total Amount',
		name: 'totalAmount',
		type: 'number',
		required: true,
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'The amount of credit awarded',
	},
	additionalFieldsCollection([
		{
			displayName: 'Expiration Date',
			name: 'expirationDate',
			type: 'dateTime',
			default: '',
			description: 'When the unused credit expires',
		},
		{
			displayName: 'Extra Fields (JSON)',
			name: 'extraJson',
			type: 'json',
			default: '{}',
			description:
				'A JSON object merged into the request body, for award fields this node does not list yet. It may not repeat a field set above.',
		},
		{
			displayName: 'Restrictions',
			name: 'restrictions',
			type: 'multiOptions',
			options: [
				{
					name: 'Printing',
					value: 'Printing',
					description: 'The credit may only be spent on printing',
				},
			],
			default: [],
			description: 'What the credit may be spent on',
		},
	]),
	optionsCollection(),
];

export const description = forOperation('creditAward', 'create', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const award: IDataObject = {
		Name: requireString(this, 'name', itemIndex, 'Name'),
		AwardedTo: {
			Id: requirePositiveInteger(this, 'awardedTo', itemIndex, 'Awarded To (Agent ID)'),
		},
		TotalAmount: requireFiniteNumber(this, 'totalAmount', itemIndex, 'Total Amount'),
	};
	if (additional.expirationDate) {
		award.ExpirationDate = toIsoDateTime(
			this,
			additional.expirationDate,
			itemIndex,
			'Expiration Date',
		);
	}
	const restrictions = (additional.restrictions as string[] | undefined) ?? [];
	if (restrictions.length > 0) award.Restrictions = restrictions;

	const extra = toJsonObject(this, additional.extraJson ?? {}, itemIndex, 'Extra Fields (JSON)');
	const clashes = Object.keys(extra).filter((key) => key in award);
	if (clashes.length > 0) {
		throw invalidParameter(
			this,
			itemIndex,
			'Extra Fields (JSON)',
			`repeats ${clashes.join(', ')}, which other parameters already set`,
			'Remove the field from the JSON, or leave the matching parameter empty.',
		);
	}
	const body = { ...award, ...extra };
	return (
		(await signTrakerRequest<IDataObject>(
			this,
			{ method: 'POST', path: '/api/credits/awards', body },
			itemIndex,
		)) ?? { success: true }
	);
}
