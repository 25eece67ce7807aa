import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from './context';
import type { RequestSettings } from './requestSettings';

/** A collection of a provider's API to read, from any n8n context (a run, a picker, a poll). */
export interface Collection {
	ctx: ApiContext;
	path: string;
	query: IDataObject;
	itemIndex: number;
	/** The item's Timeout / Max Retries and its run's state; pickers and polls: defaultRequestSettings(ctx). */
	settings: RequestSettings;
}
