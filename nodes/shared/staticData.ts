import type { IDataObject } from 'n8n-workflow';

/** The node's static data, typed: plain JSON that n8n saves with the workflow. */
export function nodeState<T extends IDataObject>(ctx: {
	getWorkflowStaticData(type: string): IDataObject;
}): Partial<T> {
	return ctx.getWorkflowStaticData('node') as Partial<T>;
}
