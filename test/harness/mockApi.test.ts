import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

import { finishMockedApis, mockApi, requests } from './mockApi';

const BASE = 'https://api.example.com';

/** The problems the check after each test would report, without failing this test. */
const problemsNow = () => finishMockedApis();

describe('the shared HTTP mock', () => {
	it('records a request in the one wire shape and answers with the declared reply', async () => {
		const api = mockApi(BASE);
		api.post('/things', { name: 'x' }).query({ a: '1' }).reply(201, { id: 7 });
		const response = await fetch(`${BASE}/things?a=1`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Key': 'k' },
			body: JSON.stringify({ name: 'x' }),
		});
		expect(response.status).toBe(201);
		expect(await response.json()).toEqual({ id: 7 });
		expect(api.requests()).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: '/things',
				query: { a: '1' },
				body: { name: 'x' },
				url: `${BASE}/things?a=1`,
				headers: expect.objectContaining({ 'x-key': 'k', 'content-type': 'application/json' }),
			}),
		]);
		expect(requests()).toEqual(api.requests());
		expect(problemsNow()).toEqual([]);
	});

	it('reports a declared reply nobody asked for', () => {
		mockApi(BASE).get('/unused').reply(200, {});
		expect(problemsNow()).toEqual([`a declared reply was never asked for: GET ${BASE}/unused`]);
	});

	it('reports a request nothing declared (another query, path or a second request)', async () => {
		mockApi(BASE).get('/once').query({ page: '1' }).reply(200, []);
		await fetch(`${BASE}/once?page=1`);
		await expect(fetch(`${BASE}/once?page=1`)).rejects.toThrow();
		await expect(fetch(`${BASE}/once?page=2`)).rejects.toThrow();
		expect(problemsNow()).toEqual([
			`a request no test declared: GET https://api.example.com:443/once?page=1`,
			`a request no test declared: GET https://api.example.com:443/once?page=2`,
		]);
	});

	it('reports a request without the headers the API requires', async () => {
		mockApi(BASE, { headers: { apikey: 'secret', 'user-agent': /^n8n/ } })
			.get('/x')
			.reply(200, {});
		await fetch(`${BASE}/x`, { headers: { apikey: 'wrong', 'user-agent': 'n8n-test' } });
		expect(problemsNow()).toEqual(['GET /x: header apikey is "wrong", expected secret']);
	});

	it("reports the problems the API's check finds, and a violation expected but not found", async () => {
		const api = mockApi(BASE, {
			check: (request, response) => (response?.status === 500 ? [`${request.path}: 500`] : []),
		});
		api.get('/bad').reply(500, {});
		api.get('/good').reply({ status: 200, body: {}, violates: /500/ });
		api.get('/expected').reply({ status: 500, body: {}, violates: /500/ });
		await fetch(`${BASE}/bad`);
		await fetch(`${BASE}/good`);
		await fetch(`${BASE}/expected`);
		expect(problemsNow()).toEqual([
			'/bad: 500',
			'expected a problem matching /500/, but the exchange was valid',
		]);
	});

	it("answers 'any' number of times, at least once, and replies from a function or with a network error", async () => {
		const api = mockApi(BASE);
		api
			.get(/\/items\/\d+$/)
			.times('any')
			.reply((request) => [200, { path: request.path }]);
		api.get('/down').reply({ networkError: 'ECONNRESET' });
		expect(await (await fetch(`${BASE}/items/1`)).json()).toEqual({ path: '/items/1' });
		expect(await (await fetch(`${BASE}/items/2`)).json()).toEqual({ path: '/items/2' });
		await expect(fetch(`${BASE}/down`)).rejects.toThrow();
		expect(api.requests().map((request) => request.path)).toEqual([
			'/items/1',
			'/items/2',
			'/down',
		]);
		expect(problemsNow()).toEqual([]);
		mockApi(BASE).get('/never').times('any').reply(200, {});
		expect(problemsNow()).toEqual([`a declared reply was never asked for: GET ${BASE}/never`]);
	});
});

describe('one HTTP-mocking style', () => {
	it('has no test outside the shared mock that uses nock itself', () => {
		const root = join(__dirname, '..');
		const plumbing = ['harness/mockApi.ts', 'harness/setupNock.ts'];
		const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
			.filter((file) => /\.(ts|js|mjs)$/.test(file))
			.map((file) => relative(root, join(root, file)).split('\\').join('/'))
			.filter((file) => !plumbing.includes(file));
		expect(files.length).toBeGreaterThan(40);
		const usingNock = files.filter((file) =>
			/from ['"]nock['"]|require\(['"]nock['"]\)|import\(['"]nock['"]\)/.test(
				readFileSync(join(root, file), 'utf8'),
			),
		);
		expect(usingNock).toEqual([]);
	});
});
