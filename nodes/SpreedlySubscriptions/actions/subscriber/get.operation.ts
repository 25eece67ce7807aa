import { subscriberOperation } from './subscriberRequest';

export const { description, plan } = subscriberOperation('get', [], () => ({ method: 'GET' }));
