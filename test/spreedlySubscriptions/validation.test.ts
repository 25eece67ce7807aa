import type { IDataObject } from 'n8n-workflow';

import { runSpreedly, spreedlyApi, subscriberParams } from './helpers';

const badInputs: Array<[string, IDataObject, string]> = [
	// An expression that resolves to nothing passes n8n's own "required" check; the node must catch it.
	[
		'empty customer ID',
		subscriberParams('get', { customerId: '={{ $json.missing }}' }),
		'The parameter "Customer ID" is required but empty (item 0)',
	],
	[
		'duration units other than days/months',
		subscriberParams('addComplimentaryTimeExtension', {
			durationQuantity: 1,
			durationUnits: 'weeks',
		}),
		'The parameter "Duration Units" must be "days" or "months", got "weeks" (item 0)',
	],
	[
		'a duration that is not a whole number',
		subscriberParams('addComplimentarySubscription', {
			durationQuantity: 1.5,
			durationUnits: 'days',
			featureLevel: 'Pro',
		}),
		'The parameter "Duration Quantity" must be a whole number of 1 or more, got 1.5 (item 0)',
	],
	[
		'a non-numeric amount',
		subscriberParams('addFee', { name: 'Fee', amount: '12,50' }),
		'The parameter "Amount" must be a decimal number such as 9.99 or -5, got "12,50" (item 0)',
	],
	[
		'an amount JavaScript writes with an exponent',
		subscriberParams('addStoreCredit', { amount: 1e21 }),
		'The parameter "Amount" must be a decimal number',
	],
	[
		'a non-numeric complimentary amount',
		subscriberParams('addComplimentarySubscription', {
			durationQuantity: 1,
			durationUnits: 'days',
			featureLevel: 'Pro',
			additionalFields: { amount: 'lots' },
		}),
		'The parameter "Amount" must be a decimal number such as 9.99 or -5, got "lots" (item 0)',
	],
	[
		'a start time that is not a date',
		subscriberParams('addComplimentarySubscription', {
			durationQuantity: 1,
			durationUnits: 'days',
			featureLevel: 'Pro',
			additionalFields: { startTime: 'next week' },
		}),
		'The parameter "Start Time" must be a real date such as 2026-12-31',
	],
	[
		'an empty feature level',
		subscriberParams('addLifetimeComplimentarySubscription', { featureLevel: ' ' }),
		'The parameter "Feature Level" is required but empty (item 0)',
	],
	[
		'a plan ID that is not a number',
		subscriberParams('changePlan', { planId: 'gold' }),
		'The parameter "Plan ID" must be a whole number of 1 or more, got "gold" (item 0)',
	],
	[
		'an empty screen name',
		subscriberParams('create', { screenName: '={{ $json.missing }}' }),
		'The parameter "Screen Name" is required but empty (item 0)',
	],
	[
		'a control character XML cannot carry',
		subscriberParams('create', { screenName: 'bad\u0000name' }),
		'The parameter "Screen Name" contains control characters that XML cannot carry (item 0)',
	],
	[
		'an empty new customer ID',
		subscriberParams('update', { updateFields: { newCustomerId: '' } }),
		'The parameter "New Customer ID" is empty (item 0)',
	],
	[
		'a limit of 0',
		{ resource: 'plan', operation: 'getAll', returnAll: false, limit: 0 },
		'The parameter "Limit" must be a whole number of 1 or more, got 0 (item 0)',
	],
];

describe('Spreedly bad input fails before any request, naming the parameter and the item', () => {
	it.each(badInputs)('%s', async (_name, params, message) => {
		const api = spreedlyApi();
		const { error } = await runSpreedly(params);
		expect(api.requests()).toHaveLength(0);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(message);
	});

	it('names the item that carries the bad value and sends nothing, not even the good item before it', async () => {
		const api = spreedlyApi();
		const { error } = await runSpreedly(
			subscriberParams('addComplimentaryTimeExtension', {
				durationQuantity: 1,
				durationUnits: '={{ $json.units }}',
			}),
			{ items: [{ units: 'days' }, { units: 'years' }] },
		);
		expect(api.requests()).toHaveLength(0);
		expect(error?.message).toBe(
			'The parameter "Duration Units" must be "days" or "months", got "years" (item 1)',
		);
		expect((error?.context as { itemIndex?: number } | undefined)?.itemIndex).toBe(1);
	});
});
