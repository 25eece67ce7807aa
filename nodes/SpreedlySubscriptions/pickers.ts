import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import type { ListSearch } from '../shared/locator';
import { textOf } from '../shared/text';
import { locatorProperty, matchesSearch, pageOfList, pickerResults } from '../shared/locator';
import { fetchPage } from './listing';
import { defaultRequestSettings } from '../shared/requestSettings';

const PLANS_PATH = '/subscription_plans.xml';
const SUBSCRIBERS_PATH = '/subscribers.xml';

/** "Team (team), 49 USD, 1 month", with "disabled" for a plan that takes no new subscribers. */
function planEntry(plan: IDataObject): INodeListSearchItems {
	const price = [textOf(plan.price ?? plan.amount), textOf(plan.currencyCode)]
		.filter(Boolean)
		.join(' ');
	const details = [price, textOf(plan.terms)].filter(Boolean).join(', ');
	const level = plan.featureLevel ? ` (${textOf(plan.featureLevel)})` : '';
	const disabled = plan.enabled === false ? ' [disabled]' : '';
	return {
		name: `${textOf(plan.name)}${level}${details ? `, ${details}` : ''}${disabled}`,
		value: textOf(plan.id),
	};
}

function subscriberEntry(subscriber: IDataObject): INodeListSearchItems {
	const email = subscriber.email ? ` (${textOf(subscriber.email)})` : '';
	return {
		name: `${textOf(subscriber.screenName)}${email}, ID ${textOf(subscriber.customerId)}`,
		value: textOf(subscriber.customerId),
	};
}

/**
 * Spreedly sends plans and subscribers as one whole list and cannot filter them, so the pickers search
 * the list here and page through it themselves.
 */
async function searchList(
	ctx: ILoadOptionsFunctions,
	path: string,
	what: string,
	shownFields: (record: IDataObject) => unknown[],
	toEntry: (record: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const list = { ctx, path, query: {}, itemIndex: 0, settings: defaultRequestSettings(ctx) };
	const { items: records } = await fetchPage(list, what);
	const found = records.filter((record) => matchesSearch(filter, shownFields(record)));
	return pickerResults(pageOfList(found, paginationToken), toEntry);
}

export const searchPlans: ListSearch = async function (filter, paginationToken) {
	const fields = (plan: IDataObject) => [plan.name, plan.featureLevel, plan.id];
	return await searchList(
		this,
		PLANS_PATH,
		'subscription plan',
		fields,
		planEntry,
		filter,
		paginationToken,
	);
};

export const searchSubscribers: ListSearch = async function (filter, paginationToken) {
	const fields = (subscriber: IDataObject) => [
		subscriber.customerId,
		subscriber.screenName,
		subscriber.email,
	];
	return await searchList(
		this,
		SUBSCRIBERS_PATH,
		'subscriber',
		fields,
		subscriberEntry,
		filter,
		paginationToken,
	);
};

/** The feature levels the site's plans use, each once, with the plans that give it. */
export const searchFeatureLevels: ListSearch = async function (filter, paginationToken) {
	const plans = {
		ctx: this,
		path: PLANS_PATH,
		query: {},
		itemIndex: 0,
		settings: defaultRequestSettings(this),
	};
	const { items } = await fetchPage(plans, 'subscription plan');
	const levels = new Map<string, string[]>();
	for (const plan of items) {
		const level = textOf(plan.featureLevel).trim();
		if (level === '' || !matchesSearch(filter, [level])) continue;
		levels.set(level, [...(levels.get(level) ?? []), textOf(plan.name)]);
	}
	const entries = [...levels].map(([level, planNames]) => ({ level, planNames }));
	return pickerResults(pageOfList(entries, paginationToken), ({ level, planNames }) => ({
		name: level,
		value: level,
		description: `Used by ${planNames.join(', ')}`,
	}));
};

export const planLocator: INodeProperties = locatorProperty({
	displayName: 'Plan ID',
	name: 'planId',
	description:
		'The subscription plan: pick one (search by name or feature level), or give its numeric ID',
	searchListMethod: 'searchPlans',
	what: 'a plan',
	searchable: true,
	id: {
		placeholder: '12345',
		pattern: {
			regex: '^\\s*[0-9]+\\s*$',
			errorMessage: 'The Plan ID must be a whole number, such as 12345',
		},
	},
});

/** The subscriber an operation acts on: one that exists (create and Get or Create take a new ID as text). */
export const existingSubscriberLocator: INodeProperties = locatorProperty({
	displayName: 'Customer ID',
	name: 'customerId',
	description:
		"The subscriber: pick one (search by customer ID, screen name or email), or give your application's own ID for the subscriber, which Spreedly calls the customer ID",
	searchListMethod: 'searchSubscribers',
	what: 'a subscriber',
	searchable: true,
	id: { placeholder: '42' },
});

/**
 * Feature Level stays text on the wire and accepts any level (By ID); From List offers the levels
 * the site's plans use, which are usually the ones that matter.
 */
export const featureLevelLocator: INodeProperties = locatorProperty({
	displayName: 'Feature Level',
	name: 'featureLevel',
	description:
		"The feature level the subscriber gets: pick one of your plans' levels, or type any level",
	searchListMethod: 'searchFeatureLevels',
	what: 'a feature level',
	searchable: true,
	id: { placeholder: 'Pro' },
});
