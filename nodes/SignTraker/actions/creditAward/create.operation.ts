import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { WRITES } from '../../../shared/pipeline/operation';
import {
	additionalFieldsCollection,
	dateTimeProperty,
	forOperation,
	optionsCollection,
} from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import {
	invalidParameter,
	optional,
	toFiniteNumber,
	toIsoDateTime,
	toJsonObject,
	toRequiredString,
} from '../../../shared/checks';
import { field, propertiesOf, readCollection } from '../../../shared/fields';
import { agentField } from '../../fields';
import { signTrakerRequest } from '../../transport';
import type { AwardPlan } from './skipExisting';
import {
	AWARDS_PATH,
	RERUN_ADVICE,
	skipExistingProperty,
	skipExistingStage,
	skippedHints,
} from './skipExisting';

const name = field(
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Spring promotion',
		description: 'A short name for the award, such as the promotion or the reason for the credit',
	},
	toRequiredString,
	{ wire: 'Name' },
);

const awardedTo = agentField(
	{
		displayName: 'Awarded To (Agent ID)',
		name: 'awardedTo',
		description:
			'The agent who receives the credit: pick one (search by name or email), or give the numeric agent ID (not the email address)',
	},
	'AwardedTo',
);

const totalAmount = field(
	{
		displayName: 'Total Amount',
		name: 'totalAmount',
		type: 'number',
		required: true,
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'The amount of credit to award, such as 25 or 12.50',
	},
	toFiniteNumber,
	{ wire: 'TotalAmount' },
);

const expirationDate = field(
	dateTimeProperty(
		'Expiration Date',
		'expirationDate',
		'When the unused credit expires, as an ISO 8601 date such as 2026-12-31',
		{ dateOnly: true },
	),
	optional(toIsoDateTime),
	{ wire: 'ExpirationDate' },
);

/** The Restrictions list; an expression (or an AI agent) may also give one value or "A, B" as text. */
const restrictions = field(
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
		description: 'What the credit may be spent on. Leave empty for no restriction.',
	},
	(ctx, value, itemIndex, label): string[] => {
		if (value === undefined || value === null || value === '') return [];
		const entries = typeof value === 'string' ? value.split(',') : value;
		if (!Array.isArray(entries) || entries.some((entry) => typeof entry !== 'string')) {
			throw invalidParameter(
				ctx,
				itemIndex,
				label,
				`must be a list of restrictions such as ["Printing"], got ${JSON.stringify(value)}`,
			);
		}
		return (entries as string[]).map((entry) => entry.trim()).filter(Boolean);
	},
	{ wire: 'Restrictions' },
);

const extraJson = field(
	{
		displayName: 'Extra Fields (JSON)',
		name: 'extraJson',
		type: 'json',
		default: '{}',
		description:
			'A JSON object merged into the request body, for award fields this node does not list yet. It may not repeat a field set above (in any letter case).',
	},
	(ctx, value, itemIndex, label) => toJsonObject(ctx, value ?? {}, itemIndex, label),
);

const properties: INodeProperties[] = [
	name.property,
	awardedTo.property,
	totalAmount.property,
	additionalFieldsCollection(propertiesOf([expirationDate, extraJson, restrictions])),
	optionsCollection([skipExistingProperty]),
];

export const sending = WRITES;

export const description = forOperation('creditAward', 'create', properties);

export const stages = [skipExistingStage];

export const rerunAdvice = RERUN_ADVICE;

export const hints = skippedHints;

export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): AwardPlan {
	const additional = readCollection(this, 'additionalFields', itemIndex);
	const awardName = name.read(this, itemIndex);
	const award: IDataObject = { [name.wire]: awardName };
	const agentId = awardedTo.read(this, itemIndex);
	award[awardedTo.wire] = { Id: agentId };
	award[totalAmount.wire] = totalAmount.read(this, itemIndex);
	const expires = expirationDate.from(additional, this, itemIndex);
	if (expires !== undefined) award[expirationDate.wire] = expires;
	const restricted = restrictions.from(additional, this, itemIndex) ?? [];
	if (restricted.length > 0) award[restrictions.wire] = restricted;

	const extra = extraJson.from(additional, this, itemIndex) ?? {};
	// SignTraker (ASP.NET) reads JSON property names in any letter case: "totalAmount" would override TotalAmount.
	const taken = new Set(Object.keys(award).map((key) => key.toLowerCase()));
	const clashes = Object.keys(extra).filter((key) => taken.has(key.toLowerCase()));
	if (clashes.length > 0) {
		throw invalidParameter(
			this,
			itemIndex,
			extraJson.property.displayName,
			`repeats ${clashes.join(', ')}, which other parameters already set`,
			'Remove the field from the JSON, or leave the matching parameter empty.',
		);
	}
	const request = {
		method: 'POST' as const,
		path: AWARDS_PATH,
		body: { ...award, ...extra },
		emptySuccess: { done: { awardedTo: agentId } },
	};
	// Sent once: a later item with the same agent and Name (Skip Existing) outputs the same answer.
	let sent: Promise<IDataObject> | undefined;
	return {
		agentId,
		name: awardName,
		// One agent's awards are created in input order.
		recordKey: `agent:${agentId}`,
		send: async () =>
			await (sent ??= signTrakerRequest<IDataObject>(this, request, itemIndex, settings)),
	};
}
