import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalFieldsCollection,
	forOperation,
	optionsCollection,
} from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import { buildApiError } from '../../../shared/errors';
import type { ApiResponse } from '../../../shared/http';
import type { WireRequest } from '../../../shared/pipeline/dryRun';
import type { ItemResult, PlannedItem, Run, SendUnit } from '../../../shared/pipeline/operation';
import { WRITES } from '../../../shared/pipeline/operation';
import { invalidParameter } from '../../../shared/checks';
import type { Batch } from '../../batchAdd/batches';
import { planBatches } from '../../batchAdd/batches';
import { explainBatchFailure, RERUN_ADVICE } from '../../batchAdd/failure';
import { automaticKeyBase, userKeyReader } from '../../batchAdd/idempotency';
import { rowOutcomes } from '../../batchAdd/rejections';
import type { ExtraFieldHandling } from '../../batchAdd/autoMap';
import { inputFieldValues } from '../../batchAdd/autoMap';
import type { PlannedRow } from '../../batchAdd/contactRows';
import { contactLookupStage, rowOf } from '../../batchAdd/contactRows';
import type { IdentifyBy, RowDraft, TransactionRow } from '../../batchAdd/rows';
import { buildTransactionRow, parameterValues } from '../../batchAdd/rows';
import { CONTACT_FIELDS, DATE_FIELDS, VALUE_FIELDS } from '../../batchAdd/rowFields';
import { propertiesOf } from '../../../shared/fields';
import { voyadoResponse } from '../../transport';

/** Engage takes at most this many rows per POST. */
export const MAX_ROWS_PER_REQUEST = 1000;
const PATH = '/api/v2/point-accounts/transactions';

type MappingMode = 'defineBelow' | 'autoMapInputData';

const mappingModeProperty: INodeProperties = {
	displayName: 'Mapping Mode',
	name: 'mappingMode',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Map Each Field Below',
			value: 'defineBelow',
			description: 'Set each field of the row, usually with an expression',
		},
		{
			name: 'Map Automatically',
			value: 'autoMapInputData',
			description:
				'Each input item already is a row: its fields contactId (or the email, mobilePhone or customKey that Identify Contact By names), definitionId, amount, source, description and optionally timeStamp, validFrom, validTo are sent as they are',
		},
	],
	default: 'defineBelow',
};

const identifyByProperty: INodeProperties = {
	displayName: 'Identify Contact By',
	name: 'identifyBy',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Contact ID',
			value: 'contactId',
			description: "Engage's contact GUID",
		},
		{
			name: 'Email',
			value: 'email',
			description: "The contact's email, looked up in Engage",
		},
		{
			name: 'Member Number (Custom Key)',
			value: 'customKey',
			description:
				"The tenant's custom key (a member number or an external ID), looked up in Engage",
		},
		{
			name: 'Mobile Phone',
			value: 'mobilePhone',
			description: "The contact's mobile phone number, looked up in Engage",
		},
	],
	default: 'contactId',
	description:
		'How each row names its contact. An email, mobile phone or member number is looked up in Engage (each distinct one once) before any points are sent; a row whose contact is not found, or found more than once, is not booked and comes out with "accepted": false and the reason.',
};

/** The row's fields as parameters, shown only when they are mapped one by one. */
const rowFieldProperties: INodeProperties[] = [
	...propertiesOf(Object.values(CONTACT_FIELDS)),
	...propertiesOf(Object.values(VALUE_FIELDS)),
	additionalFieldsCollection(propertiesOf(Object.values(DATE_FIELDS))),
];
const rowProperties = rowFieldProperties.map((property) => ({
	...property,
	displayOptions: { show: { ...property.displayOptions?.show, mappingMode: ['defineBelow'] } },
}));

const properties: INodeProperties[] = [
	{
		displayName:
			'All input items are sent together, up to 1000 rows per request. Each item comes out with "accepted": true, or false with the reasons Engage gave.',
		name: 'batchNotice',
		type: 'notice',
		default: '',
	},
	mappingModeProperty,
	identifyByProperty,
	{
		displayName:
			'Each input item is sent as one row, with the fields contactId (or email, mobilePhone or customKey, as Identify Contact By says), definitionId, amount, source, description and optionally timeStamp, validFrom, validTo, spelled exactly so (contactId, not ContactId). No expressions are evaluated for the row, which makes large runs much faster.',
		name: 'autoMapNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { mappingMode: ['autoMapInputData'] } },
	},
	...rowProperties,
	optionsCollection([
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_ROWS_PER_REQUEST },
			default: MAX_ROWS_PER_REQUEST,
			description: 'How many rows go into one request (Engage takes at most 1000)',
		},
		{
			displayName: 'Handling Extra Fields in Input',
			name: 'handlingExtraData',
			type: 'options',
			options: [
				{
					name: 'Error',
					value: 'error',
					description: 'Fail the item, so that no field is dropped without you knowing',
				},
				{
					name: 'Ignore Them',
					value: 'ignoreIt',
					description: 'Send only the row fields; other fields are left out of the request',
				},
			],
			default: 'error',
			description:
				'What to do with input fields that are not fields of a point transaction (Map Automatically only)',
			displayOptions: { show: { '/mappingMode': ['autoMapInputData'] } },
		},
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.orderId }}',
			description:
				'Your own base key, e.g. an order ID, so that sending the same thing again within 24 hours (even from another execution) changes nothing. Requests get the key with "-1", "-2", … appended; items with different keys are never sent together. Leave empty for a key unique to this execution.',
		},
	]),
];

export const description = forOperation('pointTransaction', 'add', properties);

export const sending = WRITES;

export const rerunAdvice = RERUN_ADVICE;

/** Before the first batch, the contacts given by email, mobile phone or member number are looked up. */
export const stages = [contactLookupStage];

/** Rows Engage refused are easy to miss among thousands: a notice above the output. */
export function hints(outputs: IDataObject[]): string[] {
	const refused = outputs.filter((output) => output.accepted === false).length;
	if (refused === 0) return [];
	return [
		`Engage did not accept ${refused} ${refused === 1 ? 'row' : 'rows'}: filter on \`accepted\``,
	];
}

function readBatchSize(ctx: IExecuteFunctions): number {
	const value = ctx.getNodeParameter('options.batchSize', 0, MAX_ROWS_PER_REQUEST) as unknown;
	const size = Number(value);
	if (!Number.isInteger(size) || size < 1 || size > MAX_ROWS_PER_REQUEST) {
		throw invalidParameter(
			ctx,
			0,
			'Batch Size',
			`must be a whole number from 1 to ${MAX_ROWS_PER_REQUEST}, got ${JSON.stringify(value)}`,
		);
	}
	return size;
}

function readIdentifyBy(ctx: IExecuteFunctions): IdentifyBy {
	const value = ctx.getNodeParameter('identifyBy', 0, 'contactId') as IdentifyBy;
	if (!(value in CONTACT_FIELDS))
		throw invalidParameter(
			ctx,
			0,
			'Identify Contact By',
			`must be one of ${Object.keys(CONTACT_FIELDS).join(', ')}, got ${JSON.stringify(value)}`,
		);
	return value;
}

/** Where each item's row comes from: the parameters, or (Map Automatically) the item's own fields. */
function rowReader(ctx: IExecuteFunctions): (itemIndex: number) => RowDraft {
	const mode = ctx.getNodeParameter('mappingMode', 0, 'defineBelow') as MappingMode;
	const identifyBy = readIdentifyBy(ctx);
	if (mode !== 'autoMapInputData')
		return (itemIndex) => buildTransactionRow(parameterValues(ctx, itemIndex), identifyBy);
	const items = ctx.getInputData();
	const extraFields = ctx.getNodeParameter(
		'options.handlingExtraData',
		0,
		'error',
	) as ExtraFieldHandling;
	return (itemIndex) =>
		buildTransactionRow(
			inputFieldValues(ctx, itemIndex, items[itemIndex].json, extraFields, identifyBy),
			identifyBy,
		);
}

/** Checks one item's row (a bad row fails before anything is sent, or becomes its error item). */
export function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	_settings: RequestSettings,
	run: Run,
): PlannedRow {
	return { draft: run.once(rowReader)(itemIndex), userKey: run.once(userKeyReader)(itemIndex) };
}

/**
 * The rows in batches of up to Batch Size, each under its own Idempotency-Key; batches that change
 * the same point account go in input order.
 */
export function batch(run: Run, planned: Array<PlannedItem<PlannedRow>>): SendUnit[] {
	const byItem = new Map(planned.map((item) => [item.itemIndex, item]));
	const pending = planned.map(({ itemIndex, plan: { userKey } }) => ({ itemIndex, userKey }));
	const batches = planBatches(pending, readBatchSize(run.ctx), automaticKeyBase(run.ctx));
	return batches.map((batch, position): SendUnit => {
		const items = batch.itemIndexes.map((itemIndex) => byItem.get(itemIndex));
		const drafts = items.map((item) => rowOf((item as PlannedItem<PlannedRow>).plan));
		const rows = drafts.map((draft) => draft.row);
		const { settings } = items[0] as PlannedItem<PlannedRow>;
		const batchNumber = position + 1;
		return {
			itemIndexes: batch.itemIndexes,
			recordKeys: accountsOf(rows),
			send: async () => await sendBatch(run.ctx, batch, drafts, settings),
			// The batch's body is the rows of its items in input order: each item shows its own.
			plannedItem: (index, { method, path, query }: WireRequest) => ({
				batch: batchNumber,
				idempotencyKey: batch.idempotencyKey,
				row: rows[index],
				request: { method, path, query },
			}),
			explainFailure: (error) =>
				explainBatchFailure(error, {
					batchNumber,
					batchCount: batches.length,
					failedItems: batch.itemIndexes,
				}),
		};
	});
}

/** The point accounts (contact and definition) a batch changes. */
function accountsOf(rows: TransactionRow[]): string[] {
	return [...new Set(rows.map((row) => `${row.contactId.toLowerCase()}:${row.definitionId}`))];
}

/** What a JSON value is, without its content (which might echo a secret). */
function jsonKind(value: unknown): string {
	if (value === null) return 'null';
	return Array.isArray(value) ? 'a JSON array' : `a JSON ${typeof value}`;
}

/**
 * Engage's answer to a batch: a JSON object (`{ success: true }` when it sent no body). Anything else
 * says nothing about which rows it skipped, so it is an error (with the 2xx status: see explainBatchFailure).
 */
function batchResult(
	ctx: IExecuteFunctions,
	response: ApiResponse<unknown>,
	itemIndex: number,
): IDataObject {
	const { body, statusCode } = response;
	if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	throw buildApiError(ctx.getNode(), {
		message: `Voyado Engage answered with ${jsonKind(body)} instead of a JSON object`,
		description: `HTTP ${statusCode} from POST ${PATH}; a result {notAccepted, errorMessages, …} was expected.`,
		httpCode: statusCode,
		itemIndex,
	});
}

/**
 * POSTs one batch under its own Idempotency-Key; one result per row: the identifier its contact was
 * found by (if any), the row and whether Engage accepted it.
 */
async function sendBatch(
	ctx: IExecuteFunctions,
	batch: Batch,
	drafts: Array<ReturnType<typeof rowOf>>,
	settings: RequestSettings,
): Promise<ItemResult[]> {
	const itemIndex = batch.itemIndexes[0];
	const rows = drafts.map((draft) => draft.row);
	const response = await voyadoResponse<unknown>(
		ctx,
		{
			method: 'POST',
			path: PATH,
			body: rows,
			headers: { 'Idempotency-Key': batch.idempotencyKey },
			idempotent: true,
			// No body: Engage took every row (no `notAccepted`).
			emptySuccess: { done: {} },
		},
		itemIndex,
		settings,
	);
	const outcomes = rowOutcomes(rows, batchResult(ctx, response, itemIndex));
	return drafts.map(({ row, shownWith }, position) => ({
		...shownWith,
		...row,
		...outcomes[position],
	}));
}
