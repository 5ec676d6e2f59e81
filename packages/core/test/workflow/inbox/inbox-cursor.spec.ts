import { expect } from 'chai';
import { decodeInboxCursor, encodeInboxCursor } from '../../../src/workflow/inbox/inbox-cursor.js';

describe('inbox cursor', () => {
  const id = '0b7c6a9e-8f1d-4c1e-9a51-2f0d7d7c1a11';

  it('round-trips a due key, an undated key and a filing key', () => {
    for (const cursor of [
      { sort: 'due', key: '2026-03-02T06:00:00.000001Z', id },
      { sort: 'due', key: null, id },
      { sort: 'filed', key: '2026-02-28T23:59:59.999999Z', id },
    ] as const) {
      const text = encodeInboxCursor(cursor);
      expect(text).to.match(/^[A-Za-z0-9_-]+$/);
      expect(decodeInboxCursor(text, cursor.sort)).to.deep.equal(cursor);
    }
  });

  it('names what is wrong with a cursor it did not make', () => {
    const forge = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeInboxCursor('a+b/', 'due')).to.equal('it is not base64url');
    expect(decodeInboxCursor(forge({ s: 'due', k: null, id }), 'filed')).to.equal(
      'it was made for sort "due", not "filed"',
    );
    expect(decodeInboxCursor(forge({ s: 'filed', k: null, id }), 'filed')).to.equal(
      'its sort key is not an instant',
    );
    expect(decodeInboxCursor(forge({ s: 'due', k: '2026-13-01T00:00:00.000000Z', id }), 'due')).to.equal(
      'its sort key is not an instant',
    );
    expect(decodeInboxCursor(forge({ s: 'due', k: null, id: id.toUpperCase() }), 'due')).to.equal(
      'its id is not a UUID',
    );
  });
});
