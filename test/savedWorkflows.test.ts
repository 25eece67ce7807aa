import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { runSignTraker } from './signTraker/helpers';
import { API, fixture, runSpreedly, XML } from './spreedlySubscriptions/helpers';
import { BASE as VOYADO, recordPosts, runVoyado } from './voyadoEngage/helpers';
import { BASE as WALDUR, runWaldur } from './waldur/helpers';
import { mockApi } from './harness/mockApi';

/**
 * Workflows saved before the IDs became pickers hold plain values in the same parameters. This file
 * replays such a saved workflow's nodes (test/fixtures/workflows) through the real engine.
 */
const saved = JSON.parse(
	readFileSync(join(__dirname, 'fixtures', 'workflows', 'saved-before-pickers.json'), 'utf8'),
) as { nodes: Array<{ name: string; parameters: IDataObject; typeVersion: number }> };

function parametersOf(name: string): IDataObject {
	const node = saved.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`no node "${name}" in the saved workflow`);
	expect(node.typeVersion).toBe(1);
	return node.parameters;
}

describe('a workflow saved before the pickers keeps working', () => {
	it('SignTraker: a plain agent ID, and IDs from expressions', async () => {
		mockApi('https://acme.signtraker.com')
			.get('/api/agents/101')
			.reply(200, { Id: 101 })
			.post('/api/credits/awards', {
				Name: 'Spring promotion',
				AwardedTo: { Id: 101 },
				TotalAmount: 50,
			})
			.reply(200, { Id: 2 })
			.get('/api/credits/awards')
			.query({ awardedTo: '101', $top: '50' })
			.reply(200, []);
		expect((await runSignTraker(parametersOf('Get agent'))).items[0].json).toEqual({ Id: 101 });
		const item = { items: [{ Id: 101 }] };
		expect((await runSignTraker(parametersOf('Award credit'), item)).error).toBeUndefined();
		expect((await runSignTraker(parametersOf("Agent's awards"), item)).error).toBeUndefined();
	});

	it('Voyado: a definition ID saved as a number or as text', async () => {
		const { posts } = recordPosts(1);
		await runVoyado(parametersOf('Add points'));
		expect(posts[0].body[0]).toMatchObject({ definitionId: 1, amount: 39 });
		mockApi(VOYADO)
			.get('/api/v2/point-accounts/transactions')
			.query({
				contactId: '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b',
				definitionId: '2',
				offset: '0',
				count: '50',
			})
			.reply(200, { items: [], totalCount: 0 });
		expect((await runVoyado(parametersOf('Transactions'))).error).toBeUndefined();
	});

	it('Waldur: a project URL and a credit UUID from an expression', async () => {
		const uuid = 'b3f1c2d4e5a64789b0c1d2e3f4a5b6c7';
		mockApi(WALDUR)
			.post('/api/project-credits/', {
				project: `${WALDUR}/api/projects/6c9b2f4e1d8a4b7c9e0f1a2b3c4d5e6f/`,
				value: '1500',
			})
			.reply(201, { uuid })
			.patch(`/api/project-credits/${uuid}/`, { value: '750.00' })
			.reply(200, { uuid, value: '750.00' });
		expect((await runWaldur(parametersOf('Create credit'))).error).toBeUndefined();
		const topUp = await runWaldur(parametersOf('Top up credit'), { items: [{ uuid }] });
		expect(topUp.items[0].json).toEqual({ uuid, value: '750.00' });
	});

	it('Spreedly: plain customer and plan IDs and a typed feature level', async () => {
		let lifetimeBody = '';
		mockApi('https://spreedly.com')
			.put(`${API}/subscribers/1001/change_subscription_plan.xml`, /<id>43<\/id>/)
			.reply(200, fixture('rspreedly_subscriber.xml'), XML)
			.post(`${API}/subscribers/1002/lifetime_complimentary_subscriptions.xml`, (body) => {
				lifetimeBody = String(body);
				return true;
			})
			.reply(200, fixture('rspreedly_lifetime_subscription_success.xml'), XML);
		expect((await runSpreedly(parametersOf('Change plan'))).error).toBeUndefined();
		const comp = await runSpreedly(parametersOf('Lifetime comp'), {
			items: [{ customerId: '1002' }],
		});
		expect(comp.error).toBeUndefined();
		expect(lifetimeBody).toContain('<feature-level>Pro</feature-level>');
	});
});
