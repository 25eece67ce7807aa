import { useSandbox } from './sandboxProcess';

const SITE = '/spreedly/api/v4/sandbox-test';
const authorization = `Basic ${Buffer.from('sandbox-spreedly-token:X').toString('base64')}`;
const sandbox = useSandbox();

const send = (method: string, path: string, body?: string) =>
	sandbox().request(`${SITE}${path}`, {
		method,
		headers: { authorization, 'Content-Type': 'application/xml' },
		body,
	});

describe('sandbox: Spreedly Subscriptions', () => {
	it('answers a wrong token with the plain-text 401', async () => {
		const reply = await sandbox().request(`${SITE}/subscribers.xml`, {
			headers: { authorization: `Basic ${Buffer.from('x:X').toString('base64')}` },
		});
		expect([reply.status, reply.text]).toEqual([401, 'HTTP Basic: Access denied.\n']);
	});

	it('lists plans with typed XML, including a free-trial plan', async () => {
		const reply = await send('GET', '/subscription_plans.xml');
		expect(reply.text).toContain('<subscription-plans type="array">');
		expect(reply.text).toContain('<id type="integer">45</id>');
		expect(reply.text).toContain('<plan-type>free_trial</plan-type>');
		expect(reply.text).toContain(
			'<charge-later-duration-quantity type="integer" nil="true"></charge-later-duration-quantity>',
		);
	});

	it('creates, reads, updates and deletes a subscriber; an empty list is nil-classes', async () => {
		const created = await send(
			'POST',
			'/subscribers.xml',
			'<subscriber><customer-id>77</customer-id><screen-name>A &amp; B</screen-name></subscriber>',
		);
		expect(created.status).toBe(201);
		expect(created.headers.get('location')).toMatch(/\/subscribers\/77\.xml$/);
		expect(created.text).toContain('<screen-name>A &amp; B</screen-name>');
		expect(
			(
				await send(
					'POST',
					'/subscribers.xml',
					'<subscriber><customer-id>77</customer-id></subscriber>',
				)
			).text,
		).toBe('A subscriber with a customer-id of 77 already exists.');

		const updated = await send(
			'PUT',
			'/subscribers/77.xml',
			'<subscriber><email>a@b.example</email><new-customer-id>78</new-customer-id></subscriber>',
		);
		expect([updated.status, updated.text]).toEqual([200, '']);
		const read = await send('GET', '/subscribers/78.xml');
		expect(read.text).toContain('<email>a@b.example</email>');
		expect(read.text).toContain('<invoices type="array"/>');

		expect((await send('DELETE', '/subscribers/78.xml')).status).toBe(200);
		expect((await send('GET', '/subscribers/78.xml')).text).toBe(
			'There is no subscriber with a customer id of 78',
		);
		expect((await send('DELETE', '/subscribers.xml')).status).toBe(200);
		expect((await send('GET', '/subscribers.xml')).text).toContain('<nil-classes type="array"/>');
	});

	it('gives complimentary time only where the rules allow it', async () => {
		const toActive = await send(
			'POST',
			'/subscribers/1001/complimentary_subscriptions.xml',
			'<complimentary-subscription><duration-quantity>1</duration-quantity><duration-units>months</duration-units><feature-level>pro</feature-level></complimentary-subscription>',
		);
		expect([toActive.status, toActive.text]).toEqual([
			403,
			'Complimentary subscriptions cannot be given to active subscribers.',
		]);
		const invalid = await send(
			'POST',
			'/subscribers/1002/complimentary_subscriptions.xml',
			'<complimentary-subscription><duration-units>weeks</duration-units></complimentary-subscription>',
		);
		expect(invalid.status).toBe(422);
		expect(invalid.text).toContain(
			"<error>Duration units must be either 'days' or 'months'</error>",
		);
		const given = await send(
			'POST',
			'/subscribers/1002/complimentary_subscriptions.xml',
			'<complimentary_subscription><duration_quantity>2</duration_quantity><duration_units>days</duration_units><feature_level>pro</feature_level></complimentary_subscription>',
		);
		expect(given.status).toBe(201);
		expect(given.text).toContain('<on-gift type="boolean">true</on-gift>');
	});

	it('subscribes to a free trial once, adds fees to recurring subscribers and keeps store credit non-negative', async () => {
		const trial = await send(
			'POST',
			'/subscribers/1002/subscribe_to_free_trial.xml',
			'<subscription-plan><id>45</id></subscription-plan>',
		);
		expect(trial.text).toContain('<on-trial type="boolean">true</on-trial>');
		const again = await send(
			'POST',
			'/subscribers/1002/subscribe_to_free_trial.xml',
			'<subscription-plan><id>45</id></subscription-plan>',
		);
		expect([again.status, again.text]).toEqual([
			403,
			'The subscriber is not eligible for a free trial',
		]);
		expect((await send('POST', '/subscribers/1002/allow_free_trial.xml')).text).toContain(
			'<eligible-for-free-trial type="boolean">true</eligible-for-free-trial>',
		);

		const fee =
			'<fee><name>Setup</name><description>d</description><group>g</group><amount>5.00</amount></fee>';
		expect((await send('POST', '/subscribers/1001/fees.xml', fee)).status).toBe(201);
		expect((await send('POST', '/subscribers/1002/fees.xml', fee)).status).toBe(422);

		expect(
			(await send('POST', '/subscribers/1001/credits.xml', '<credit><amount>5</amount></credit>'))
				.status,
		).toBe(201);
		const overdrawn = await send(
			'POST',
			'/subscribers/1001/credits.xml',
			'<credit><amount>-6</amount></credit>',
		);
		expect(overdrawn.status).toBe(422);
		expect((await send('GET', '/subscribers/1001.xml')).text).toContain(
			'<store-credit type="decimal">5.0</store-credit>',
		);
	});
});
