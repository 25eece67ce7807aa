import { useSandbox } from './sandboxProcess';

const headers = { Authorization: 'Token sandbox-waldur-token', 'Content-Type': 'application/json' };
const PROJECT_CREDIT = '9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c51';
const FREE_PROJECT = '4e0b7a1f3d2c4b8e9f6a7b8c9d0e1f22';
const sandbox = useSandbox();

const send = (method: string, path: string, body?: object) =>
	sandbox().request(`/waldur${path}`, {
		method,
		headers,
		body: body ? JSON.stringify(body) : undefined,
	});
const projectUrl = (uuid: string) => `https://waldur.example.com/api/projects/${uuid}/`;

describe('sandbox: Waldur', () => {
	it('answers DRF auth errors', async () => {
		const missing = await sandbox().request('/waldur/api/project-credits/');
		expect(missing.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
		const wrong = await sandbox().request('/waldur/api/project-credits/', {
			headers: { Authorization: 'Token nope' },
		});
		expect([wrong.status, wrong.json()]).toEqual([401, { detail: 'Invalid token.' }]);
	});

	it('redirects a read without the trailing slash and refuses a write without it', async () => {
		const read = await send('GET', '/api/project-credits');
		expect(read.status).toBe(301);
		expect(read.headers.get('location')).toMatch(/\/waldur\/api\/project-credits\/$/);
		expect((await send('POST', '/api/project-credits', {})).status).toBe(404);
	});

	it('pages with page/page_size, a Link header and X-Result-Count', async () => {
		await send('POST', '/api/project-credits/', { project: projectUrl(FREE_PROJECT), value: '10' });
		const first = await send('GET', '/api/project-credits/?page_size=1');
		expect(first.headers.get('x-result-count')).toBe('2');
		expect(first.headers.get('link')).toMatch(/<[^>]*page=2[^>]*>; rel="next"/);
		const last = await send('GET', '/api/project-credits/?page_size=1&page=2');
		expect(last.headers.get('link')).not.toMatch(/rel="next"/);
		expect((await send('GET', '/api/project-credits/?page=3&page_size=1')).status).toBe(404);
	});

	it('creates a credit with decimals as strings and validates like DRF', async () => {
		const created = await send('POST', '/api/project-credits/', {
			project: projectUrl(FREE_PROJECT),
			value: '300.5',
			end_date: '2027-01-01',
		});
		expect(created.status).toBe(201);
		expect(created.json()).toMatchObject({
			value: '300.50',
			end_date: '2027-01-01',
			project_uuid: FREE_PROJECT,
		});

		const notFirst = await send('POST', '/api/project-credits/', {
			project: projectUrl(FREE_PROJECT),
			value: '1',
			end_date: '2027-01-15',
		});
		expect([notFirst.status, notFirst.json()]).toEqual([
			400,
			{ end_date: ['End date must be the first day of a month.'] },
		]);
		const noProject = await send('POST', '/api/project-credits/', { value: '1' });
		expect(noProject.json()).toEqual({ project: ['This field is required.'] });
		const tooMuch = await send('PATCH', `/api/project-credits/${PROJECT_CREDIT}/`, {
			value: '99999',
		});
		expect(tooMuch.json()).toEqual([
			'The sum of project credits cannot exceed the credit for organization.',
		]);
	});

	it('forgets a deleted credit', async () => {
		expect((await send('DELETE', `/api/project-credits/${PROJECT_CREDIT}/`)).status).toBe(204);
		const gone = await send('GET', `/api/project-credits/${PROJECT_CREDIT}/`);
		expect([gone.status, gone.json()]).toEqual([404, { detail: 'Not found.' }]);
	});

	it('filters customer credits and lists their consumptions', async () => {
		const credits = await send('GET', '/api/customer-credits/?customer_slug=acme-research');
		const [credit] = credits.json<Array<{ uuid: string; allocated_to_projects: number }>>();
		expect(credit.allocated_to_projects).toBe(500);
		const consumptions = await send('GET', `/api/customer-credits/${credit.uuid}/consumptions/`);
		expect(consumptions.json()).toEqual([
			expect.objectContaining({ date: '2026-01-01' }),
			expect.objectContaining({ date: '2026-02-01' }),
		]);
		expect((await send('GET', '/api/project-credits/?project_uuid=nope')).json()).toEqual({
			project_uuid: ['Enter a valid UUID.'],
		});
	});
});
