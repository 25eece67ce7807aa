import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The webhook events Engage documents (developer.voyado.com "Webhooks", "Using webhooks in Engage").
 * The client's Svix portal lists the complete, current set; the Events parameter also accepts others.
 */
export const VOYADO_EVENTS: INodePropertyOptions[] = [
	{
		name: 'Contact Consent Changed',
		value: 'contact.consent.changed',
		description: 'A consent-typed field of a contact changed',
	},
	{ name: 'Contact Created', value: 'contact.created', description: 'A contact was created' },
	// The page names "Contact deleted" without showing its ID; contact.deleted follows its siblings' pattern.
	{ name: 'Contact Deleted', value: 'contact.deleted', description: 'A contact was deleted' },
	{
		name: 'Contact Email Preference Changed',
		value: 'contact.acceptsEmail.changed',
		description: 'The acceptsEmail preference of an existing contact changed',
	},
	{
		name: 'Contact Postal Preference Changed',
		value: 'contact.acceptsPostal.changed',
		description: 'The acceptsPostal preference of an existing contact changed',
	},
	{
		name: 'Contact SMS Preference Changed',
		value: 'contact.acceptsSms.changed',
		description: 'The acceptsSms preference of an existing contact changed',
	},
	{ name: 'Contact Updated', value: 'contact.updated', description: 'A contact was updated' },
	{
		name: 'Multichannel Promotion Assigned',
		value: 'promotion.multichannel.assigned',
		description: 'A multichannel promotion was assigned to a contact',
	},
	{
		name: 'Point Balance Updated',
		value: 'point.balance.updated',
		description: "A contact's point balance changed",
	},
	{
		name: 'Points Added',
		value: 'loyalty.addPoints',
		description:
			'Points were added in the Engage UI or by an automation (only with the point follower solution)',
	},
	{
		name: 'Reward Voucher Created',
		value: 'reward.voucher.created',
		description: 'A reward voucher was created for a contact',
	},
];
