import { expect } from 'chai';
import { SessionPgClient } from '../../src/db/session-client.js';

const numbering = SessionPgClient.prototype as unknown as { positionBindings(sql: string): string };

describe("the session client's placeholder numbering", () => {
  it('numbers ? as $1, $2 ... and keeps an escaped \\? as a question mark, every time alike', () => {
    const sql = "select ? as a, '\\?' as q, ? as b where x = ?";
    const expected = "select $1 as a, '?' as q, $2 as b where x = $3";
    expect(numbering.positionBindings(sql)).to.equal(expected);
    expect(numbering.positionBindings(sql)).to.equal(expected);
  });

  it("numbers through a transaction's client, whose prototype is the root client", () => {
    const trxClient = Object.create(numbering) as typeof numbering;
    expect(trxClient.positionBindings('values (?, ?)')).to.equal('values ($1, $2)');
  });

  it('numbers statements too long to be remembered as well', () => {
    const long = `insert into t values ${Array.from({ length: 30_000 }, () => '(?)').join(', ')}`;
    const positioned = numbering.positionBindings(long);
    expect(positioned.endsWith('($30000)')).to.equal(true);
    expect(numbering.positionBindings(long)).to.equal(positioned);
  });
});
