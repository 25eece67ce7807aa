import { API, HOST, runSpreedly, spreedlyApi, TEXT } from './helpers';
import { skipBackoffSleeps } from '../harness/backoff';

const sleep = skipBackoffSleeps();

describe('Spreedly writes whose answer was lost', () => {
	it('does not repeat a rename, whose old customer ID is gone after the first try', async () => {
		const api = spreedlyApi();
		api.put(`${API}/subscribers/42.xml`).delay(4500).reply(200, '');
		const { error } = await runSpreedly({
			resource: 'subscriber',
			operation: 'update',
			customerId: '42',
			updateFields: { newCustomerId: '43' },
			options: { timeout: 1500 },
		});
		expect(api.requests()).toHaveLength(1);
		expect(error?.message).toBe('Spreedly did not answer within 1500 ms');
		expect(sleep).not.toHaveBeenCalled();
	});

	it('still repeats an ordinary update (a PUT of the same values)', async () => {
		const api = spreedlyApi();
		api
			.put(`${API}/subscribers/42.xml`)
			.delay(4500)
			.reply(200, '')
			.put(`${API}/subscribers/42.xml`)
			.reply(200, '');
		const { items } = await runSpreedly({
			resource: 'subscriber',
			operation: 'update',
			customerId: '42',
			updateFields: { email: 'new@example.com' },
			options: { timeout: 1500 },
		});
		expect(api.requests()).toHaveLength(2);
		expect(items[0].json).toMatchObject({ success: true, customerId: '42' });
	});

	it('says that a delete may already have happened when the retry finds nothing', async () => {
		const api = spreedlyApi(HOST);
		api
			.delete(`${API}/subscribers/42.xml`)
			.delay(4500)
			.reply(200, '')
			.delete(`${API}/subscribers/42.xml`)
			.reply(404, 'There is no subscriber with a customer id of 42', TEXT);
		const { error } = await runSpreedly({
			resource: 'subscriber',
			operation: 'delete',
			customerId: '42',
			options: { timeout: 1500 },
		});
		expect(api.requests()).toHaveLength(2);
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toContain(
			'An earlier attempt got no answer and may already have done this',
		);
	});
});
