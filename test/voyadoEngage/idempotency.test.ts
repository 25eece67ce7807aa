import type { IExecuteFunctions } from 'n8n-workflow';

import { automaticKeyBase } from '../../nodes/VoyadoEngage/batchAdd/idempotency';

interface Run {
	instanceId: string;
	workflowId: string;
	executionId: string;
	nodeId: string;
	runIndex: number;
}

const RUN: Run = {
	instanceId: 'instance-a',
	workflowId: 'wf-1',
	executionId: '101',
	nodeId: 'node-1',
	runIndex: 0,
};

function contextOf(run: Run): IExecuteFunctions {
	return {
		getInstanceId: () => run.instanceId,
		getWorkflow: () => ({ id: run.workflowId, active: false }),
		getExecutionId: () => run.executionId,
		getNode: () => ({ id: run.nodeId }),
		getWorkflowDataProxy: () => ({ $runIndex: run.runIndex }),
	} as unknown as IExecuteFunctions;
}

describe('Voyado Engage automatic Idempotency-Key base', () => {
	it('is the same for every try of the same node run', () => {
		expect(automaticKeyBase(contextOf(RUN))).toMatch(/^n8n-[0-9a-f]{32}$/);
		expect(automaticKeyBase(contextOf({ ...RUN }))).toBe(automaticKeyBase(contextOf(RUN)));
	});

	it.each<[string, Partial<Run>]>([
		['n8n instance', { instanceId: 'instance-b' }],
		['workflow', { workflowId: 'wf-2' }],
		['execution', { executionId: '102' }],
		['node', { nodeId: 'node-2' }],
		['run (a loop pass)', { runIndex: 1 }],
	])('differs for another %s', (_what, change) => {
		expect(automaticKeyBase(contextOf({ ...RUN, ...change }))).not.toBe(
			automaticKeyBase(contextOf(RUN)),
		);
	});

	it('is never shared between runs without an execution ID', () => {
		const withoutId = { ...RUN, executionId: '' };
		expect(automaticKeyBase(contextOf(withoutId))).not.toBe(automaticKeyBase(contextOf(withoutId)));
	});
});
