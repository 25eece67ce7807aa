import { parseResponseBody, parseXml } from '../../nodes/SpreedlySubscriptions/xmlResponse';
import { buildXml, dasherize } from '../../nodes/SpreedlySubscriptions/xmlRequest';
import { parsedXml } from './helpers';

describe('Spreedly XML → JSON', () => {
	it('turns dasherized (and legacy underscored) tags into camelCase keys', () => {
		expect(
			parseXml(
				'<subscriber><customer-id>7</customer-id><in_grace_period type="boolean">true</in_grace_period></subscriber>',
			),
		).toEqual({
			subscriber: { customerId: '7', inGracePeriod: true },
		});
	});

	it('converts integer, decimal, boolean and datetime; leaves other types as text', () => {
		const xml = `<r><i type="integer">-12</i><d type="decimal">-48.99</d><t type="boolean">true</t><f type="boolean">false</f>
			<at type="datetime">2009-10-28T22:27:38Z</at><off type="datetime">2009-10-28T18:27:38-04:00</off>
			<s type="string">1123014</s><v type="SubscriptionPlan::Version">USD</v><plain>0.0</plain></r>`;
		expect(parseXml(xml).r).toEqual({
			i: -12,
			d: -48.99,
			t: true,
			f: false,
			at: '2009-10-28T22:27:38.000Z',
			off: '2009-10-28T22:27:38.000Z',
			s: '1123014',
			v: 'USD',
			plain: '0.0',
		});
	});

	it('makes nil="true" and empty typed values null, but keeps empty text as ""', () => {
		const xml =
			'<r><a nil="true"></a><b type="datetime" nil="true"/><c type="boolean"></c><d></d><e type="string"></e></r>';
		expect(parseXml(xml).r).toEqual({ a: null, b: null, c: null, d: '', e: '' });
	});

	it('keeps the content of an element that says nil="true" but has one, as Rails does', () => {
		expect(
			parseXml(
				'<r><active-until type="datetime" nil="true">2010-02-21T19:04:28Z</active-until></r>',
			).r,
		).toEqual({
			activeUntil: '2010-02-21T19:04:28.000Z',
		});
	});

	it('turns type="array" into a list, also when empty, and <nil-classes type="array"/> into []', () => {
		expect(
			parseXml(
				'<r><invoices type="array"><invoice><n type="integer">1</n></invoice><invoice><n type="integer">2</n></invoice></invoices><none type="array"/></r>',
			).r,
		).toEqual({
			invoices: [{ n: 1 }, { n: 2 }],
			none: [],
		});
		expect(parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<nil-classes type="array"/>')).toEqual(
			{ nilClasses: [] },
		);
	});

	it('lists repeated tags of an element that is not typed as an array', () => {
		expect(parseXml('<errors><error>A</error><error>B</error></errors>')).toEqual({
			errors: { error: ['A', 'B'] },
		});
	});

	it('unescapes entities and does not copy a __proto__ tag onto the prototype', () => {
		const parsed = parseXml(
			'<r><name>&lt;b&gt;&amp;"x"&lt;/b&gt;</name><__proto__><polluted>yes</polluted></__proto__></r>',
		);
		expect((parsed.r as Record<string, unknown>).name).toBe('<b>&"x"</b>');
		expect(Object.keys(parsed.r as object)).not.toContain('__proto__');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('passes plain text through and rejects malformed XML', () => {
		expect(parseResponseBody('There is no subscriber with a customer id of 401\n')).toBe(
			'There is no subscriber with a customer id of 401',
		);
		expect(() => parseResponseBody('<subscriber><a></subscriber>')).toThrow();
	});
});

describe('JSON → Spreedly XML', () => {
	it('dasherizes camelCase keys', () => {
		expect(
			['billingFirstName', 'billingAddress1', 'newCustomerId', 'email'].map(dasherize),
		).toEqual(['billing-first-name', 'billing-address1', 'new-customer-id', 'email']);
	});

	it('escapes every value, writes null as nil="true" and leaves out undefined', async () => {
		const xml = buildXml('subscriber', {
			'screen-name': '<b>&"x"</b>',
			email: null,
			'new-customer-id': undefined,
			nested: { id: 5 },
		});
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		expect(await parsedXml(xml)).toEqual({
			subscriber: {
				'screen-name': '<b>&"x"</b>',
				email: { $: { nil: 'true' } },
				nested: { id: '5' },
			},
		});
	});
});
