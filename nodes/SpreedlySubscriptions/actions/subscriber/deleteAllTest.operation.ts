import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation, optionsCollection } from '../../../shared/descriptions';
import { recordOrSuccess } from '../../results';
import { siteAddressOf, spreedlyRequest, CREDENTIAL_TYPE } from '../../transport';
import { testSitesOnlyNotice } from './fields';

export const description = [
	...testSitesOnlyNotice(
		'deleteAllTest',
		'Test sites only: this deletes every subscriber of the site. Spreedly refuses on production sites.',
	),
	...forOperation('subscriber', 'deleteAllTest', [optionsCollection()]),
];

/** DELETE /subscribers.xml: Spreedly wipes a test site's subscribers and refuses on production sites. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { siteName } = siteAddressOf(await this.getCredentials(CREDENTIAL_TYPE, itemIndex), this);
	const body = await spreedlyRequest(
		this,
		{ method: 'DELETE', path: '/subscribers.xml' },
		itemIndex,
	);
	return recordOrSuccess(body, { siteName });
}
