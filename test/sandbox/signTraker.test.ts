import { useSandbox } from './sandboxProcess';

const auth = { Authorization: 'ST-API sandbox-signtraker-key' };
const sandbox = useSandbox();

describe('sandbox: SignTraker', () => {
	it('rejects a wrong key with 401 and the Web API message', async () => {
		const reply = await sandbox().request('/signtraker/api/agents', {
			headers: { Authorization: 'ST-API wrong' },
		});
		expect(reply.status).toBe(401);
		expect(reply.json()).toEqual({ Message: 'Authorization has been denied for this request.' });
	});

	it('finds an agent by email as a bare array', async () => {
		const reply = await sandbox().request('/signtraker/api/agents?email=JANE@example.com', {
			headers: auth,
		});
		expect(reply.json()).toEqual([expect.objectContaining({ Id: 101, Email: 'jane@example.com' })]);
	});

	it('answers an unknown agent with an empty 404', async () => {
		const reply = await sandbox().request('/signtraker/api/agents/999', { headers: auth });
		expect(reply.status).toBe(404);
		expect(reply.text).toBe('');
	});

	it('lists an award after creating it, filtered by agent and paged with $top/$skip', async () => {
		const award = {
			Name: 'Spring',
			AwardedTo: { Id: 101 },
			TotalAmount: 100,
			Restrictions: ['Printing'],
		};
		const created = await sandbox().request('/signtraker/api/credits/awards', {
			method: 'POST',
			headers: { ...auth, 'Content-Type': 'application/json' },
			body: JSON.stringify(award),
		});
		expect(created.status).toBe(200);
		const record = created.json<{ Id: number; AwardedTo: unknown; RemainingAmount: number }>();
		expect(record).toMatchObject({
			Name: 'Spring',
			AwardedTo: { Id: 101, Name: 'Jane Doe' },
			RemainingAmount: 100,
		});

		const listed = await sandbox().request('/signtraker/api/credits/awards?awardedTo=101&$top=10', {
			headers: auth,
		});
		expect(listed.json<Array<{ Id: number }>>().map((entry) => entry.Id)).toEqual([record.Id]);
		const secondPage = await sandbox().request(
			'/signtraker/api/credits/awards?$top=1&$skip=1&$orderby=Id&$select=Id',
			{ headers: auth },
		);
		expect(secondPage.json()).toEqual([{ Id: record.Id }]);
	});

	it('rejects an invalid award and a malformed $filter with 400 bodies', async () => {
		const invalid = await sandbox().request('/signtraker/api/credits/awards', {
			method: 'POST',
			headers: { ...auth, 'Content-Type': 'application/json' },
			body: JSON.stringify({ Name: '', AwardedTo: { Id: 5 } }),
		});
		expect(invalid.status).toBe(400);
		expect(Object.keys(invalid.json<{ ModelState: object }>().ModelState)).toEqual(
			expect.arrayContaining(['award.Name', 'award.TotalAmount', 'award.AwardedTo']),
		);
		const malformed = await sandbox().request('/signtraker/api/credits/awards?$filter=(', {
			headers: auth,
		});
		expect(malformed.status).toBe(400);
		expect(malformed.json<{ Message: string }>().Message).toMatch(
			/^The query specified in the URI is not valid/,
		);
	});
});
