import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { READS } from '../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../shared/descriptions';
import type { RequestSettings } from '../shared/requestSettings';
import type { ItemPlan } from '../shared/pipeline/operation';
import type { Operation } from '../shared/router';
import { requirePositiveInteger } from '../shared/fields';
import { numericIdProperty } from './parameters';
import { voyadoRequest } from './transport';

interface GetByIdSpec {
	resource: string;
	/** The parameter, e.g. `accountId`, and its label. */
	idName: string;
	idLabel: string;
	/** The ID parameter: a numeric ID field with this description, or a picker of its own. */
	idDescription?: string;
	idProperty?: INodeProperties;
	/** Reads and checks the ID (before any request); a numeric ID by default. */
	requireId?: (ctx: IExecuteFunctions, name: string, itemIndex: number, label: string) => unknown;
	/** The collection path; the ID is appended. */
	path: string;
	/** "point account", for the not-found message. */
	what: string;
}

/** A `get` operation: GET <path>/<id>, the record as it comes. */
export function getByIdOperation(spec: GetByIdSpec): Operation {
	return {
		sending: READS,
		description: forOperation(spec.resource, 'get', [
			spec.idProperty ?? numericIdProperty(spec.idLabel, spec.idName, spec.idDescription ?? ''),
			optionsCollection([]),
		]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings): ItemPlan {
			const requireId = spec.requireId ?? requirePositiveInteger;
			const id = String(requireId(this, spec.idName, itemIndex, spec.idLabel));
			const request = {
				method: 'GET' as const,
				path: `${spec.path}/${id}`,
				notFoundMessage: `No Voyado Engage ${spec.what} with ID ${id} was found`,
				emptySuccess: { record: `${spec.what} ${id}` },
			};
			return {
				send: async () => await voyadoRequest<IDataObject>(this, request, itemIndex, settings),
			};
		},
	};
}
