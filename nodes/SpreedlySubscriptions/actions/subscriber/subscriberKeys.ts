/**
 * The keys a subscriber has in this node's output, sorted by what Update does with them. Update
 * accepts every one of them, so a subscriber read with Get can be written back as it is.
 */

/** Sent by Update, as the dasherized tags of the update-subscriber call. */
export const WRITABLE_KEYS = [
	'screenName',
	'email',
	'newCustomerId',
	'billingFirstName',
	'billingLastName',
];

/** Names the subscriber in the URL; in a subscriber object it must match Customer ID (renames go through newCustomerId). */
export const IDENTITY_KEY = 'customerId';

/**
 * What Spreedly reports but does not let the update call change (status, plan, credit, timestamps, the
 * billing address of the card on file, invoices). Update does not send them; see the "Read-Only Keys" option.
 */
export const READ_ONLY_KEYS = [
	'active',
	'activeUntil',
	'billingAddress1',
	'billingCity',
	'billingCountry',
	'billingPhoneNumber',
	'billingState',
	'billingZip',
	'cardExpiresBeforeNextAutoRenew',
	'createdAt',
	'eligibleForFreeTrial',
	'eligibleForSetupFee',
	'featureLevel',
	'graceUntil',
	'inGracePeriod',
	'invoices',
	'lifetimeSubscription',
	'onGift',
	'onMetered',
	'onTrial',
	'paginationId',
	'paymentAccountDisplay',
	'paymentAccountOnFile',
	'readyToRenew',
	'readyToRenewSince',
	'recurring',
	'storeCredit',
	'storeCreditCurrencyCode',
	'subscriptionPlanName',
	'subscriptionPlanVersion',
	'token',
	'updatedAt',
];
