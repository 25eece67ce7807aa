import { newSubscriberOperation, postSubscriber } from './newSubscriber';

export const { description, sending, plan } = newSubscriberOperation('create', postSubscriber);
