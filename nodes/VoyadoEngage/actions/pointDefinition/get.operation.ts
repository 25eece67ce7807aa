import { getByIdOperation } from '../../getById';

export const { description, execute } = getByIdOperation({
	resource: 'pointDefinition',
	idName: 'definitionId',
	idLabel: 'Definition ID',
	idDescription:
		'The numeric ID of the point definition (the kind of point account, e.g. bonus points)',
	path: '/api/v2/point-accounts/definitions',
	what: 'point definition',
});
