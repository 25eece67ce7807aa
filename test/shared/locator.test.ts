import { locatorProperty, type LocatorSpec } from '../../nodes/shared/locator';

const spec: LocatorSpec = {
	displayName: 'Credit',
	name: 'uuid',
	description: 'The credit',
	searchListMethod: 'searchCredits',
	what: 'a credit',
	searchable: true,
	id: {
		placeholder: 'e.g. 9a8b…',
		pattern: { regex: '^[0-9a-f]{32}$', errorMessage: 'Not a UUID' },
	},
};
const url = {
	placeholder: 'https://…/api/credits/…/',
	pattern: { regex: '^https?://.+$', errorMessage: 'Not a URL' },
};
const modesOf = (locator: LocatorSpec) =>
	locatorProperty(locator).modes?.map(({ name, placeholder, validation }) => ({
		name,
		placeholder,
		validation,
	}));

describe('locatorProperty', () => {
	it('offers From List and By ID, and By URL only where the provider has record URLs', () => {
		expect(modesOf(spec)?.map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(modesOf({ ...spec, url })).toEqual([
			{ name: 'list', placeholder: 'Select a credit...', validation: undefined },
			{
				name: 'id',
				placeholder: 'e.g. 9a8b…',
				validation: [{ type: 'regex', properties: spec.id.pattern }],
			},
			{
				name: 'url',
				placeholder: url.placeholder,
				validation: [{ type: 'regex', properties: url.pattern }],
			},
		]);
	});
});
