import { listOperation } from '../../listing';

export const { description, sending, plan } = listOperation(
	'plan',
	'/subscription_plans.xml',
	'subscription plan',
);
