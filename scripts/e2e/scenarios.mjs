// What each example must do when n8n runs it against the sandbox: node outputs and the requests the sandbox received.
import assert from 'node:assert/strict';
import { AI_AGENT_SCENARIOS } from './ai-agent-scenarios.mjs';
import { FAULT_SCENARIOS } from './fault-scenarios.mjs';
import { nodeOutput } from './output.mjs';

export { nodeOutput };

const SANDBOX_CONTACT = '5b8f3c3e-2d9a-4e1f-9c7b-0a1d2e3f4a5b';
const SANDBOX_CONTACT_EMAIL = 'jane+shop@example.com';
const SANDBOX_PROJECT_CREDIT = '9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c51';

/** No request may reach the sandbox unauthenticated, and none may fail unless a scenario expects it. */
function assertAllSucceeded(requests) {
	assert.ok(requests.length > 0, 'the sandbox received no request');
	const failed = requests.filter((request) => request.status >= 400);
	assert.deepEqual(failed, [], 'the sandbox answered some requests with an error');
}

const only = (requests, method, path) => requests.filter((request) => request.method === method && request.path === path);

/**
 * @typedef {object} Scenario
 * @property {string} workflowId
 * @property {string} file  the workflow file (and the case), for messages
 * @property {'workflows'} [dir]  without it the file is one of the examples; with it, scripts/e2e/workflows
 * @property {string[]} nodeTypes
 * @property {(sandbox: Awaited<ReturnType<typeof import('../../sandbox/server.mjs').startSandbox>>) => void} [setup]  after the sandbox reset, before the run
 * @property {(run: any, requests: any[]) => void} check
 */

/** @type {Scenario[]} */
const REGULAR_SCENARIOS = [
	{
		workflowId: 'exSignTrakerAwd1',
		file: '01-signtraker-award-credit-by-email.json',
		nodeTypes: ['signTraker'],
		check(run, requests) {
			assertAllSucceeded(requests);
			const [agent, ...moreAgents] = nodeOutput(run, 'Find agent by email');
			assert.equal(moreAgents.length, 0, 'one agent has jane@example.com');
			assert.equal(agent.Email, 'jane@example.com');

			const [award] = nodeOutput(run, 'Award credit');
			assert.equal(award.Name, 'Spring promotion');
			assert.deepEqual(award.AwardedTo, { Id: agent.Id, Name: 'Jane Doe' });
			assert.equal(award.TotalAmount, 50);

			const listed = nodeOutput(run, "Agent's awards");
			assert.ok(listed.some((entry) => entry.Id === award.Id), 'the new award is listed afterwards');

			assert.deepEqual(only(requests, 'GET', '/api/agents')[0].query.email, 'jane@example.com');
			const [create] = only(requests, 'POST', '/api/credits/awards');
			assert.deepEqual(create.body, { Name: 'Spring promotion', AwardedTo: { Id: agent.Id }, TotalAmount: 50, Restrictions: ['Printing'] });
			assert.equal(only(requests, 'GET', '/api/credits/awards')[0].query.awardedTo, String(agent.Id));
		},
	},
	{
		workflowId: 'exVoyadoPoints01',
		file: '02-voyado-purchase-points.json',
		nodeTypes: ['voyadoEngage'],
		check(run, requests) {
			assertAllSucceeded(requests);
			const results = nodeOutput(run, 'Add points');
			assert.equal(results.length, 3, 'one output item per order line');
			assert.ok(results.every((result) => result.accepted === true), 'every line accepted');
			assert.ok(
				results.every((result) => result.email === SANDBOX_CONTACT_EMAIL && result.contactId === SANDBOX_CONTACT),
				'each line shows the email it was booked by and the contact it found',
			);

			const lookups = only(requests, 'GET', '/api/v2/contacts/id');
			assert.deepEqual(
				lookups.map((lookup) => lookup.query),
				[{ email: SANDBOX_CONTACT_EMAIL }],
				'the email is looked up once (its + URL-encoded, or the sandbox would have read a space)',
			);
			assert.ok(requests.indexOf(lookups[0]) < requests.findIndex((request) => request.method === 'POST'), 'the lookup comes before the POST');

			const posts = only(requests, 'POST', '/api/v2/point-accounts/transactions');
			assert.equal(posts.length, 1, 'the three lines go in one batch');
			assert.deepEqual(
				posts[0].body.map((row) => [row.contactId, row.definitionId, row.amount, row.source]),
				[[SANDBOX_CONTACT, 1, 39, 'Purchase'], [SANDBOX_CONTACT, 1, 12, 'Purchase'], [SANDBOX_CONTACT, 1, 22, 'Purchase']],
			);
			assert.ok(posts[0].headers['idempotency-key'], 'the batch carries an Idempotency-Key');
			for (const request of requests) {
				assert.match(request.headers['content-type'] ?? '', /^application\/json/, `${request.method} ${request.path}: Content-Type`);
				assert.match(request.headers['user-agent'] ?? '', /^n8n-nodes-credits\//, `${request.method} ${request.path}: User-Agent`);
			}

			const bonus = nodeOutput(run, 'Point balances').find((account) => account.definitionId === 1);
			assert.equal(bonus.balance, 250 + 39 + 12 + 22, 'the points were added to the balance');
		},
	},
	{
		workflowId: 'exSpreedlyNight1',
		file: '03-spreedly-nightly-cleanup.json',
		nodeTypes: ['spreedlySubscriptions'],
		check(run, requests) {
			assertAllSucceeded(requests);
			const deleted = nodeOutput(run, 'Delete all test subscribers');
			assert.equal(deleted.length, 1);
			assert.equal(deleted[0].success, true);
			const plans = nodeOutput(run, 'Subscription plans');
			assert.deepEqual(plans.map((plan) => plan.id), [42, 43, 44, 45]);
			const trial = plans.find((plan) => plan.id === 45);
			assert.equal(trial.planType, 'free_trial', 'dasherized tags become camelCase keys');
			assert.equal(trial.enabled, true, 'typed booleans are converted');
			assert.equal(trial.chargeLaterDurationQuantity, null, 'nil="true" becomes null');

			assert.equal(only(requests, 'DELETE', '/api/v4/sandbox-test/subscribers.xml').length, 1);
			assert.equal(only(requests, 'GET', '/api/v4/sandbox-test/subscription_plans.xml').length, 1);
		},
	},
	{
		workflowId: 'exWaldurTopUp001',
		file: '04-waldur-top-up-project-credit.json',
		nodeTypes: ['waldur'],
		check(run, requests) {
			assertAllSucceeded(requests);
			const [found] = nodeOutput(run, 'Find project credit');
			assert.equal(found.uuid, SANDBOX_PROJECT_CREDIT);
			const [updated] = nodeOutput(run, 'Top up credit');
			assert.equal(updated.value, '750.00');

			const [patch] = only(requests, 'PATCH', `/api/project-credits/${SANDBOX_PROJECT_CREDIT}/`);
			assert.deepEqual(patch.body, { value: '750.00' }, 'decimals go on the wire as strings');
			for (const request of requests) assert.ok(request.path.endsWith('/'), `${request.path} ends with /`);

			const projectCredits = nodeOutput(run, "Organisation's project credits");
			assert.deepEqual(projectCredits.map((credit) => [credit.uuid, credit.value]), [[SANDBOX_PROJECT_CREDIT, '750.00']]);
			const [organisationCredit] = nodeOutput(run, 'Organisation credit');
			assert.equal(organisationCredit.allocated_to_projects, 750);
		},
	},
	// Options → Dry Run on one write per node: the sandbox sees no write, each output item is the request.
	{
		workflowId: 'e2eDryRunWrites1',
		file: 'e2e-dry-run.json',
		dir: 'workflows',
		nodeTypes: ['signTraker', 'voyadoEngage', 'waldur', 'spreedlySubscriptions'],
		check(run, requests) {
			const writes = requests.filter((request) => request.method !== 'GET');
			assert.deepEqual(writes.map((request) => `${request.method} ${request.path}`), [], 'a dry run sends no write');

			// Skip Existing's lookup is a read, sent in a dry run too: the sandbox has no such award.
			const [lookup] = only(requests, 'GET', '/api/credits/awards');
			assert.deepEqual(lookup.query, { awardedTo: '101', $filter: "Name eq 'O''Brien''s dry run'", $top: '1' });
			const [award] = nodeOutput(run, 'Award credit (dry run)');
			assert.equal(award.dryRun, true);
			assert.deepEqual(award.request, {
				method: 'POST',
				path: '/api/credits/awards',
				query: {},
				body: { Name: "O'Brien's dry run", AwardedTo: { Id: 101 }, TotalAmount: 15 },
			});

			const [row] = nodeOutput(run, 'Add points (dry run)');
			assert.equal(row.dryRun, true);
			assert.equal(row.batch, 1);
			assert.match(row.idempotencyKey, /^n8n-[0-9a-f]{32}-1$/);
			assert.deepEqual([row.row.contactId, row.row.definitionId, row.row.amount], [SANDBOX_CONTACT, 1, 10]);
			assert.deepEqual(row.request, { method: 'POST', path: '/api/v2/point-accounts/transactions', query: {} });

			const [credit] = nodeOutput(run, 'Update project credit (dry run)');
			assert.deepEqual(credit.request, {
				method: 'PATCH',
				path: `/api/project-credits/${SANDBOX_PROJECT_CREDIT}/`,
				query: {},
				body: { value: '999.00' },
			});

			const [storeCredit] = nodeOutput(run, 'Add store credit (dry run)');
			assert.equal(storeCredit.request.method, 'POST');
			assert.equal(storeCredit.request.path, '/subscribers/1001/credits.xml');
			assert.match(storeCredit.request.body, /^<\?xml[^>]*\?><credit><amount>5<\/amount><\/credit>$/);
		},
	},
	// IDs as the pickers save them: `{ __rl: true, mode: "list" | "id" | "url", value }` (e2e-only workflows).
	{
		workflowId: 'e2ePickSignTrak1',
		file: 'e2e-pickers-signtraker.json',
		dir: 'workflows',
		nodeTypes: ['signTraker'],
		check(run, requests) {
			assertAllSucceeded(requests);
			assert.equal(nodeOutput(run, 'Get picked agent')[0].Email, 'jane@example.com');
			assert.equal(only(requests, 'GET', '/api/agents/101').length, 1);
			const [create] = only(requests, 'POST', '/api/credits/awards');
			assert.deepEqual(create.body, { Name: 'Picked', AwardedTo: { Id: 101 }, TotalAmount: 15 });
			assert.equal(only(requests, 'GET', '/api/credits/awards')[0].query.awardedTo, '101');
			assert.ok(nodeOutput(run, 'Awards of agent by ID').some((award) => award.Name === 'Picked'));
		},
	},
	{
		workflowId: 'e2ePickVoyado001',
		file: 'e2e-pickers-voyado.json',
		dir: 'workflows',
		nodeTypes: ['voyadoEngage'],
		check(run, requests) {
			assertAllSucceeded(requests);
			assert.equal(nodeOutput(run, 'Get picked definition')[0].name, 'Bonus points');
			assert.equal(only(requests, 'GET', '/api/v2/point-accounts/definitions/1').length, 1);
			const [list] = only(requests, 'GET', '/api/v2/point-accounts/transactions');
			assert.equal(list.query.definitionId, '1');
			assert.equal(list.query.contactId, SANDBOX_CONTACT);
			assert.ok(nodeOutput(run, 'Transactions of picked definition').length > 0);
		},
	},
	{
		workflowId: 'e2ePickWaldur001',
		file: 'e2e-pickers-waldur.json',
		dir: 'workflows',
		nodeTypes: ['waldur'],
		check(run, requests) {
			assertAllSucceeded(requests);
			const [credit] = nodeOutput(run, 'Get picked credit');
			assert.equal(credit.uuid, SANDBOX_PROJECT_CREDIT);
			const [patch] = only(requests, 'PATCH', `/api/project-credits/${SANDBOX_PROJECT_CREDIT}/`);
			assert.equal(patch.body.value, '600.00');
			assert.match(patch.body.project, /\/api\/projects\/3d9a6f0e2c1b4a7d8e5f6a7b8c9d0e11\/$/, 'a picked project goes as its URL');
			assert.equal(nodeOutput(run, 'Update credit by URL')[0].value, '600.00');
			assert.equal(nodeOutput(run, 'Consumptions of picked customer credit').length, 2);
		},
	},
	{
		workflowId: 'e2ePickSpreedly1',
		file: 'e2e-pickers-spreedly.json',
		dir: 'workflows',
		nodeTypes: ['spreedlySubscriptions'],
		check(run, requests) {
			assertAllSucceeded(requests);
			const [changed] = nodeOutput(run, 'Change picked subscriber to picked plan');
			assert.equal(changed.subscriptionPlanName, 'Team');
			const [lifetime] = only(requests, 'POST', '/api/v4/sandbox-test/subscribers/1002/lifetime_complimentary_subscriptions.xml');
			assert.match(lifetime.body, /<feature-level>team<\/feature-level>/, 'the feature level stays text on the wire');
			const [subscriber] = nodeOutput(run, 'Get subscriber by ID');
			assert.equal(subscriber.customerId, '1002');
			assert.equal(subscriber.featureLevel, 'team');
		},
	},
];

/** @type {Scenario[]} */
export const SCENARIOS = [...REGULAR_SCENARIOS, ...FAULT_SCENARIOS, ...AI_AGENT_SCENARIOS];

/** Imported and checked for loading, but not run: it needs an LLM. */
export const AI_EXAMPLE_ID = 'exAiAgentTools01';
