import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	additionalFieldsCollection,
	forOperation,
	optionsCollection,
} from '../../../shared/descriptions';
import { readRequestSettings } from '../../../shared/requestSettings';
import { errorItemOrThrow } from '../../../shared/itemLoop';
import { invalidParameter } from '../../../shared/validate';
import type { PendingRow } from '../../batchAdd/batches';
import { planBatches } from '../../batchAdd/batches';
import { explainBatchFailure } from '../../batchAdd/failure';
import { automaticKeyBase, readUserKey } from '../../batchAdd/idempotency';
import { rowOutcomes } from '../../batchAdd/rejections';
import type { ExtraFieldHandling } from '../../batchAdd/autoMap';
import { inputFieldValues } from '../../batchAdd/autoMap';
import type { TransactionRow } from '../../batchAdd/rows';
import { buildTransactionRow, parameterValues } from '../../batchAdd/rows';
import { definitionLocator } from '../../definitionPicker';
import { contactIdProperty } from '../../parameters';
import { voyadoRequest } from '../../transport';

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
				'Each input item already is a row: its fields contactId, definitionId, amount, source, description and optionally timeStamp, validFrom, validTo are sent as they are',
		},
	],
	default: 'defineBelow',
};

/** The row's fields as parameters, shown only when they are mapped one by one. */
const rowFieldProperties: INodeProperties[] = [
	contactIdProperty('The GUID of the contact who receives (or loses) the points'),
	definitionLocator(
		"The point definition: which of the contact's point accounts is changed. Pick one, or give its numeric ID.",
	),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		description: 'The number of points; negative to deduct',
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Purchase',
		description: 'Where the points come from. Required: Engage skips rows without it.',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Order 1001',
		description: 'Why the points were given. Required: Engage skips rows without it.',
	},
	additionalFieldsCollection([
		{
			displayName: 'Timestamp',
			name: 'timeStamp',
			type: 'dateTime',
			default: '',
			description: 'When the transaction happened; Engage uses "now" when empty',
		},
		{
			displayName: 'Valid From',
			name: 'validFrom',
			type: 'dateTime',
			default: '',
			description:
				'When the points become usable (pending until then); Engage uses "now" when empty',
		},
		{
			displayName: 'Valid To',
			name: 'validTo',
			type: 'dateTime',
			default: '',
			description: 'When the points expire',
		},
	]),
];
const rowProperties = rowFieldProperties.map((property) => ({
	...property,
	displayOptions: { show: { mappingMode: ['defineBelow'] } },
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
	{
		displayName:
			'Field names must match exactly (contactId, not ContactId). No expressions are evaluated for the row, which makes large runs much faster.',
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
			placeholder: '={{ $json.orderId }}',
			description:
				'Your own base key, e.g. an order ID, so that sending the same thing again within 24 hours (even from another execution) changes nothing. Requests get the key with "-1", "-2", … appended; items with different keys are never sent together. Empty: a key unique to this execution.',
		},
	]),
];

export const description = forOperation('pointTransaction', 'add', properties);

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

/** Where each item's row comes from: the parameters, or (Map Automatically) the item's own fields. */
function rowReader(ctx: IExecuteFunctions): (itemIndex: number) => TransactionRow {
	const mode = ctx.getNodeParameter('mappingMode', 0, 'defineBelow') as MappingMode;
	if (mode !== 'autoMapInputData')
		return (itemIndex) => buildTransactionRow(ctx, itemIndex, parameterValues(ctx, itemIndex));
	const items = ctx.getInputData();
	const extraFields = ctx.getNodeParameter(
		'options.handlingExtraData',
		0,
		'error',
	) as ExtraFieldHandling;
	return (itemIndex) =>
		buildTransactionRow(
			ctx,
			itemIndex,
			inputFieldValues(ctx, itemIndex, items[itemIndex].json, extraFields),
		);
}

/**
 * Checks every row first (a bad row fails the node before anything is sent, or with Continue On
 * Fail becomes its own error item), then sends the valid rows in batches, one output per input item.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const output: INodeExecutionData[] = new Array(itemCount);
	const rows: TransactionRow[] = new Array(itemCount);
	const pending: PendingRow[] = [];
	const batchSize = readBatchSize(this);
	const settings = readRequestSettings(this, 0);
	const readRow = rowReader(this);
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			rows[itemIndex] = readRow(itemIndex);
			pending.push({ itemIndex, userKey: readUserKey(this, itemIndex) });
		} catch (error) {
			output[itemIndex] = errorItemOrThrow(this, error, itemIndex);
		}
	}

	const batches = planBatches(pending, batchSize, automaticKeyBase(this));
	const answeredItems: number[] = [];
	for (const [batchIndex, batch] of batches.entries()) {
		const sent = batch.itemIndexes.map((itemIndex) => rows[itemIndex]);
		try {
			const response = await voyadoRequest<unknown>(
				this,
				{
					method: 'POST',
					path: PATH,
					body: sent,
					headers: { 'Idempotency-Key': batch.idempotencyKey },
					idempotent: true,
				},
				batch.itemIndexes[0],
				settings,
			);
			const outcomes = rowOutcomes(sent, response);
			batch.itemIndexes.forEach((itemIndex, position) => {
				output[itemIndex] = {
					json: { ...sent[position], ...outcomes[position] },
					pairedItem: { item: itemIndex },
				};
			});
			answeredItems.push(...batch.itemIndexes);
		} catch (error) {
			explainBatchFailure(error, {
				batchNumber: batchIndex + 1,
				batchCount: batches.length,
				failedItems: batch.itemIndexes,
				answeredItems,
				// With Continue On Fail the later batches are still sent.
				unsentItems: this.continueOnFail()
					? []
					: batches.slice(batchIndex + 1).flatMap((later) => later.itemIndexes),
			});
			for (const itemIndex of batch.itemIndexes) {
				output[itemIndex] = errorItemOrThrow(this, error, itemIndex);
			}
		}
	}
	return output;
}
