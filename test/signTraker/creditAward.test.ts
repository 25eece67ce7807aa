import { BASE, runSignTraker } from './helpers';
import { mockApi } from '../harness/mockApi';

const award = (id: number) => ({
	Id: id,
	Name: `Award ${id}`,
	TotalAmount: 10,
	AwardedTo: { Id: 42, Name: 'Jane' },
});
const awards = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => award(from + index));

describe('SignTraker credit awards: Get Many', () => {
	it('sends the filters and OData options exactly as the SDK does, with limit as $top', async () => {
		mockApi(BASE)
			.get('/api/credits/awards')
			.query({
				awardedTo: '42',
				$filter: "Name eq 'Spring'",
				$orderby: 'Name desc',
				$select: 'Id,Name',
				$skip: '5',
				$top: '10',
			})
			.reply(200, awards(1, 3));
		const { items, rawOutputs } = await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			limit: 10,
			filters: { awardedTo: '42', filter: "Name eq 'Spring'" },
			options: { orderBy: 'Name desc', select: 'Id,Name', skip: 5 },
		});
		expect(items.map((item) => item.json)).toEqual(awards(1, 3));
		expect(rawOutputs[0][0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
	});

	it('asks for only as many records as the limit when it is smaller than a page', async () => {
		mockApi(BASE).get('/api/credits/awards').query({ $top: '5' }).reply(200, awards(1, 5));
		const { items } = await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			limit: 5,
		});
		expect(items).toHaveLength(5);
	});

	it('Return All pages with $top/$skip until a short page', async () => {
		mockApi(BASE)
			.get('/api/credits/awards')
			.query({ $top: '100' })
			.reply(200, awards(1, 100))
			.get('/api/credits/awards')
			.query({ $top: '100', $skip: '100' })
			.reply(200, awards(101, 100))
			.get('/api/credits/awards')
			.query({ $top: '100', $skip: '200' })
			.reply(200, awards(201, 37));
		const { items } = await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			returnAll: true,
		});
		expect(items).toHaveLength(237);
		expect(items[236].json.Id).toBe(237);
	});

	it('stops exactly at a limit that spans pages without fetching another page', async () => {
		mockApi(BASE)
			.get('/api/credits/awards')
			.query({ $top: '100' })
			.reply(200, awards(1, 100))
			.get('/api/credits/awards')
			.query({ $top: '50', $skip: '100' })
			.reply(200, awards(101, 50));
		const { items } = await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			limit: 150,
		});
		expect(items).toHaveLength(150);
	});

	it('lists the awards of each input item, paired with that item', async () => {
		mockApi(BASE)
			.get('/api/credits/awards')
			.query({ awardedTo: '1', $top: '50' })
			.reply(200, awards(1, 2))
			.get('/api/credits/awards')
			.query({ awardedTo: '2', $top: '50' })
			.reply(200, awards(3, 1));
		const { rawOutputs } = await runSignTraker(
			{
				resource: 'creditAward',
				operation: 'getAll',
				filters: { awardedTo: '={{ $json.agent }}' },
			},
			{ items: [{ agent: 1 }, { agent: 2 }] },
		);
		expect(rawOutputs[0][0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
		]);
	});

	it('Return All starts at Skip and pages on from there', async () => {
		mockApi(BASE)
			.get('/api/credits/awards')
			.query({ $top: '100', $skip: '5' })
			.reply(200, awards(6, 100))
			.get('/api/credits/awards')
			.query({ $top: '100', $skip: '105' })
			.reply(200, awards(106, 2));
		const { items } = await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			returnAll: true,
			options: { skip: 5 },
		});
		expect(items.map((item) => item.json.Id)).toEqual(awards(6, 102).map((entry) => entry.Id));
	});

	it('joins Order By and Select given as lists of fields, as the SDK does', async () => {
		mockApi(BASE)
			.get('/api/credits/awards')
			.query({ $orderby: 'Name desc,Id', $select: 'Id,Name', $top: '50' })
			.reply(200, awards(1, 1));
		const { items } = await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			options: { orderBy: '={{ ["Name desc", "Id"] }}', select: '={{ ["Id", "Name"] }}' },
		});
		expect(items).toHaveLength(1);
	});

	it.each([
		[
			{ options: { skip: -1 } },
			'The parameter "Skip" must be a whole number of 0 or more, got -1 (item 0)',
		],
		[
			{ options: { skip: '={{ 2.5 }}' } },
			'The parameter "Skip" must be a whole number of 0 or more, got 2.5 (item 0)',
		],
		[
			{ filters: { filter: '={{ { Name: "Spring" } }}' } },
			'The parameter "Filter (OData)" must be text, got {"Name":"Spring"} (item 0)',
		],
		[
			{ filters: { awardedTo: '={{ $json.missing }}' } },
			'The parameter "Awarded To (Agent ID)" is empty (item 0)',
		],
		[
			{ filters: { awardedTo: 'jane' } },
			'The parameter "Awarded To (Agent ID)" must be a whole number of 1 or more, got "jane" (item 0)',
		],
	])('rejects bad list input %j before any request', async (override, message) => {
		const { error, items } = await runSignTraker({
			resource: 'creditAward',
			operation: 'getAll',
			...override,
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(items).toHaveLength(0);
	});

	it('reports a list response that is not an array', async () => {
		mockApi(BASE).get('/api/credits/awards').query(true).reply(200, { value: [] });
		const { error } = await runSignTraker({ resource: 'creditAward', operation: 'getAll' });
		expect(error?.message).toBe('SignTraker sent a list response that is not a JSON array');
	});
});

describe('SignTraker credit awards: Create', () => {
	const base = {
		resource: 'creditAward',
		operation: 'create',
		name: 'Spring',
		awardedTo: '42',
		totalAmount: 100,
	};

	it('posts the documented award body and outputs the created award', async () => {
		mockApi(BASE)
			.post('/api/credits/awards', {
				Name: 'Spring',
				AwardedTo: { Id: 42 },
				TotalAmount: 100,
				ExpirationDate: '2026-12-31T00:00:00Z',
				Restrictions: ['Printing'],
				Notes: 'from n8n',
			})
			.matchHeader('content-type', /application\/json/)
			.reply(200, { Id: 2, Name: 'Spring' });
		const { items, rawOutputs } = await runSignTraker({
			...base,
			additionalFields: {
				expirationDate: '2026-12-31T00:00:00Z',
				restrictions: ['Printing'],
				extraJson: '{"Notes": "from n8n"}',
			},
		});
		expect(items.map((item) => item.json)).toEqual([{ Id: 2, Name: 'Spring' }]);
		expect(rawOutputs[0][0][0].pairedItem).toEqual({ item: 0 });
	});

	it('leaves out optional fields that were not given', async () => {
		mockApi(BASE)
			.post('/api/credits/awards', { Name: 'Spring', AwardedTo: { Id: 42 }, TotalAmount: 100 })
			.reply(201, { Id: 3 });
		const { items } = await runSignTraker(base);
		expect(items[0].json).toEqual({ Id: 3 });
	});

	it.each([
		['a single value', 'Printing'],
		['comma-separated text', ' Printing, '],
		['a list', '={{ ["Printing"] }}'],
	])('sends Restrictions given as %s as a list', async (_, restrictions) => {
		mockApi(BASE)
			.post('/api/credits/awards', {
				Name: 'Spring',
				AwardedTo: { Id: 42 },
				TotalAmount: 100,
				Restrictions: ['Printing'],
			})
			.reply(200, { Id: 4 });
		const { items } = await runSignTraker({ ...base, additionalFields: { restrictions } });
		expect(items[0].json).toEqual({ Id: 4 });
	});

	it('outputs { success: true, awardedTo } when the API answers with an empty body', async () => {
		mockApi(BASE).post('/api/credits/awards').reply(204);
		const { items } = await runSignTraker(base);
		expect(items.map((item) => item.json)).toEqual([{ success: true, awardedTo: 42 }]);
	});

	it('awards one credit per input item with values from expressions', async () => {
		mockApi(BASE)
			.post('/api/credits/awards', { Name: 'Deal A', AwardedTo: { Id: 1 }, TotalAmount: 5 })
			.reply(200, { Id: 10 })
			.post('/api/credits/awards', { Name: 'Deal B', AwardedTo: { Id: 2 }, TotalAmount: 7.5 })
			.reply(200, { Id: 11 });
		const { items, rawOutputs } = await runSignTraker(
			{
				...base,
				name: '={{ $json.deal }}',
				awardedTo: '={{ $json.agent }}',
				totalAmount: '={{ $json.amount }}',
			},
			{
				items: [
					{ deal: 'Deal A', agent: 1, amount: 5 },
					{ deal: 'Deal B', agent: '2', amount: '7.5' },
				],
			},
		);
		expect(items.map((item) => item.json.Id)).toEqual([10, 11]);
		expect(rawOutputs[0][0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it.each([
		[
			{ awardedTo: 'abc' },
			'The parameter "Awarded To (Agent ID)" must be a whole number of 1 or more, got "abc" (item 0)',
		],
		[
			{ awardedTo: '4.5' },
			'The parameter "Awarded To (Agent ID)" must be a whole number of 1 or more, got "4.5" (item 0)',
		],
		[{ name: ' ' }, 'The parameter "Name" is required but empty (item 0)'],
		[
			{ totalAmount: '={{ "lots" }}' },
			'The parameter "Total Amount" must be a number, got "lots" (item 0)',
		],
		[
			{ additionalFields: { extraJson: '{"Notes": ' } },
			'The parameter "Extra Fields (JSON)" is not valid JSON',
		],
		[
			{ additionalFields: { extraJson: '[1, 2]' } },
			'The parameter "Extra Fields (JSON)" must be a JSON object such as {"Field": "value"}, got [1,2] (item 0)',
		],
		[
			{ additionalFields: { extraJson: '{"TotalAmount": 5}' } },
			'The parameter "Extra Fields (JSON)" repeats TotalAmount, which other parameters already set (item 0)',
		],
		[
			{ additionalFields: { extraJson: '{"totalAmount": 5, "awardedTo": {"Id": 1}}' } },
			'The parameter "Extra Fields (JSON)" repeats totalAmount, awardedTo, which other parameters already set (item 0)',
		],
		[
			{ additionalFields: { restrictions: '={{ { Printing: true } }}' } },
			'The parameter "Restrictions" must be a list of restrictions such as ["Printing"], got {"Printing":true} (item 0)',
		],
		[
			{ additionalFields: { expirationDate: 'next week' } },
			'The parameter "Expiration Date" must be a real date',
		],
	])('rejects bad input %j before any request', async (override, message) => {
		const { error, items } = await runSignTraker({ ...base, ...override });
		expect(error?.message).toContain(message);
		expect(error?.name).toBe('NodeOperationError');
		expect(items).toHaveLength(0);
	});

	it('never repeats a create that failed with 503, so no award is doubled', async () => {
		mockApi(BASE)
			.post('/api/credits/awards')

			.reply(503, { Message: 'Try later' });
		const { error } = await runSignTraker(base);
		expect(error?.message).toBe('Try later');
		expect(error?.description).toContain('not repeated automatically');
	});
});
