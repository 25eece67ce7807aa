import { subscriberOperation } from './subscriberRequest';

export const { description, execute } = subscriberOperation('get', [], () => ({ method: 'GET' }));
