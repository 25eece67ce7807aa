// Spreedly Subscriptions (API v4): HTTP Basic `<token>:X`, XML bodies typed like Rails' `to_xml`,
// plain-text or `<errors>` error bodies. Paths are relative to `/api/v4/<site>/`.
import { randomBytes } from 'node:crypto';
import { elementToObject, escapeXml, parseXml, xmlDocument } from '../lib/xml.mjs';
import { empty, header, nowIso, router, text } from '../lib/http.mjs';

export const SPREEDLY_FREE_TRIAL_PLAN_ID = 45;
export const SPREEDLY_ACTIVE_SUBSCRIBER_ID = '1001';
export const SPREEDLY_INACTIVE_SUBSCRIBER_ID = '1002';

const TYPES = {
	'active-until': 'datetime',
	'created-at': 'datetime',
	'updated-at': 'datetime',
	'grace-until': 'datetime',
	'store-credit': 'decimal',
	amount: 'decimal',
	price: 'decimal',
	id: 'integer',
	'duration-quantity': 'integer',
	'charge-later-duration-quantity': 'integer',
};

function plan(id, name, featureLevel, amount, { planType = 'regular', enabled = true, durationUnits = 'months', durationQuantity = 1 } = {}) {
	const recurring = planType === 'regular';
	return {
		amount,
		'charge-after-first-period': recurring,
		'charge-later-duration-quantity': recurring ? 1 : null,
		'charge-later-duration-units': recurring ? 'months' : null,
		'created-at': '2026-01-01T00:00:00Z',
		'currency-code': 'USD',
		description: `${name} plan`,
		'duration-quantity': durationQuantity,
		'duration-units': durationUnits,
		enabled,
		'feature-level': featureLevel,
		'force-recurring': recurring,
		id,
		name,
		'needs-to-be-renewed': recurring,
		'plan-type': planType,
		'return-url': 'http://127.0.0.1/thanks',
		'updated-at': '2026-01-01T00:00:00Z',
		terms: recurring ? `${durationQuantity} month` : `${durationQuantity} days`,
		price: amount,
	};
}

function newSubscriber(customerId, screenName, email = null) {
	const now = nowIso();
	return {
		'active-until': null,
		'billing-first-name': null,
		'billing-last-name': null,
		'created-at': now,
		'customer-id': customerId,
		'eligible-for-free-trial': true,
		email,
		'grace-until': null,
		'lifetime-subscription': false,
		'ready-to-renew': false,
		'screen-name': screenName,
		'store-credit': 0,
		'store-credit-currency-code': 'USD',
		token: randomBytes(20).toString('hex'),
		'updated-at': now,
		recurring: false,
		'card-expires-before-next-auto-renew': false,
		'subscription-plan-name': '',
		active: false,
		'in-grace-period': false,
		'on-trial': false,
		'on-gift': false,
		'on-metered': false,
		'feature-level': '',
	};
}

function seed() {
	const alice = {
		...newSubscriber(SPREEDLY_ACTIVE_SUBSCRIBER_ID, 'alice', 'alice@example.com'),
		active: true,
		recurring: true,
		'eligible-for-free-trial': false,
		'active-until': '2026-12-01T00:00:00Z',
		'subscription-plan-name': 'Personal',
		'feature-level': 'personal',
	};
	return {
		plans: [
			plan(42, 'Personal', 'personal', 19),
			plan(43, 'Team', 'team', 49),
			plan(44, 'Corporate', 'corporate', 99, { enabled: false }),
			plan(SPREEDLY_FREE_TRIAL_PLAN_ID, 'Free Trial', 'free', 0, { planType: 'free_trial', durationUnits: 'days', durationQuantity: 14 }),
		],
		subscribers: [alice, newSubscriber(SPREEDLY_INACTIVE_SUBSCRIBER_ID, 'bob', 'bob@example.com')],
		fees: [],
	};
}

const xml = (status, tag, value) => text(status, xmlDocument(tag, value, TYPES), 'application/xml; charset=utf-8');
const errors = (status, ...messages) =>
	text(
		status,
		`<?xml version="1.0" encoding="UTF-8"?>\n<errors>\n${messages.map((message) => `  <error>${escapeXml(message)}</error>`).join('\n')}\n</errors>\n`,
		'application/xml; charset=utf-8',
	);

function addDuration(isoStart, quantity, units) {
	const date = new Date(isoStart);
	if (units === 'months') date.setUTCMonth(date.getUTCMonth() + quantity);
	else date.setUTCDate(date.getUTCDate() + quantity);
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Reads `<root>…</root>` into a flat object; `undefined` if the body is not that element. */
function readBody(body, root) {
	try {
		const element = parseXml(body);
		return element.name.replaceAll('_', '-') === root ? elementToObject(element) : undefined;
	} catch {
		return undefined;
	}
}

/** Spreedly reads only the user part (the API token); the password is conventionally `X`. */
function basicAuthUser(authorization) {
	if (!authorization?.startsWith('Basic ')) return undefined;
	return Buffer.from(authorization.slice(6), 'base64').toString().split(':')[0];
}

function durationErrors(fields) {
	const messages = [];
	const quantity = fields['duration-quantity'];
	if (quantity === undefined || quantity === '') messages.push("Duration quantity can't be blank");
	else if (!/^\d+$/.test(quantity)) messages.push('Duration quantity is not a number');
	if (!['days', 'months'].includes(fields['duration-units'])) messages.push("Duration units must be either 'days' or 'months'");
	return messages;
}

/** customer-id → the subscriber as text, to tell which subscribers a request changed. */
const snapshot = (subscribers) => new Map(subscribers.map((subscriber) => [subscriber['customer-id'], JSON.stringify(subscriber)]));

/**
 * @param {{apiToken: string, siteName: string, notifications?: {url: () => string | undefined, deliver: Function}}} options
 * `notifications`: the site's "Subscribers Changed Notification URL" (set by hand in Spreedly), and how to post to it.
 */
export function createSpreedly({ apiToken, siteName, notifications }) {
	const state = seed();
	const findSubscriber = (id) => state.subscribers.find((subscriber) => subscriber['customer-id'] === id);
	const findPlan = (id) => state.plans.find((candidate) => String(candidate.id) === String(id));
	const touch = (subscriber, changes) => Object.assign(subscriber, changes, { 'updated-at': nowIso() });

	/** Runs `handler` with the subscriber named in the path, or answers Spreedly's plain-text 404. */
	const withSubscriber = (handler) => (request) => {
		const subscriber = findSubscriber(request.params.id);
		if (!subscriber) return text(404, `There is no subscriber with a customer id of ${request.params.id}`);
		return handler(request, subscriber);
	};
	const subscriberXml = (status, subscriber) => xml(status, 'subscriber', subscriber);

	function createSubscriber(request) {
		const fields = readBody(request.body, 'subscriber');
		const customerId = fields?.['customer-id'];
		if (!customerId) return text(403, 'You must specify a customer-id for the subscriber.');
		if (findSubscriber(customerId)) return text(403, `A subscriber with a customer-id of ${customerId} already exists.`);
		const subscriber = newSubscriber(customerId, fields['screen-name'] || null, fields.email || null);
		state.subscribers.push(subscriber);
		const response = subscriberXml(201, subscriber);
		response.headers.location = `${request.baseUrl}/api/v4/${siteName}/subscribers/${encodeURIComponent(customerId)}.xml`;
		return response;
	}

	function updateSubscriber(request, subscriber) {
		const fields = readBody(request.body, 'subscriber');
		const editable = ['screen-name', 'email', 'billing-first-name', 'billing-last-name', 'customer-id', 'new-customer-id'];
		if (!fields || typeof fields !== 'object' || !editable.some((field) => field in fields)) {
			return errors(422, 'You must specify subscriber parameters');
		}
		const newId = fields['new-customer-id'] ?? fields['customer-id'];
		if (newId && newId !== subscriber['customer-id'] && findSubscriber(newId)) {
			return text(403, `A subscriber with a customer-id of ${newId} already exists.`);
		}
		const changes = Object.fromEntries(editable.slice(0, 4).filter((field) => field in fields).map((field) => [field, fields[field] || null]));
		touch(subscriber, { ...changes, ...(newId ? { 'customer-id': newId } : {}) });
		return empty(200);
	}

	function subscribeToFreeTrial(request, subscriber) {
		const planId = readBody(request.body, 'subscription-plan')?.id;
		if (!planId) return errors(422, 'You must specify the subscription plan id');
		const chosen = findPlan(planId);
		if (!chosen) return text(404, `There is no subscription plan with an ID of ${planId} for this site.`);
		if (chosen['plan-type'] !== 'free_trial') return text(403, 'The subscription plan must be a free trial plan.');
		if (!subscriber['eligible-for-free-trial']) return text(403, 'The subscriber is not eligible for a free trial');
		touch(subscriber, {
			active: true,
			'on-trial': true,
			'eligible-for-free-trial': false,
			'active-until': addDuration(nowIso(), chosen['duration-quantity'], chosen['duration-units']),
			'subscription-plan-name': chosen.name,
			'feature-level': chosen['feature-level'],
		});
		const response = subscriberXml(200, subscriber);
		response.headers.location = `${request.baseUrl}/api/v4/${siteName}/subscribers/${encodeURIComponent(subscriber['customer-id'])}.xml`;
		return response;
	}

	function addComplimentarySubscription(request, subscriber) {
		const fields = readBody(request.body, 'complimentary-subscription') ?? {};
		const messages = durationErrors(fields);
		if (!fields['feature-level']) messages.push("Feature level can't be blank");
		if (messages.length) return errors(422, ...messages);
		if (subscriber.active) return text(403, 'Complimentary subscriptions cannot be given to active subscribers.');
		touch(subscriber, {
			active: true,
			'on-gift': true,
			'feature-level': fields['feature-level'],
			'active-until': addDuration(fields['start-time'] || nowIso(), Number(fields['duration-quantity']), fields['duration-units']),
		});
		return subscriberXml(201, subscriber);
	}

	function addTimeExtension(request, subscriber) {
		const fields = readBody(request.body, 'complimentary-time-extension') ?? {};
		const messages = durationErrors(fields);
		if (messages.length) return errors(422, ...messages);
		if (!subscriber.active) return text(403, 'Complimentary time extensions cannot be given to inactive subscribers.');
		const start = subscriber['active-until'] ?? nowIso();
		touch(subscriber, { 'active-until': addDuration(start, Number(fields['duration-quantity']), fields['duration-units']) });
		return subscriberXml(201, subscriber);
	}

	function addLifetime(request, subscriber) {
		const featureLevel = readBody(request.body, 'lifetime-complimentary-subscription')?.['feature-level'];
		if (!featureLevel) return errors(422, "Feature level can't be blank");
		touch(subscriber, { active: true, 'lifetime-subscription': true, 'active-until': null, 'feature-level': featureLevel });
		return subscriberXml(201, subscriber);
	}

	function addStoreCredit(request, subscriber) {
		const amount = readBody(request.body, 'credit')?.amount;
		const total = Number(subscriber['store-credit']) + Number(amount);
		if (amount === undefined || amount === '' || Number.isNaN(Number(amount)) || total < 0) {
			return errors(422, 'Amount is invalid. The total store credit for a subscriber must be greater than or equal to 0.');
		}
		touch(subscriber, { 'store-credit': Number(total.toFixed(2)) });
		return empty(201);
	}

	function addFee(request, subscriber) {
		const fee = readBody(request.body, 'fee') ?? {};
		const messages = ['name', 'group'].filter((field) => !fee[field]).map((field) => `${field[0].toUpperCase()}${field.slice(1)} can't be blank`);
		if (fee.amount === undefined || Number.isNaN(Number(fee.amount)) || Number(fee.amount) <= 0) messages.push('Amount is invalid');
		if (!subscriber.active) messages.push('The subscriber must be active to add a fee');
		else if (!subscriber.recurring) messages.push('The subscriber must have a recurring subscription to add a fee');
		if (messages.length) return errors(422, ...messages);
		state.fees.push({ customerId: subscriber['customer-id'], ...fee });
		return empty(201);
	}

	function changePlan(request, subscriber) {
		const planId = readBody(request.body, 'subscription-plan')?.id;
		const chosen = planId && findPlan(planId);
		if (!chosen) return text(404, `There is no subscription plan with an ID of ${planId} for this site.`);
		touch(subscriber, { 'subscription-plan-name': chosen.name, 'feature-level': chosen['feature-level'] });
		return subscriberXml(200, subscriber);
	}

	const onTestSite = (handler) => (request) =>
		siteName.includes('test') ? handler(request) : text(403, 'Subscribers can only be deleted on test sites.');

	const one = (suffix) => new RegExp(`^\\/subscribers\\/(?<id>[^/]+?)${suffix}\\.xml$`);
	const handle = router(
		[
			['GET', /^\/subscription_plans\.xml$/, () => xml(200, 'subscription-plans', state.plans)],
			['GET', /^\/subscribers\.xml$/, () =>
				state.subscribers.length
					? xml(200, 'subscribers', state.subscribers)
					: text(200, '<?xml version="1.0" encoding="UTF-8"?>\n<nil-classes type="array"/>\n', 'application/xml; charset=utf-8')],
			['POST', /^\/subscribers\.xml$/, createSubscriber],
			['DELETE', /^\/subscribers\.xml$/, onTestSite(() => {
				state.subscribers.length = 0;
				return empty(200);
			})],
			['GET', one(''), withSubscriber((request, subscriber) => subscriberXml(200, { ...subscriber, invoices: [] }))],
			['PUT', one(''), withSubscriber(updateSubscriber)],
			['DELETE', one(''), onTestSite(withSubscriber((request, subscriber) => {
				state.subscribers.splice(state.subscribers.indexOf(subscriber), 1);
				return empty(200);
			}))],
			['POST', one('/allow_free_trial'), withSubscriber((request, subscriber) =>
				subscriberXml(200, touch(subscriber, { 'eligible-for-free-trial': true })))],
			['POST', one('/subscribe_to_free_trial'), withSubscriber(subscribeToFreeTrial)],
			['POST', one('/complimentary_subscriptions'), withSubscriber(addComplimentarySubscription)],
			['POST', one('/complimentary_time_extensions'), withSubscriber(addTimeExtension)],
			['POST', one('/lifetime_complimentary_subscriptions'), withSubscriber(addLifetime)],
			['POST', one('/credits'), withSubscriber(addStoreCredit)],
			['POST', one('/fees'), withSubscriber(addFee)],
			['PUT', one('/change_subscription_plan'), withSubscriber(changePlan)],
			['POST', one('/stop_auto_renew'), withSubscriber((request, subscriber) => subscriberXml(200, touch(subscriber, { recurring: false })))],
		],
		{
			notFound: () => text(404, 'The page you were looking for does not exist.'),
			methodNotAllowed: () => text(405, 'Method Not Allowed'),
		},
	);

	/** Spreedly's notification: `subscriber_ids=<id>,<id>` for subscribers created or changed (deleted ones are gone). */
	function notifyChanged(before) {
		const url = notifications?.url();
		if (!url) return;
		const changed = [...snapshot(state.subscribers)].filter(([id, now]) => before.get(id) !== now).map(([id]) => id);
		if (!changed.length) return;
		const body = new URLSearchParams({ subscriber_ids: changed.join(',') }).toString();
		notifications.deliver('spreedly', { url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
	}

	const sitePrefix = `/api/v4/${siteName}`;
	return (request) => {
		if (basicAuthUser(header(request, 'authorization')) !== apiToken) return text(401, 'HTTP Basic: Access denied.\n');
		if (!request.path.startsWith(`${sitePrefix}/`)) return text(404, 'The page you were looking for does not exist.');
		const path = request.path.slice(sitePrefix.length);
		const before = snapshot(state.subscribers);
		const response = handle({ ...request, path, params: {} });
		if (response.status < 400) notifyChanged(before);
		return response;
	};
}
