import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceSelector } from '../shared/descriptions';
import { operationProperties, routeOperation } from '../shared/router';
import { operations, operationSelectors } from './actions/router';
import { searchFeatureLevels, searchPlans, searchSubscribers } from './pickers';

export class SpreedlySubscriptions implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Spreedly Subscriptions',
		name: 'spreedlySubscriptions',
		icon: {
			light: 'file:../../icons/spreedlySubscriptions.svg',
			dark: 'file:../../icons/spreedlySubscriptions.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage Spreedly (Pin Payments) Subscriptions subscribers: free trials, complimentary time, fees, store credit and plans',
		defaults: { name: 'Spreedly Subscriptions' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'spreedlySubscriptionsApi', required: true }],
		properties: [
			resourceSelector(
				[
					{ name: 'Subscriber', value: 'subscriber' },
					{ name: 'Subscription Plan', value: 'plan' },
					{ name: 'Transaction', value: 'transaction' },
				],
				'subscriber',
			),
			...operationSelectors,
			...operationProperties(operations),
		],
	};

	methods = { listSearch: { searchPlans, searchSubscribers, searchFeatureLevels } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, operations, 'Spreedly Subscriptions API');
	}
}
