import { useSandbox } from './sandboxProcess';

const sandbox = useSandbox();

describe('sandbox server', () => {
	it('listens on 127.0.0.1 only', () => {
		expect(sandbox().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('records requests with their secrets redacted, and forgets them on reset', async () => {
		await sandbox().request('/voyado/api/v2/point-accounts/definitions?count=5', {
			headers: { apikey: 'sandbox-voyado-key', 'Content-Type': 'application/json' },
		});
		await sandbox().request('/waldur/api/customer-credits/', {
			headers: { Authorization: 'Token sandbox-waldur-token' },
		});
		const [voyado, waldur] = await sandbox().recorded();
		expect(voyado).toMatchObject({
			provider: 'voyado',
			method: 'GET',
			path: '/api/v2/point-accounts/definitions',
			query: { count: '5' },
			status: 200,
		});
		expect(voyado.headers.apikey).toBe('[redacted]');
		expect(waldur.headers.authorization).toBe('[redacted]');
		expect(JSON.stringify(await sandbox().recorded())).not.toMatch(
			/sandbox-(voyado-key|waldur-token)/,
		);
		expect(await sandbox().recorded('waldur')).toHaveLength(1);

		await sandbox().reset();
		expect(await sandbox().recorded()).toEqual([]);
	});

	it('names the providers on an unknown path', async () => {
		const reply = await sandbox().request('/');
		expect(reply.status).toBe(404);
		expect(Object.keys(reply.json<{ providers: object }>().providers)).toEqual([
			'signtraker',
			'voyado',
			'waldur',
			'spreedly',
			'openai',
		]);
	});
});
