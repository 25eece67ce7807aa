import { definitionField } from '../../fields';
import { getByIdOperation } from '../../getById';

export const { description, sending, plan } = getByIdOperation({
	resource: 'pointDefinition',
	id: definitionField(
		'The point definition (the kind of point account, e.g. bonus points): pick one, or give its numeric ID',
	),
	path: '/api/v2/point-accounts/definitions',
	what: 'point definition',
});
