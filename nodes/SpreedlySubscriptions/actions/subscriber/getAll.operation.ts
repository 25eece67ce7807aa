import { listOperation } from '../../listing';

export const { description, plan } = listOperation('subscriber', '/subscribers.xml', 'subscriber');
