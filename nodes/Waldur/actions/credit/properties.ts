import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';

import { additionalFieldsCollection, optionsCollection } from '../../../shared/descriptions';
import type { ApiRequest } from '../../../shared/http';
import { requireString } from '../../../shared/fields';
import type { CreditKind } from '../../credits';
import { itemPath } from '../../credits';
import { additionalFieldProperties, creditBody, requiredProperties } from '../../fields';
import { waldurBaseUrl } from '../../transport';
import { collectionOf, creditLocator } from '../../pickers';
import { requireRecordUuid } from '../../values';
import type { RequestSettings } from '../../../shared/requestSettings';

export function uuidProperty(kind: CreditKind): INodeProperties {
	return creditLocator(kind);
}

/** The credit's UUID, given as a UUID or (By URL) as its record URL. */
export function requireCreditUuid(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: CreditKind,
): string {
	return requireRecordUuid(ctx, 'uuid', itemIndex, 'Credit UUID', collectionOf(kind.path));
}

/** A request on one credit (`<path><uuid>/`); a 404 without a message names the credit. */
export function creditItemRequest(
	kind: CreditKind,
	method: IHttpRequestMethods,
	uuid: string,
	body?: IDataObject,
): ApiRequest {
	const notFoundMessage = `No Waldur ${kind.noun} with UUID ${uuid} was found, or the credential may not see it`;
	// A read must return the credit; a write without a body says which credit it changed.
	const emptySuccess = method === 'GET' ? { record: `${kind.noun} ${uuid}` } : { done: { uuid } };
	return { method, path: itemPath(kind, uuid), body, notFoundMessage, emptySuccess };
}

/** Builds the request body from parameter values; checks them all before any request. */
export async function buildCreditBody(
	ctx: IExecuteFunctions,
	kind: CreditKind,
	values: IDataObject,
	itemIndex: number,
	settings: RequestSettings,
): Promise<IDataObject> {
	const baseUrl = await waldurBaseUrl(ctx, settings);
	return creditBody(values, { ctx, itemIndex, baseUrl, kind });
}

/** A required parameter as given: a number stays a number, so a decimal check can explain float rounding. */
function requiredValue(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): IDataObject[string] {
	requireString(ctx, name, itemIndex, label);
	return ctx.getNodeParameter(name, itemIndex) as IDataObject[string];
}

/** Owner, value and "Additional Fields": the parameters create and replace share. */
export function fullCreditProperties(kind: CreditKind): INodeProperties[] {
	return [
		...requiredProperties(kind),
		additionalFieldsCollection(additionalFieldProperties(kind)),
		optionsCollection([]),
	];
}

/** The body of create and replace: the required owner and value plus the additional fields given. */
export async function fullCreditBody(
	ctx: IExecuteFunctions,
	kind: CreditKind,
	itemIndex: number,
	settings: RequestSettings,
): Promise<IDataObject> {
	const values: IDataObject = {
		...(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		[kind.owner.name]: requiredValue(ctx, kind.owner.name, itemIndex, kind.owner.label),
		value: requiredValue(ctx, 'value', itemIndex, 'Value'),
	};
	return await buildCreditBody(ctx, kind, values, itemIndex, settings);
}
