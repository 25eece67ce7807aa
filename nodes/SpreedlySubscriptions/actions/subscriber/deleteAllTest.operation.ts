import type { IExecuteFunctions } from 'n8n-workflow';

import { WRITES } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import { recordOrSuccess } from '../../results';
import { siteAddressOf, spreedlyAnswer, CREDENTIAL_TYPE } from '../../transport';
import { TEST_SITES_ONLY_HINT, testSitesOnlyNotice } from '../../fields';

export const sending = WRITES;

export const description = [
	...testSitesOnlyNotice(
		'deleteAllTest',
		'Test sites only: this deletes every subscriber of the site. Spreedly refuses on production sites.',
	),
	...forOperation('subscriber', 'deleteAllTest', [optionsCollection([])]),
];

/** DELETE /subscribers.xml: Spreedly wipes a test site's subscribers and refuses on production sites. */
export async function plan(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<ItemPlan> {
	const { siteName } = siteAddressOf(await settings.credentials.of(CREDENTIAL_TYPE), this);
	const request = {
		method: 'DELETE' as const,
		path: '/subscribers.xml',
		emptySuccess: { done: { siteName } },
		statusHints: { 403: TEST_SITES_ONLY_HINT },
	};
	return {
		// Every item wipes the same site: one after another.
		recordKey: siteName,
		send: async () =>
			recordOrSuccess(await spreedlyAnswer(this, request, itemIndex, settings), { siteName }),
	};
}
