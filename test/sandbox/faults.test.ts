import { useSandbox } from './sandboxProcess';

const CONTACT = '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b';
const TRANSACTIONS = '/api/v2/point-accounts/transactions';
const headers = {
	apikey: 'sandbox-voyado-key',
	'Content-Type': 'application/json',
	'User-Agent': 'test/1',
};
const sandbox = useSandbox();

const injectFault = (rule: object) =>
	sandbox().request('/__faults', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(rule),
	});
const addPoints = (amount: number, key = 'order-7') =>
	sandbox().request(`/voyado${TRANSACTIONS}`, {
		method: 'POST',
		headers: { ...headers, 'Idempotency-Key': key },
		body: JSON.stringify([
			{ contactId: CONTACT, definitionId: 1, amount, source: 'Purchase', description: 'test' },
		]),
	});
const balance = async () =>
	(await sandbox().request('/voyado/api/v2/point-accounts/1001', { headers })).json<{
		balance: number;
	}>().balance;
const getAgent = (signal?: AbortSignal) =>
	sandbox().request('/signtraker/api/agents/101', {
		headers: { Authorization: 'ST-API sandbox-signtraker-key' },
		signal,
	});

/** What the sandbox recorded of the Voyado POSTs: status, fault and replay of each. */
const recordedPosts = async () =>
	(await sandbox().recorded('voyado')).filter((request) => request.method === 'POST');

/** The code of the network error fetch reports when the sandbox closes the connection without an answer. */
async function connectionError(reply: Promise<unknown>): Promise<string | undefined> {
	const failure = await reply.then(
		() => undefined,
		(error: { message?: string; cause?: { code?: string } }) => error,
	);
	expect(failure?.message).toBe('fetch failed');
	return failure?.cause?.code;
}

describe('sandbox: fault injection', () => {
	it('dropBefore closes the connection without applying the request, once', async () => {
		expect(
			(
				await injectFault({
					provider: 'voyado',
					method: 'POST',
					path: TRANSACTIONS,
					kind: 'dropBefore',
				})
			).status,
		).toBe(200);
		expect(await connectionError(addPoints(10))).toBe('UND_ERR_SOCKET');
		expect(await balance()).toBe(250);

		expect((await addPoints(10)).status).toBe(200);
		expect(await balance()).toBe(260);
		const posts = await recordedPosts();
		expect(posts.map(({ status, fault, replayed }) => ({ status, fault, replayed }))).toEqual([
			{ status: 0, fault: 'dropBefore', replayed: false },
			{ status: 200, replayed: false },
		]);
	});

	it('dropAfter applies the request, then closes the connection; a repeat with the same key is replayed', async () => {
		await injectFault({ provider: 'voyado', path: TRANSACTIONS, kind: 'dropAfter' });
		expect(await connectionError(addPoints(10))).toBe('UND_ERR_SOCKET');
		expect(await balance()).toBe(260);

		expect((await addPoints(10)).status).toBe(200);
		expect(await balance()).toBe(260);
		const posts = await recordedPosts();
		expect(
			posts.map(({ status, fault, replayed, appliedStatus }) => ({
				status,
				fault,
				replayed,
				appliedStatus,
			})),
		).toEqual([
			{ status: 0, fault: 'dropAfter', replayed: false, appliedStatus: 200 },
			{ status: 200, replayed: true },
		]);
	});

	it('noAnswer reads the request and never answers it; the next one is answered', async () => {
		await injectFault({
			provider: 'signtraker',
			method: 'GET',
			path: '/api/agents/101',
			kind: 'noAnswer',
		});
		const abort = new AbortController();
		const unanswered = getAgent(abort.signal);
		// Once the sandbox has recorded it, the request waits for an answer that never comes; the client gives up.
		let recorded = await sandbox().recorded('signtraker');
		while (recorded.length === 0) recorded = await sandbox().recorded('signtraker');
		abort.abort();
		await expect(unanswered).rejects.toThrow(/abort/i);
		expect(recorded.map(({ status, fault }) => ({ status, fault }))).toEqual([
			{ status: 0, fault: 'noAnswer' },
		]);

		expect((await getAgent()).status).toBe(200);
	});

	it('counts times, "always" never runs out, and reset clears every fault', async () => {
		await injectFault({ provider: 'voyado', path: TRANSACTIONS, kind: 'dropBefore', times: 2 });
		await connectionError(addPoints(1, 'a'));
		await connectionError(addPoints(1, 'b'));
		expect((await addPoints(1, 'c')).status).toBe(200);

		await injectFault({
			provider: 'voyado',
			path: TRANSACTIONS,
			kind: 'dropBefore',
			times: 'always',
		});
		for (const key of ['d', 'e', 'f']) await connectionError(addPoints(1, key));
		await sandbox().reset();
		expect((await addPoints(1, 'g')).status).toBe(200);
	});

	it('matches provider, method and path exactly', async () => {
		await injectFault({
			provider: 'voyado',
			method: 'GET',
			path: TRANSACTIONS,
			kind: 'dropBefore',
		});
		await injectFault({ provider: 'signtraker', path: TRANSACTIONS, kind: 'dropBefore' });
		await injectFault({ provider: 'voyado', path: `${TRANSACTIONS}/`, kind: 'dropBefore' });
		expect((await addPoints(1)).status).toBe(200);
	});

	it.each([
		[{ path: TRANSACTIONS, kind: 'dropBefore' }, /provider and a path/],
		[
			{ provider: 'voyado', path: TRANSACTIONS, kind: 'slow' },
			/kind is one of noAnswer, dropBefore, dropAfter/,
		],
		[
			{ provider: 'voyado', path: TRANSACTIONS, kind: 'dropBefore', times: 0 },
			/positive whole number or "always"/,
		],
		['not json', /provider and a path/],
	])('refuses the rule %j', async (rule, message) => {
		const reply = await sandbox().request('/__faults', {
			method: 'POST',
			body: typeof rule === 'string' ? rule : JSON.stringify(rule),
		});
		expect(reply.status).toBe(400);
		expect(reply.json<{ message: string }>().message).toMatch(message);
	});
});
