// Waldur's web hooks (`/api/hooks-web/`, waldur_core/logging) and the credit events they receive.
// Waldur posts `{created, message, context, event_type}` once, unsigned, to every active hook subscribed to the type.
import { randomUUID } from 'node:crypto';
import { booleanField, choiceField, DrfValidationError, normalizeUuid, paginate, validateFields } from '../lib/drf.mjs';
import { empty, json, nowIso, parseJson } from '../lib/http.mjs';

/** Credit event types across Waldur versions (2024 code, schema 8.0.5, 8.0.7); the group `credits` means all of them. */
export const WALDUR_CREDIT_EVENT_TYPES = Object.freeze([
	'automatic_credit_adjustment',
	'create_of_credit_by_staff',
	'update_of_credit_by_staff',
	'create_of_project_credit_by_staff',
	'update_of_project_credit_by_staff',
	'reduction_of_credit',
	'reduction_of_customer_credit',
	'reduction_of_project_credit',
	'reduction_of_credit_due_to_minimal_consumption',
	'reduction_of_customer_credit_due_to_minimal_consumption',
	'reduction_of_project_credit_due_to_minimal_consumption',
	'reduction_of_customer_expected_consumption',
	'reduction_of_project_expected_consumption',
	'set_to_zero_overdue_credit',
	'roll_back_customer_credit',
	'roll_back_project_credit',
]);
const EVENT_GROUPS = { credits: WALDUR_CREDIT_EVENT_TYPES };

function destinationUrl(value) {
	try {
		const url = new URL(String(value));
		return ['http:', 'https:'].includes(url.protocol) ? { value: url.href } : { error: 'Enter a valid URL.' };
	} catch {
		return { error: 'Enter a valid URL.' };
	}
}

const listOf = (validate) => (value) => {
	if (!Array.isArray(value)) return { error: `Expected a list of items but got type "${typeof value}".` };
	const results = value.map(validate);
	const failed = results.find((result) => result.error);
	return failed ?? { value: results.map((result) => result.value) };
};

const HOOK_FIELDS = {
	destination_url: destinationUrl,
	event_types: listOf(choiceField(WALDUR_CREDIT_EVENT_TYPES)),
	event_groups: listOf(choiceField(Object.keys(EVENT_GROUPS))),
	content_type: choiceField(['json', 'form']),
	is_active: booleanField,
};

/**
 * @param {{deliver?: Function, authorUuid: string}} options
 * @returns {{routes: Array, announce: (eventType: string, message: string, context: object) => void}}
 */
export function createWaldurHooks({ deliver, authorUuid }) {
	const hooks = [];

	const represent = (request, hook) => ({ url: `${request.baseUrl}/api/hooks-web/${hook.uuid}/`, hook_type: 'webhook', author_uuid: authorUuid, ...hook });

	function validated(body, { partial }) {
		if (!body || typeof body !== 'object' || Array.isArray(body)) {
			throw new DrfValidationError({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
		}
		if (!partial && body.destination_url === undefined) throw new DrfValidationError({ destination_url: ['This field is required.'] });
		const values = validateFields(body, HOOK_FIELDS);
		// Groups are expanded into event types when the hook is saved.
		if (values.event_groups) values.event_types = [...new Set([...(values.event_types ?? []), ...values.event_groups.flatMap((group) => EVENT_GROUPS[group])])];
		return values;
	}

	const withHook = (handler) => (request) => {
		const hook = hooks.find((candidate) => candidate.uuid === normalizeUuid(request.params.uuid));
		return hook ? handler(request, hook) : json(404, { detail: 'Not found.' });
	};

	const one = /^\/api\/hooks-web\/(?<uuid>[0-9a-fA-F-]+)\/$/;
	const routes = [
		['GET', /^\/api\/hooks-web\/$/, (request) => {
			const destination = request.query.get('destination_url');
			const shown = hooks.filter((hook) => destination === null || hook.destination_url === destination);
			return paginate(request, shown.map((hook) => represent(request, hook)));
		}],
		['POST', /^\/api\/hooks-web\/$/, (request) => {
			const now = nowIso();
			const hook = { uuid: randomUUID().replaceAll('-', ''), event_types: [], event_groups: [], content_type: 'json', is_active: true, created: now, modified: now };
			Object.assign(hook, validated(parseJson(request.body), { partial: false }));
			hooks.push(hook);
			return json(201, represent(request, hook));
		}],
		['GET', one, withHook((request, hook) => json(200, represent(request, hook)))],
		['PATCH', one, withHook((request, hook) => json(200, represent(request, Object.assign(hook, validated(parseJson(request.body), { partial: true }), { modified: nowIso() }))))],
		['DELETE', one, withHook((request, hook) => {
			hooks.splice(hooks.indexOf(hook), 1);
			return empty(204);
		})],
	];

	function announce(eventType, message, context) {
		const event = { created: nowIso(), message, context, event_type: eventType };
		for (const hook of hooks.filter((candidate) => candidate.is_active && candidate.event_types.includes(eventType))) {
			const form = hook.content_type === 'form';
			const body = form
				? new URLSearchParams({ ...event, context: JSON.stringify(context) }).toString()
				: JSON.stringify(event);
			deliver?.('waldur', { url: hook.destination_url, headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' }, body });
		}
	}

	return { routes, announce };
}
