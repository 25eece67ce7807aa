import { newSubscriberOperation, postSubscriber } from './newSubscriber';

export const { description, plan } = newSubscriberOperation('create', postSubscriber);
