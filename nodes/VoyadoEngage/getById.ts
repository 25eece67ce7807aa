import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { READS } from '../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../shared/descriptions';
import type { RequestSettings } from '../shared/requestSettings';
import type { ItemPlan } from '../shared/pipeline/operation';
import type { Operation } from '../shared/router';
import type { Field } from '../shared/fields';
import { voyadoRequest } from './transport';

interface GetByIdSpec {
	resource: string;
	/** The ID parameter, declared with its check. */
	id: Field<string | number>;
	/** The collection path; the ID is appended. */
	path: string;
	/** "point account", for the not-found message. */
	what: string;
}

/** A `get` operation: GET <path>/<id>, the record as it comes. */
export function getByIdOperation(spec: GetByIdSpec): Operation {
	return {
		sending: READS,
		description: forOperation(spec.resource, 'get', [spec.id.property, optionsCollection([])]),
		plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings): ItemPlan {
			const id = String(spec.id.read(this, itemIndex));
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
