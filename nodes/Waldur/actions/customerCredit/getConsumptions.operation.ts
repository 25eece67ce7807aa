import type { IExecuteFunctions } from 'n8n-workflow';

import { READS } from '../../../shared/pipeline/operation';
import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { RequestSettings } from '../../../shared/requestSettings';
import type { ItemPlan } from '../../../shared/pipeline/operation';
import type { Operation } from '../../../shared/router';
import { customerCredit, itemPath } from '../../credits';
import { listRecords } from '../../listing';
import { creditFields } from '../../fields';

const { credit } = creditFields(customerCredit);

/** The credit's monthly consumption history: one item per month, all pages. */
export const getConsumptions: Operation = {
	sending: READS,
	description: forOperation('customerCredit', 'getConsumptions', [
		credit.property,
		optionsCollection([]),
	]),
	plan(this: IExecuteFunctions, itemIndex: number, settings: RequestSettings): ItemPlan {
		const path = `${itemPath(customerCredit, credit.read(this, itemIndex))}consumptions/`;
		const consumptions = { ctx: this, path, query: {}, itemIndex, settings };
		return { send: async () => await listRecords(consumptions, undefined) };
	},
};
