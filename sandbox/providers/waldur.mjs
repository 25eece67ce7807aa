// Waldur: `Authorization: Token <token>`, DRF error bodies, page/page_size with Link + X-Result-Count,
// every path ends with `/`. Project credits draw on their organisation's (customer's) credit.
import { randomUUID } from 'node:crypto';
import {
	booleanField,
	choiceField,
	decimalField,
	DrfValidationError,
	firstOfMonthDateField,
	normalizeUuid,
	paginate,
	validateFields,
} from '../lib/drf.mjs';
import { empty, header, json, parseJson, router } from '../lib/http.mjs';
import { createWaldurHooks } from './waldur-hooks.mjs';

export const WALDUR_CUSTOMER_UUID = '0c7bd5e1a3b24a5f9d3f2e6b1a4c8d01';
export const WALDUR_CUSTOMER_CREDIT_UUID = '7e1f4c2a9b3d4e5f8a6b0c1d2e3f4a51';
export const WALDUR_PROJECT_UUID = '3d9a6f0e2c1b4a7d8e5f6a7b8c9d0e11';
export const WALDUR_PROJECT_WITHOUT_CREDIT_UUID = '4e0b7a1f3d2c4b8e9f6a7b8c9d0e1f22';
export const WALDUR_PROJECT_CREDIT_UUID = '9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c51';

const newUuid = () => randomUUID().replaceAll('-', '');
const money = { decimalPlaces: 2, maxWholeDigits: 11 };
const CREDIT_FIELDS = {
	value: (value) => decimalField(value, money),
	end_date: firstOfMonthDateField,
	expected_consumption: (value) => decimalField(value, money),
	minimal_consumption_logic: choiceField(['fixed', 'linear']),
	grace_coefficient: (value) => decimalField(value, { decimalPlaces: 0, maxWholeDigits: 3 }),
	apply_as_minimal_consumption: booleanField,
};
const CREDIT_DEFAULTS = {
	value: '0.00',
	end_date: null,
	expected_consumption: '0.00',
	minimal_consumption_logic: 'fixed',
	grace_coefficient: '0',
	apply_as_minimal_consumption: true,
};

function seed() {
	return {
		customers: [{ uuid: WALDUR_CUSTOMER_UUID, name: 'Acme Research', slug: 'acme-research' }],
		projects: [
			{ uuid: WALDUR_PROJECT_UUID, name: 'Genome Lab', slug: 'genome-lab', customer: WALDUR_CUSTOMER_UUID },
			{ uuid: WALDUR_PROJECT_WITHOUT_CREDIT_UUID, name: 'Climate Models', slug: 'climate-models', customer: WALDUR_CUSTOMER_UUID },
		],
		customerCredits: [
			{ ...CREDIT_DEFAULTS, uuid: WALDUR_CUSTOMER_CREDIT_UUID, customer: WALDUR_CUSTOMER_UUID, value: '10000.00', expected_consumption: '1000.00' },
		],
		projectCredits: [
			{
				...CREDIT_DEFAULTS,
				uuid: WALDUR_PROJECT_CREDIT_UUID,
				project: WALDUR_PROJECT_UUID,
				value: '500.00',
				expected_consumption: '100.00',
				mark_unused_credit_as_spent_on_project_termination: false,
			},
		],
		consumptions: { [WALDUR_CUSTOMER_CREDIT_UUID]: [{ date: '2026-01-01', price: '812.40' }, { date: '2026-02-01', price: '640.15' }] },
	};
}

const notFound = () => json(404, { detail: 'Not found.' });

/** The user the sandbox token belongs to (the author of the hooks it registers). */
const TOKEN_USER_UUID = '5f1e2d3c4b5a49687766554433221100';

/** @param {{token: string, deliver?: Function}} options `deliver`: how hooks-web events are posted. */
export function createWaldur({ token, deliver }) {
	const state = seed();
	const hooks = createWaldurHooks({ deliver, authorUuid: TOKEN_USER_UUID });
	const customerOf = (uuid) => state.customers.find((customer) => customer.uuid === uuid);
	const projectOf = (uuid) => state.projects.find((project) => project.uuid === uuid);
	const customerCreditOf = (customerUuid) => state.customerCredits.find((credit) => credit.customer === customerUuid);
	const allocatedTo = (customerUuid) =>
		state.projectCredits
			.filter((credit) => projectOf(credit.project).customer === customerUuid)
			.reduce((sum, credit) => sum + Number(credit.value), 0);
	const minimalConsumption = (credit) =>
		credit.apply_as_minimal_consumption
			? Number(((Number(credit.expected_consumption) * (100 - Number(credit.grace_coefficient))) / 100).toFixed(2))
			: 0;

	const creditTerms = (credit) => ({
		end_date: credit.end_date,
		expected_consumption: credit.expected_consumption,
		minimal_consumption: minimalConsumption(credit),
		minimal_consumption_logic: credit.minimal_consumption_logic,
		grace_coefficient: credit.grace_coefficient,
		apply_as_minimal_consumption: credit.apply_as_minimal_consumption,
	});

	const customerFields = (customer) => ({
		customer_name: customer.name,
		customer_slug: customer.slug,
		customer_uuid: customer.uuid,
	});

	/** The two credit kinds differ only in what they belong to and what they show about it. */
	const kinds = {
		project: {
			collection: 'project-credits',
			records: () => state.projectCredits,
			ownerPath: 'projects',
			extraFields: { mark_unused_credit_as_spent_on_project_termination: booleanField },
			extraDefaults: { mark_unused_credit_as_spent_on_project_termination: false },
			orderings: ['project_name', 'value', 'end_date', 'expected_consumption'],
			represent(request, credit) {
				const project = projectOf(credit.project);
				const customer = customerOf(project.customer);
				const customerCredit = customerCreditOf(customer.uuid);
				return {
					uuid: credit.uuid,
					url: `${request.baseUrl}/api/project-credits/${credit.uuid}/`,
					project: `${request.baseUrl}/api/projects/${project.uuid}/`,
					project_name: project.name,
					project_uuid: project.uuid,
					project_slug: project.slug,
					...customerFields(customer),
					value: credit.value,
					customer_credit: customerCredit?.value ?? null,
					allocated_customer_credit: allocatedTo(customer.uuid),
					consumption_last_month: 0,
					offerings: [],
					...creditTerms(credit),
					mark_unused_credit_as_spent_on_project_termination: credit.mark_unused_credit_as_spent_on_project_termination,
				};
			},
			checkBusinessRules(credit) {
				const customerUuid = projectOf(credit.project).customer;
				const customerCredit = customerCreditOf(customerUuid);
				if (!customerCredit) throw new DrfValidationError(['Customer credit does not exist.']);
				const others = state.projectCredits
					.filter((other) => other.uuid !== credit.uuid && projectOf(other.project).customer === customerUuid)
					.reduce((sum, other) => sum + Number(other.value), 0);
				if (others + Number(credit.value) > Number(customerCredit.value)) {
					throw new DrfValidationError(['The sum of project credits cannot exceed the credit for organization.']);
				}
				if (state.projectCredits.some((other) => other.uuid !== credit.uuid && other.project === credit.project)) {
					throw new DrfValidationError({ project: ['project credit with this project already exists.'] });
				}
			},
		},
		customer: {
			collection: 'customer-credits',
			records: () => state.customerCredits,
			ownerPath: 'customers',
			extraFields: {},
			extraDefaults: {},
			orderings: ['customer_name', 'value', 'end_date', 'expected_consumption'],
			represent(request, credit) {
				const customer = customerOf(credit.customer);
				return {
					uuid: credit.uuid,
					url: `${request.baseUrl}/api/customer-credits/${credit.uuid}/`,
					customer: `${request.baseUrl}/api/customers/${customer.uuid}/`,
					...customerFields(customer),
					value: credit.value,
					offerings: [],
					...creditTerms(credit),
					allocated_to_projects: allocatedTo(customer.uuid),
					consumption_last_month: 0,
				};
			},
			checkBusinessRules(credit) {
				if (Number(credit.expected_consumption) >= Number(credit.value) && Number(credit.expected_consumption) > 0) {
					throw new DrfValidationError({ non_field_errors: ['Expected consumption must be smaller than the credit.'] });
				}
				if (state.customerCredits.some((other) => other.uuid !== credit.uuid && other.customer === credit.customer)) {
					throw new DrfValidationError({ customer: ['customer credit with this customer already exists.'] });
				}
			},
		},
	};

	/** Resolves a hyperlinked `project`/`customer` field the way DRF does: by the URL's path, whatever its host. */
	function ownerField(kind, value) {
		const ownerPath = kinds[kind].ownerPath;
		const match = new RegExp(`/api/${ownerPath}/([0-9a-fA-F-]+)/?$`).exec(String(value ?? ''));
		if (!match) return { error: 'Invalid hyperlink - No URL match.' };
		const uuid = normalizeUuid(match[1]);
		const exists = kind === 'project' ? projectOf(uuid) : customerOf(uuid);
		return exists ? { value: uuid } : { error: 'Invalid hyperlink - Object does not exist.' };
	}

	function validated(kind, body, { partial }) {
		if (!body || typeof body !== 'object' || Array.isArray(body)) {
			throw new DrfValidationError({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
		}
		if (!partial && body[kind] === undefined) throw new DrfValidationError({ [kind]: ['This field is required.'] });
		return validateFields(body, {
			[kind]: (value) => ownerField(kind, value),
			...CREDIT_FIELDS,
			...kinds[kind].extraFields,
		});
	}

	function listFilter(kind, query) {
		const filters = {};
		for (const name of [`${kind}_uuid`, 'customer_uuid']) {
			if (query.get(name) === null) continue;
			const uuid = normalizeUuid(query.get(name));
			if (!uuid) throw new DrfValidationError({ [name]: ['Enter a valid UUID.'] });
			filters[name] = uuid;
		}
		const contains = (haystack, name) => query.get(name) === null || haystack.toLowerCase().includes(query.get(name).toLowerCase());
		return (shown) =>
			Object.entries(filters).every(([name, uuid]) => shown[name] === uuid) &&
			(kind !== 'project' || contains(shown.project_name, 'project_name')) &&
			contains(shown.customer_name, 'customer_name') &&
			(query.get('customer_slug') === null || shown.customer_slug === query.get('customer_slug')) &&
			(query.get('query') === null ||
				[shown.project_name, shown.project_uuid, shown.customer_name, shown.customer_slug, shown.customer_uuid]
					.filter(Boolean)
					.some((field) => field.toLowerCase().includes(query.get('query').toLowerCase())));
	}

	function ordered(kind, records, ordering) {
		if (!ordering) return records;
		const keys = ordering.split(',').filter((key) => kinds[kind].orderings.includes(key.replace(/^-/, '')));
		return [...records].sort((a, b) => {
			for (const key of keys) {
				const field = key.replace(/^-/, '');
				const numeric = field === 'value' || field === 'expected_consumption';
				const x = numeric ? Number(a[field]) : a[field] ?? '';
				const y = numeric ? Number(b[field]) : b[field] ?? '';
				if (x !== y) return (x > y ? 1 : -1) * (key.startsWith('-') ? -1 : 1);
			}
			return 0;
		});
	}

	const detail = (kind, handler) => (request) => {
		const uuid = normalizeUuid(request.params.uuid);
		const credit = kinds[kind].records().find((candidate) => candidate.uuid === uuid);
		return credit ? handler(request, credit) : notFound();
	};

	function save(kind, request, credit, changes) {
		const candidate = { ...credit, ...changes };
		kinds[kind].checkBusinessRules(candidate);
		Object.assign(credit, candidate);
		return kinds[kind].represent(request, credit);
	}

	/** Waldur's staff credit events: `create_of_credit_by_staff` (customer) / `create_of_project_credit_by_staff`, and `update_…`. */
	function announceCredit(kind, action, credit, oldValue) {
		const project = kind === 'project' ? projectOf(credit.project) : undefined;
		const customer = customerOf(project ? project.customer : credit.customer);
		const eventType = `${action}_of_${kind === 'project' ? 'project_' : ''}credit_by_staff`;
		const owner = project ? `project ${project.name}` : `organization ${customer.name}`;
		const message = action === 'create' ? `Credit for ${owner} has been created: ${credit.value}.` : `Credit for ${owner} has been updated from ${oldValue} to ${credit.value}.`;
		const context = {
			credit_uuid: credit.uuid,
			value: credit.value,
			...(action === 'update' && { old_value: oldValue }),
			customer_uuid: customer.uuid,
			customer_name: customer.name,
			...(project && { project_uuid: project.uuid, project_name: project.name }),
		};
		hooks.announce(eventType, message, context);
	}

	function creditRoutes(kind) {
		const { collection, records, represent } = kinds[kind];
		const base = `^\\/api\\/${collection}\\/`;
		const one = new RegExp(`${base}(?<uuid>[0-9a-fA-F-]+)\\/$`);
		const list = (request) => {
			const shown = records().map((credit) => represent(request, credit)).filter(listFilter(kind, request.query));
			return paginate(request, ordered(kind, shown, request.query.get('o')));
		};
		const update = (partial) =>
			detail(kind, (request, credit) => {
				const oldValue = credit.value;
				const shown = save(kind, request, credit, validated(kind, parseJson(request.body), { partial }));
				announceCredit(kind, 'update', credit, oldValue);
				return json(200, shown);
			});
		return [
			['GET', new RegExp(`${base}$`), list],
			['HEAD', new RegExp(`${base}$`), (request) => ({ ...list(request), body: '' })],
			['POST', new RegExp(`${base}$`), (request) => {
				const values = validated(kind, parseJson(request.body), { partial: false });
				const credit = { ...CREDIT_DEFAULTS, ...kinds[kind].extraDefaults, uuid: newUuid() };
				const shown = save(kind, request, credit, values);
				records().push(credit);
				announceCredit(kind, 'create', credit);
				return json(201, shown);
			}],
			['GET', one, detail(kind, (request, credit) => json(200, represent(request, credit)))],
			['PUT', one, update(false)],
			['PATCH', one, update(true)],
			['DELETE', one, detail(kind, (request, credit) => {
				records().splice(records().indexOf(credit), 1);
				return empty(204);
			})],
		];
	}

	const projectShown = (request, project) => {
		const customer = customerOf(project.customer);
		return {
			uuid: project.uuid,
			url: `${request.baseUrl}/api/projects/${project.uuid}/`,
			name: project.name,
			slug: project.slug,
			customer: `${request.baseUrl}/api/customers/${customer.uuid}/`,
			customer_uuid: customer.uuid,
			customer_name: customer.name,
		};
	};
	const customerShown = (request, customer) => ({ ...customer, url: `${request.baseUrl}/api/customers/${customer.uuid}/` });

	/** The project and customer lists the pickers use: `name` (contains), `name_exact`, `query`, `o=name`. */
	const ownerList = (records, show, queryFields) => (request) => {
		const { query } = request;
		const contains = (value, name) => query.get(name) === null || String(value ?? '').toLowerCase().includes(query.get(name).toLowerCase());
		const shown = records()
			.map((record) => show(request, record))
			.filter(
				(record) =>
					contains(record.name, 'name') &&
					(query.get('name_exact') === null || record.name === query.get('name_exact')) &&
					(query.get('query') === null || queryFields.some((field) => contains(record[field], 'query'))),
			);
		const order = query.get('o');
		const sorted = order === 'name' || order === '-name' ? [...shown].sort((a, b) => a.name.localeCompare(b.name) * (order === 'name' ? 1 : -1)) : shown;
		return paginate(request, sorted);
	};

	const ownerRoute = (path, lookup) => [
		'GET',
		new RegExp(`^\\/api\\/${path}\\/(?<uuid>[0-9a-fA-F-]+)\\/$`),
		(request) => {
			const owner = lookup(normalizeUuid(request.params.uuid));
			return owner ? json(200, { ...owner, url: `${request.baseUrl}/api/${path}/${owner.uuid}/` }) : notFound();
		},
	];

	const handle = router(
		[
			...creditRoutes('project'),
			...creditRoutes('customer'),
			['GET', /^\/api\/customer-credits\/(?<uuid>[0-9a-fA-F-]+)\/consumptions\/$/, detail('customer', (request, credit) =>
				paginate(request, state.consumptions[credit.uuid] ?? []),
			)],
			['GET', /^\/api\/projects\/$/, ownerList(() => state.projects, projectShown, ['name', 'slug', 'uuid', 'customer_name'])],
			['GET', /^\/api\/customers\/$/, ownerList(() => state.customers, customerShown, ['name', 'slug', 'uuid'])],
			...hooks.routes,
			ownerRoute('projects', projectOf),
			ownerRoute('customers', customerOf),
		],
		{
			notFound,
			methodNotAllowed: ({ method }) => json(405, { detail: `Method "${method}" not allowed.` }),
		},
	);

	return (request) => {
		const authorization = header(request, 'authorization');
		if (!authorization) return json(401, { detail: 'Authentication credentials were not provided.' });
		if (authorization !== `Token ${token}`) return json(401, { detail: 'Invalid token.' });
		if (!request.path.endsWith('/')) {
			// Django's APPEND_SLASH redirects reads; a write would lose its body on the redirect, so refuse it.
			if (request.method === 'GET' || request.method === 'HEAD') {
				const query = request.query.toString();
				return empty(301, { location: `${request.baseUrl}${request.path}/${query ? `?${query}` : ''}` });
			}
			return notFound();
		}
		try {
			return handle(request);
		} catch (error) {
			if (error instanceof DrfValidationError) return json(400, error.errors);
			throw error;
		}
	};
}
