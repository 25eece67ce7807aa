import { operationSelector } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import * as addComplimentarySubscription from './addComplimentarySubscription.operation';
import * as addComplimentaryTimeExtension from './addComplimentaryTimeExtension.operation';
import * as addFee from './addFee.operation';
import * as addLifetimeComplimentarySubscription from './addLifetimeComplimentarySubscription.operation';
import * as addStoreCredit from './addStoreCredit.operation';
import * as allowFreeTrial from './allowFreeTrial.operation';
import * as changePlan from './changePlan.operation';
import * as create from './create.operation';
import * as deleteSubscriber from './delete.operation';
import * as deleteAllTest from './deleteAllTest.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getOrCreate from './getOrCreate.operation';
import * as getSignupUrl from './getSignupUrl.operation';
import * as stopAutoRenew from './stopAutoRenew.operation';
import * as subscribeToFreeTrial from './subscribeToFreeTrial.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = {
	create,
	get,
	getOrCreate,
	getAll,
	update,
	delete: deleteSubscriber,
	deleteAllTest,
	allowFreeTrial,
	subscribeToFreeTrial,
	addFee,
	addComplimentarySubscription,
	addComplimentaryTimeExtension,
	addLifetimeComplimentarySubscription,
	addStoreCredit,
	changePlan,
	stopAutoRenew,
	getSignupUrl,
};

export const operationProperty = operationSelector(
	'subscriber',
	[
		{
			name: 'Add Complimentary Subscription',
			value: 'addComplimentarySubscription',
			action: 'Add a complimentary subscription to a subscriber',
			description:
				'Give an inactive subscriber a complimentary subscription for some days or months',
		},
		{
			name: 'Add Complimentary Time Extension',
			value: 'addComplimentaryTimeExtension',
			action: 'Add a complimentary time extension to a subscriber',
			description: "Extend an active subscriber's time for some days or months",
		},
		{
			name: 'Add Fee',
			value: 'addFee',
			action: 'Add a fee to a subscriber',
			description: 'Charge an active, recurring subscriber a one-off fee',
		},
		{
			name: 'Add Lifetime Complimentary Subscription',
			value: 'addLifetimeComplimentarySubscription',
			action: 'Add a lifetime complimentary subscription to a subscriber',
			description: 'Give a subscriber a feature level for life',
		},
		{
			name: 'Add Store Credit',
			value: 'addStoreCredit',
			action: 'Add store credit to a subscriber',
			description: 'Add (or with a negative amount, remove) store credit',
		},
		{
			name: 'Allow Free Trial',
			value: 'allowFreeTrial',
			action: 'Allow a subscriber another free trial',
			description: 'Make a subscriber eligible for a free trial again',
		},
		{
			name: 'Change Plan',
			value: 'changePlan',
			action: 'Change the plan of a subscriber',
			description: 'Switch a subscriber to another plan at once, without prorating or an invoice',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a subscriber',
			description: 'Create a subscriber',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a subscriber of a test site',
			description: 'Delete a subscriber (test sites only; Spreedly refuses on production sites)',
		},
		{
			name: 'Delete All Test Subscribers',
			value: 'deleteAllTest',
			action: 'Delete all subscribers of a test site',
			description:
				'Delete every subscriber of the site (test sites only; Spreedly refuses on production sites)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a subscriber by customer ID',
			description: 'Get a subscriber with its invoices',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many subscribers',
			description: 'List the subscribers of the site',
		},
		{
			name: 'Get or Create',
			value: 'getOrCreate',
			action: 'Get or create a subscriber',
			description:
				'Get a subscriber; when none has the customer ID, create one. The screen name and email are used only when it creates.',
		},
		{
			name: 'Get Signup URL',
			value: 'getSignupUrl',
			action: 'Get the signup page URL of a subscriber',
			description: 'Build the address of the signup page for a plan (no request is sent)',
		},
		{
			name: 'Stop Auto Renew',
			value: 'stopAutoRenew',
			action: 'Stop the auto renewal of a subscriber',
			description: 'Stop renewing the subscription automatically',
		},
		{
			name: 'Subscribe to Free Trial',
			value: 'subscribeToFreeTrial',
			action: 'Subscribe a subscriber to a free trial plan',
			description: 'Put an eligible subscriber on a free trial plan',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a subscriber',
			description: "Change a subscriber's screen name, email, customer ID or billing name",
		},
	],
	'get',
);
