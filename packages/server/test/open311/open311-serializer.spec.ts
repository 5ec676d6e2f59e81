import { expect } from 'chai';
import { XMLValidator } from 'fast-xml-parser';
import { renderXml } from '../../src/open311/open311-serializer.js';

describe('Open311 XML serialisation', () => {
  it('writes a list body as the root container of repeated items, after the declaration', () => {
    const xml = renderXml({
      root: 'services',
      body: [
        { service_code: 'a.b', metadata: true, order: 1, description: null },
        { service_code: 'c.d', metadata: false, order: 2, description: '' },
      ],
    });
    expect(xml).to.equal(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<services>',
        '  <service>',
        '    <service_code>a.b</service_code>',
        '    <metadata>true</metadata>',
        '    <order>1</order>',
        '    <description></description>',
        '  </service>',
        '  <service>',
        '    <service_code>c.d</service_code>',
        '    <metadata>false</metadata>',
        '    <order>2</order>',
        '    <description></description>',
        '  </service>',
        '</services>',
        '',
      ].join('\n'),
    );
  });

  it('names the items of nested lists by the spec’s containers, and writes an empty list as an empty element', () => {
    const xml = renderXml({
      root: 'service_definition',
      body: {
        service_code: 'x.y',
        attributes: [
          { code: 'k', values: [{ key: '1', name: 'One' }] },
          { code: 'e', values: [] },
        ],
      },
    });
    expect(xml).to.include(
      '<attributes>\n    <attribute>\n      <code>k</code>\n      <values>\n        <value>',
    );
    expect(xml).to.include('<values></values>');
    expect(renderXml({ root: 'errors', body: [] })).to.equal(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors></errors>\n',
    );
  });

  it('escapes markup and drops characters XML 1.0 cannot hold, so the document stays well formed', () => {
    const xml = renderXml({
      root: 'errors',
      body: [{ code: 400, description: 'a<b>&"c"\u0000\u0008\uFFFE\uD800 ok' }],
    });
    expect(XMLValidator.validate(xml)).to.equal(true);
    expect(xml).to.include('<description>a&lt;b&gt;&amp;&quot;c&quot; ok</description>');
  });

  it('refuses a list it has no item name for (a programming error, not a client one)', () => {
    expect(() =>
      renderXml({ root: 'errors', body: [{ code: 1, description: 'x', unknown: ['a'] }] }),
    ).to.throw(/no XML item name/);
  });
});
