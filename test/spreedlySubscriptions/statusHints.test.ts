import type { ErrorCase } from './helpers';
import { answerWith, fixture, runSpreedly, subscriberParams } from './helpers';

// What each status means per call, in the words of Spreedly's manual (integration reference, status
// per call): the hint on the error item says that, not the general "check the values" or "check the
// credential". The messages are the ones Spreedly sends (RSpreedly recordings where there is one).

const FEE = { name: 'Bandwidth', amount: 5 };
const DURATION = { durationQuantity: 1, durationUnits: 'months' };

const cases: ErrorCase[] = [
	{
		name: 'Add Fee, 422 for an inactive subscriber',
		params: subscriberParams('addFee', FEE),
		method: 'POST',
		path: '/subscribers/42/fees.xml',
		status: 422,
		body: '<errors><error>The subscriber must be active to add a fee</error></errors>',
		message: 'The subscriber must be active to add a fee',
		hint: /^Spreedly adds fees only to subscribers that are active and have a recurring subscription/,
	},
	{
		name: 'Add Fee, 422 for a subscriber without a recurring subscription',
		params: subscriberParams('addFee', FEE),
		method: 'POST',
		path: '/subscribers/42/fees.xml',
		status: 422,
		body: '<errors><error>The subscriber must have a recurring subscription to add a fee</error></errors>',
		message: 'The subscriber must have a recurring subscription to add a fee',
		hint: /^Spreedly adds fees only to subscribers that are active and have a recurring subscription/,
	},
	{
		name: 'Add Complimentary Subscription, 403 for an active subscriber',
		params: subscriberParams('addComplimentarySubscription', {
			...DURATION,
			featureLevel: 'Pro',
		}),
		method: 'POST',
		path: '/subscribers/42/complimentary_subscriptions.xml',
		status: 403,
		body: 'Complimentary subscriptions cannot be given to active subscribers.',
		message: 'Complimentary subscriptions cannot be given to active subscribers.',
		hint: /only to an inactive subscriber.*use Add Complimentary Time Extension/,
	},
	{
		name: 'Add Complimentary Time Extension, 403 for an inactive subscriber',
		params: subscriberParams('addComplimentaryTimeExtension', DURATION),
		method: 'POST',
		path: '/subscribers/42/complimentary_time_extensions.xml',
		status: 403,
		body: 'Complimentary time extensions cannot be given to inactive subscribers.',
		message: 'Complimentary time extensions cannot be given to inactive subscribers.',
		hint: /extends only an active subscriber.*use Add Complimentary Subscription/,
	},
	{
		name: 'Add Store Credit, 422 when the total would fall below 0',
		params: subscriberParams('addStoreCredit', { amount: -50 }),
		method: 'POST',
		path: '/subscribers/42/credits.xml',
		status: 422,
		body: '<errors><error>Amount is invalid. The total store credit for a subscriber must be greater than or equal to 0.</error></errors>',
		message:
			'Amount is invalid. The total store credit for a subscriber must be greater than or equal to 0.',
		hint: /store credit may not fall below 0, so a negative Amount may take away at most its current storeCredit/,
	},
	{
		name: 'Subscribe to Free Trial, 403 not eligible',
		params: subscriberParams('subscribeToFreeTrial', { planId: '2' }),
		method: 'POST',
		path: '/subscribers/42/subscribe_to_free_trial.xml',
		status: 403,
		body: 'The subscriber is not eligible for a free trial',
		message: 'The subscriber is not eligible for a free trial',
		hint: /not eligible for a free trial \(it had one: Allow Free Trial makes it eligible again\) or the plan is not a free-trial plan/,
	},
	{
		name: 'Subscribe to Free Trial, 403 not a free-trial plan',
		params: subscriberParams('subscribeToFreeTrial', { planId: '7' }),
		method: 'POST',
		path: '/subscribers/42/subscribe_to_free_trial.xml',
		status: 403,
		body: fixture('rspreedly_free_plan_not_free.xml'),
		message: 'The subscription plan must be a free trial plan.',
		hint: /or the plan is not a free-trial plan \(pick one whose plan type is free_trial\)/,
	},
	{
		name: 'Subscribe to Free Trial, 404 without a body (the subscriber or the plan)',
		params: subscriberParams('subscribeToFreeTrial', { planId: '9' }),
		method: 'POST',
		path: '/subscribers/42/subscribe_to_free_trial.xml',
		status: 404,
		body: '',
		message:
			'There is no Spreedly subscriber with customer ID "42", or no subscription plan with ID 9',
		hint: /^Nothing was found/,
	},
	{
		name: 'Change Plan, 404 without a body (the subscriber or the plan)',
		params: subscriberParams('changePlan', { planId: '9' }),
		method: 'PUT',
		path: '/subscribers/42/change_subscription_plan.xml',
		status: 404,
		body: '',
		message:
			'There is no Spreedly subscriber with customer ID "42", or no subscription plan with ID 9',
		hint: /^Nothing was found/,
	},
	{
		name: 'Update, 403 when the new customer ID is taken',
		params: subscriberParams('update', { updateFields: { newCustomerId: '8889' } }),
		method: 'PUT',
		path: '/subscribers/42.xml',
		status: 403,
		body: 'A subscriber with a customer-id of 8889 already exists.',
		message: 'A subscriber with a customer-id of 8889 already exists.',
		hint: /New Customer ID is already another subscriber's: choose one that is not in use/,
	},
	{
		name: 'Create, 403 when the subscriber exists',
		params: subscriberParams('create', { customerId: '8889', screenName: 'bob' }),
		method: 'POST',
		path: '/subscribers.xml',
		status: 403,
		body: fixture('rspreedly_existing_subscriber.xml'),
		message: 'A subscriber with a customer-id of 8889 already exists.',
		hint: /already exists: use Subscriber → Get or Create to reuse it, or choose another Customer ID/,
	},
	{
		name: 'Delete, 403 on a production site',
		params: subscriberParams('delete'),
		method: 'DELETE',
		path: '/subscribers/42.xml',
		status: 403,
		body: 'Subscribers can only be deleted on test sites.',
		message: 'Subscribers can only be deleted on test sites.',
		hint: /deletes subscribers only on test sites and answers 403 on a production site/,
	},
	{
		name: 'Delete All Test Subscribers, 403 on a production site',
		params: { resource: 'subscriber', operation: 'deleteAllTest' },
		method: 'DELETE',
		path: '/subscribers.xml',
		status: 403,
		body: 'Subscribers can only be deleted on test sites.',
		message: 'Subscribers can only be deleted on test sites.',
		hint: /deletes subscribers only on test sites and answers 403 on a production site/,
	},
];

describe('Spreedly: the hint for each status of each call', () => {
	it.each(cases.map((hintCase) => [hintCase.name, hintCase] as const))(
		'%s',
		async (_name, hintCase) => {
			const api = answerWith(hintCase);
			const { items, error } = await runSpreedly(hintCase.params, { continueOnFail: true });
			expect(error).toBeUndefined();
			expect(api.requests()).toHaveLength(1);
			const [item] = items;
			expect(item.json).toEqual({
				error: hintCase.message,
				httpCode: String(hintCase.status),
				description: expect.stringMatching(hintCase.hint),
			});
			expect(item.json.description).not.toMatch(
				/Check the parameters named in the message|Check the API key|choose the operation that fits its state/,
			);
		},
	);
});
