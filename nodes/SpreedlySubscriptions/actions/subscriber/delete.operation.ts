import { TEST_SITES_ONLY_HINT, testSitesOnlyNotice } from '../../fields';
import { subscriberOperation } from './subscriberRequest';

/** Spreedly deletes subscribers on test sites only. */
const deleteOne = subscriberOperation('delete', [], () => ({
	method: 'DELETE',
	statusHints: { 403: TEST_SITES_ONLY_HINT },
}));

export const description = [
	...testSitesOnlyNotice(
		'delete',
		'Test sites only: Spreedly deletes subscribers of test sites and refuses on production sites',
	),
	...deleteOne.description,
];

export const { sending, plan } = deleteOne;
