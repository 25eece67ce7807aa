import type { IDataObject } from 'n8n-workflow';

import {
	addFromItems,
	CONTACT,
	engage,
	OTHER_CONTACT,
	purchases,
	runVoyado,
	TRANSACTIONS,
} from './helpers';

const THIRD_CONTACT = '0c9a3e55-7d1b-4c2e-8f6a-3b5d7e9f1a2c';

async function addWithAnswer(items: IDataObject[], answer: (rows: IDataObject[]) => unknown) {
	engage()
		.post(TRANSACTIONS)
		.reply(({ body }) => [200, answer(body as IDataObject[])]);
	const result = await runVoyado(addFromItems, { items });
	expect(result.error).toBeUndefined();
	return result;
}

const outcome = (json: IDataObject) => {
	const {
		accepted,
		errorMessages,
		missingContactIds,
		missingDefinitionIds,
		unattributedRejections,
	} = json;
	return JSON.parse(
		JSON.stringify({
			accepted,
			errorMessages,
			missingContactIds,
			missingDefinitionIds,
			unattributedRejections,
		}),
	) as IDataObject;
};

describe('Voyado Engage pointTransaction.add: notAccepted rows mapped back to their items', () => {
	it('marks the rejected row with the reasons that concern it and the others accepted', async () => {
		const items = purchases(4, (index) => ({
			contactId: [CONTACT, OTHER_CONTACT, CONTACT, THIRD_CONTACT][index],
			definitionId: index === 3 ? 9 : 1,
		}));
		const { rawOutputs } = await addWithAnswer(items, (rows) => ({
			notAccepted: [rows[1], rows[3]],
			errorMessages: [
				`Contact ${OTHER_CONTACT} was not found`,
				'Point definition 9 does not exist',
				'Some rows were not accepted',
			],
			missingContactIds: [OTHER_CONTACT],
			missingDefinitionIds: [9],
		}));
		const output = rawOutputs[0][0];
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(output.map((item) => outcome(item.json))).toEqual([
			{ accepted: true },
			{
				accepted: false,
				errorMessages: [
					`Contact ${OTHER_CONTACT} was not found`,
					'Point definition 9 does not exist',
					'Some rows were not accepted',
				],
				missingContactIds: [OTHER_CONTACT],
				missingDefinitionIds: [],
			},
			{ accepted: true },
			{
				accepted: false,
				errorMessages: ['Point definition 9 does not exist', 'Some rows were not accepted'],
				missingContactIds: [],
				missingDefinitionIds: [9],
			},
		]);
		expect(output[1].json).toMatchObject(items[1]);
	});

	it('of two identical rows of which one was rejected, marks exactly one', async () => {
		const twin = purchases(1)[0];
		const items = [twin, { ...twin }, purchases(2)[1]];
		const { items: output } = await addWithAnswer(items, (rows) => ({
			notAccepted: [rows[1]],
			errorMessages: ['Duplicate row'],
		}));
		expect(output.map((item) => item.json.accepted)).toEqual([false, true, true]);
		expect(output[0].json.errorMessages).toEqual(['Duplicate row']);
		expect(output[1].json).not.toHaveProperty('errorMessages');
	});

	it('marks both identical rows when both came back', async () => {
		const twin = purchases(1)[0];
		const { items: output } = await addWithAnswer([twin, { ...twin }], (rows) => ({
			notAccepted: [rows[0], rows[1]],
		}));
		expect(output.map((item) => item.json.accepted)).toEqual([false, false]);
	});

	it('recognises rows Engage echoes normalised: PascalCase, other casing of the GUID, dates in another notation', async () => {
		const items = purchases(3).map((row) => ({ ...row, validTo: '2027-01-01T00:00:00Z' }));
		engage()
			.post(TRANSACTIONS)
			.reply(200, {
				NotAccepted: [
					{
						ContactId: CONTACT.toUpperCase(),
						Amount: 2.0,
						DefinitionId: 1,
						Source: 'Purchase',
						Description: 'Order 1001',
						TimeStamp: null,
						ValidFrom: null,
						ValidTo: '2027-01-01T00:00:00+00:00',
					},
				],
				ErrorMessages: ['Row skipped'],
				MissingContactIds: [CONTACT.toUpperCase()],
				MissingDefinitionIds: [],
			});
		const { items: output } = await runVoyado(
			{ ...addFromItems, additionalFields: { validTo: '={{ $json.validTo }}' } },
			{ items },
		);
		expect(output.map((item) => item.json.accepted)).toEqual([true, false, true]);
		expect(output[1].json).toMatchObject({
			errorMessages: ['Row skipped'],
			missingContactIds: [CONTACT.toUpperCase()],
		});
	});

	it('matches on fewer fields when a rejected row comes back with changed dates', async () => {
		const items = purchases(2);
		const { items: output } = await addWithAnswer(items, (rows) => ({
			notAccepted: [{ ...rows[1], timeStamp: '2026-01-01T00:00:00' }],
		}));
		expect(output.map((item) => item.json.accepted)).toEqual([true, false]);
	});

	it('tells rows apart by a date sent without time that Engage echoes with one', async () => {
		const items = purchases(2, (index) => ({
			amount: 10,
			description: 'Welcome bonus',
			validTo: ['2027-01-01', '2026-01-01'][index],
		}));
		engage()
			.post(TRANSACTIONS)
			.reply(({ body }) => [
				200,
				{ notAccepted: [{ ...(body as IDataObject[])[1], validTo: '2026-01-01T00:00:00' }] },
			]);
		const { items: output } = await runVoyado(
			{ ...addFromItems, additionalFields: { validTo: '={{ $json.validTo }}' } },
			{ items },
		);
		expect(output.map((item) => [item.json.validTo, item.json.accepted])).toEqual([
			['2027-01-01', true],
			['2026-01-01', false],
		]);
	});

	it('tells rows apart by the dates they were sent with when Engage fills in the ones left empty', async () => {
		const items = purchases(3, (index) => ({
			amount: 10,
			description: 'Welcome bonus',
			validTo: ['2027-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z'][index],
		}));
		const now = '2026-05-20T08:15:00';
		engage()
			.post(TRANSACTIONS)
			.reply(({ body }) => [
				200,
				{
					notAccepted: [
						{
							...(body as IDataObject[])[1],
							timeStamp: now,
							validFrom: now,
							validTo: '2026-01-01T00:00:00+00:00',
						},
					],
					errorMessages: ['ValidTo must be after ValidFrom'],
				},
			]);
		const { items: output } = await runVoyado(
			{ ...addFromItems, additionalFields: { validTo: '={{ $json.validTo }}' } },
			{ items },
		);
		expect(output.map((item) => item.json.accepted)).toEqual([true, false, true]);
		expect(output[1].json.errorMessages).toEqual(['ValidTo must be after ValidFrom']);
	});

	it('gives messages that name a contact only to that contact’s rows', async () => {
		const items = purchases(2, (index) => ({ contactId: index === 0 ? CONTACT : OTHER_CONTACT }));
		const { items: output } = await addWithAnswer(items, (rows) => ({
			notAccepted: rows,
			errorMessages: [`No contact ${CONTACT}`, `No contact ${OTHER_CONTACT.toUpperCase()}`],
			missingContactIds: [CONTACT, OTHER_CONTACT],
		}));
		expect(output.map((item) => [item.json.errorMessages, item.json.missingContactIds])).toEqual([
			[[`No contact ${CONTACT}`], [CONTACT]],
			[[`No contact ${OTHER_CONTACT.toUpperCase()}`], [OTHER_CONTACT]],
		]);
	});

	it('maps rejections within their own batch', async () => {
		engage()
			.post(TRANSACTIONS)
			.reply(200, {})
			.post(TRANSACTIONS)
			.reply(({ body }) => [200, { notAccepted: [(body as IDataObject[])[0]] }]);
		const { items } = await runVoyado(
			{ ...addFromItems, options: { batchSize: 2 } },
			{ items: purchases(4) },
		);
		expect(items.map((item) => item.json.accepted)).toEqual([true, true, false, true]);
	});

	it('does not guess when Engage names a row this batch did not send, but says so on every row', async () => {
		const stranger = {
			contactId: THIRD_CONTACT,
			amount: 1,
			definitionId: 1,
			source: 'x',
			description: 'y',
		};
		const { items: output } = await addWithAnswer(purchases(2), () => ({
			notAccepted: [stranger],
		}));
		expect(output.map((item) => outcome(item.json))).toEqual([
			{ accepted: true, unattributedRejections: [stranger] },
			{ accepted: true, unattributedRejections: [stranger] },
		]);
	});

	it('maps 200 rejected rows out of 1000 without mixing them up', async () => {
		const items = purchases(1000, (index) => ({ amount: index % 10 }));
		const rejected = new Set(Array.from({ length: 200 }, (_, index) => index * 5 + 3));
		const { items: output } = await addWithAnswer(items, (rows) => ({
			notAccepted: rows.filter((_, index) => rejected.has(index)).reverse(),
		}));
		expect(
			output.map((item, index) => item.json.accepted === !rejected.has(index)).every(Boolean),
		).toBe(true);
	});
});
