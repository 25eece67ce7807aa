import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { forOperation, optionsCollection } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import { customerCredit, itemPath } from '../../credits';
import { listAll } from '../../listing';
import { readCreditUuid, uuidProperty } from '../credit/properties';

/** The credit's monthly consumption history: one item per month, all pages. */
export const getConsumptions: Operation = {
	description: forOperation('customerCredit', 'getConsumptions', [
		uuidProperty(customerCredit),
		optionsCollection(),
	]),
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const uuid = readCreditUuid(this, itemIndex, customerCredit);
		return await listAll(
			this,
			`${itemPath(customerCredit, uuid)}consumptions/`,
			{},
			undefined,
			itemIndex,
		);
	},
};
