import { readFileSync } from 'fs';
import { join } from 'path';

import { openapiSchemaToJsonSchema } from '@openapi-contrib/openapi-schema-to-json-schema';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';

/**
 * Validates HTTP exchanges against Waldur's official OpenAPI schema 8.0.5 (the cut copy under
 * test/fixtures/waldur), so the node cannot drift from the real API.
 */

export const SCHEMA_FILE = join(
	__dirname,
	'../../fixtures/waldur/waldur-openapi-schema-8.0.5.cut.yaml',
);

type Json = Record<string, unknown>;

interface Parameter {
	name: string;
	in: 'query' | 'path' | 'header' | 'cookie';
	required?: boolean;
	schema: Json;
	style?: string;
	explode?: boolean;
}

interface Operation {
	parameters?: Array<Parameter | { $ref: string }>;
	requestBody?: { required?: boolean; content: Record<string, { schema: Json }> };
	responses: Record<
		string,
		{
			content?: Record<string, { schema: Json }>;
			headers?: Record<string, { $ref?: string; schema?: Json }>;
		}
	>;
	security?: Array<Record<string, string[]>>;
}

interface Document {
	paths: Record<string, Record<string, Operation>>;
	components: {
		schemas: Record<string, Json>;
		parameters: Record<string, Parameter>;
		headers: Record<string, { schema: Json }>;
	};
}

export const document = yaml.load(readFileSync(SCHEMA_FILE, 'utf8')) as Document;

const SCHEMA_ID = 'waldur-8.0.5';

/** `#/components/schemas/X` → a reference into the ajv copy, where component schemas live under `$defs`. */
function retarget(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(retarget);
	if (!node || typeof node !== 'object') return node;
	return Object.fromEntries(
		Object.entries(node).map(([key, value]) => [
			key,
			key === '$ref' && typeof value === 'string'
				? value.replace('#/components/schemas/', `${SCHEMA_ID}#/$defs/`)
				: retarget(value),
		]),
	);
}

function toJsonSchema(schema: Json): Json {
	// The converter marks its output as draft-04; ajv validates it as draft-07, which reads it the same.
	const { $schema: _draft, ...converted } = openapiSchemaToJsonSchema(schema, {
		cloneSchema: true,
	});
	return retarget(converted) as Json;
}

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
// Waldur writes UUIDs as 32 hex digits (and accepts the dashed form), which JSON Schema's `uuid` does not know.
ajv.addFormat('uuid', /^(?:[0-9a-f]{32}|[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})$/i);
// OpenAPI formats drf-spectacular emits; the schemas' own patterns do the precise check.
ajv.addFormat('decimal', /^-?(?:\d+\.?\d*|\.\d+)$/);
ajv.addFormat('double', { type: 'number', validate: (value: number) => Number.isFinite(value) });
ajv.addSchema({
	$id: SCHEMA_ID,
	$defs: Object.fromEntries(
		Object.entries(document.components.schemas).map(([name, schema]) => [
			name,
			toJsonSchema(schema),
		]),
	),
});

const compiled = new Map<object, ValidateFunction>();
function validatorFor(schema: Json): ValidateFunction {
	let validate = compiled.get(schema);
	if (!validate) {
		validate = ajv.compile(toJsonSchema(schema));
		compiled.set(schema, validate);
	}
	return validate;
}

function check(schema: Json, value: unknown, where: string): string[] {
	const validate = validatorFor(schema);
	if (validate(value)) return [];
	return (validate.errors ?? []).map(
		(error) =>
			`${where}${error.instancePath} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`,
	);
}

/** Validates a value against a named component schema, e.g. `ProjectCreditRequest`. */
export function componentProblems(name: string, value: unknown): string[] {
	const schema = document.components.schemas[name];
	if (!schema) throw new Error(`The cut schema has no component "${name}"`);
	return check(schema, value, name);
}

function resolveParameter(parameter: Parameter | { $ref: string }): Parameter {
	if ('$ref' in parameter) return document.components.parameters[parameter.$ref.split('/').pop()!];
	return parameter;
}

interface Match {
	template: string;
	operation: Operation;
	pathParams: Record<string, string>;
}

function templateRegex(template: string): RegExp {
	const pattern = template
		.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
		.replace(/\\?\{(\w+)\\?\}/g, '(?<$1>[^/]+)');
	return new RegExp(`^${pattern}$`);
}

function findOperation(method: string, pathname: string): Match | undefined {
	for (const [template, item] of Object.entries(document.paths)) {
		const match = templateRegex(template).exec(pathname);
		const operation = item[method.toLowerCase()];
		if (match && operation) return { template, operation, pathParams: { ...match.groups } };
	}
	return undefined;
}

/** A query or path value as the schema's type expects it (`explode: false` arrays are comma-separated). */
function coerce(parameter: Parameter, text: string): unknown {
	const type = parameter.schema.type;
	if (type === 'array') {
		const itemType = (parameter.schema.items as Json | undefined)?.type;
		return text
			.split(',')
			.map((part) => (itemType === 'integer' && /^-?\d+$/.test(part) ? Number(part) : part));
	}
	if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text))
		return Number(text);
	if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
	return text;
}

export interface WireRequest {
	method: string;
	/** The path without the query, e.g. `/api/project-credits/`. */
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	/** The parsed JSON body, or undefined when none was sent. */
	body: unknown;
}

export interface WireResponse {
	status: number;
	headers: Record<string, string>;
	/** The reply as sent: a JSON value, or a string for a body that is not JSON. */
	body: unknown;
}

/** Everything in a request the schema does not allow: unknown path, parameters, body, authentication. */
export function requestProblems(request: WireRequest): string[] {
	const where = `${request.method} ${request.path}`;
	const match = findOperation(request.method, request.path);
	if (!match) return [`${where}: no such operation in Waldur's schema`];
	const problems: string[] = [];
	const parameters = (match.operation.parameters ?? []).map(resolveParameter);

	for (const parameter of parameters.filter((p) => p.in === 'path')) {
		problems.push(
			...check(
				parameter.schema,
				match.pathParams[parameter.name],
				`${where} path ${parameter.name}`,
			),
		);
	}
	const queryParameters = new Map(
		parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]),
	);
	for (const [name, value] of Object.entries(request.query)) {
		const parameter = queryParameters.get(name);
		if (!parameter) {
			problems.push(`${where}: unknown query parameter "${name}"`);
			continue;
		}
		if (Array.isArray(value)) {
			problems.push(`${where}: query parameter "${name}" sent ${value.length} times`);
			continue;
		}
		problems.push(...check(parameter.schema, coerce(parameter, value), `${where} query ${name}`));
	}
	for (const parameter of queryParameters.values()) {
		if (parameter.required && !(parameter.name in request.query))
			problems.push(`${where}: required query parameter "${parameter.name}" missing`);
	}

	const bodySchema = match.operation.requestBody?.content['application/json']?.schema;
	if (request.body === undefined) {
		if (match.operation.requestBody?.required)
			problems.push(`${where}: the schema requires a JSON body`);
	} else if (!bodySchema) {
		problems.push(`${where}: the schema defines no request body`);
	} else {
		problems.push(...check(bodySchema, request.body, `${where} body`));
	}

	// tokenAuth: an API key in the Authorization header, which Waldur reads as `Token <key>`.
	if (match.operation.security?.some((requirement) => 'tokenAuth' in requirement)) {
		const authorization = request.headers.authorization;
		if (typeof authorization !== 'string' || !/^Token \S+$/.test(authorization))
			problems.push(`${where}: no "Authorization: Token <key>" header`);
	}
	return problems;
}

/**
 * DRF's error bodies, which the schema does not describe: `{"detail": "..."}`, field maps such as
 * `{"end_date": ["..."]}` or `{"non_field_errors": [...]}`, and a bare list `["..."]`.
 */
const drfErrorBody: Json = {
	definitions: {
		messages: {
			anyOf: [
				{ type: 'string' },
				{ type: 'array', items: { $ref: '#/definitions/messages' } },
				{ type: 'object', additionalProperties: { $ref: '#/definitions/messages' } },
			],
		},
	},
	anyOf: [
		{ type: 'array', items: { type: 'string' } },
		{ type: 'object', minProperties: 1, additionalProperties: { $ref: '#/definitions/messages' } },
	],
};
const validateDrfError = new Ajv({ allErrors: true }).compile(drfErrorBody);

/** Everything in a response the schema (or, for errors it does not list, DRF's error format) does not allow. */
export function responseProblems(
	request: Pick<WireRequest, 'method' | 'path'>,
	response: WireResponse,
): string[] {
	const where = `${request.method} ${request.path} → ${response.status}`;
	const match = findOperation(request.method, request.path);
	if (!match) return [`${where}: no such operation in Waldur's schema`];
	const documented = match.operation.responses[String(response.status)];
	if (!documented) {
		if (response.status < 400) return [`${where}: status not in Waldur's schema`];
		return validateDrfError(response.body)
			? []
			: [`${where}: not a DRF error body: ${JSON.stringify(response.body)}`];
	}
	const problems: string[] = [];
	const schema = documented.content?.['application/json']?.schema;
	if (!schema) {
		if (response.body !== undefined && response.body !== '')
			problems.push(`${where}: the schema says "No response body"`);
	} else if (typeof response.body === 'string') {
		problems.push(`${where}: the body is not JSON`);
	} else {
		problems.push(...check(schema, response.body, `${where} body`));
	}
	for (const [name, header] of Object.entries(documented.headers ?? {})) {
		const value = response.headers[name.toLowerCase()];
		if (value === undefined) continue;
		const headerSchema = header.$ref
			? document.components.headers[header.$ref.split('/').pop()!].schema
			: header.schema!;
		problems.push(
			...check(
				headerSchema,
				/^\d+$/.test(value) ? Number(value) : value,
				`${where} header ${name}`,
			),
		);
	}
	return problems;
}
