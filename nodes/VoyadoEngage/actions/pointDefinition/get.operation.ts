import { definitionLocator } from '../../definitionPicker';
import { getByIdOperation } from '../../getById';

export const { description, sending, plan } = getByIdOperation({
	resource: 'pointDefinition',
	idName: 'definitionId',
	idLabel: 'Definition ID',
	idProperty: definitionLocator(
		'The point definition (the kind of point account, e.g. bonus points): pick one, or give its numeric ID',
	),
	path: '/api/v2/point-accounts/definitions',
	what: 'point definition',
});
