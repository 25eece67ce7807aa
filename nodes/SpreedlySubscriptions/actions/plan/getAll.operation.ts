import { listOperation } from '../../listing';

export const { description, plan } = listOperation(
	'plan',
	'/subscription_plans.xml',
	'subscription plan',
);
