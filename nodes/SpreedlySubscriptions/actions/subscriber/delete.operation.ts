import { subscriberOperation } from './subscriberRequest';

/** Spreedly deletes subscribers on test sites only. */
export const { description, execute } = subscriberOperation('delete', [], () => ({
	method: 'DELETE',
}));
