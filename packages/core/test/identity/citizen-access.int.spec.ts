import { expect } from 'chai';
import { PostgresIdentityService } from '../../src/identity/postgres-identity-service.js';
import {
  engine,
  expectCode,
  insertInquiry,
  openIdentityWorld,
  type IdentityWorld,
} from './identity-fixtures.js';

describe(`receipt access codes (${engine})`, () => {
  let world: IdentityWorld;
  let inquiryId: string;
  let djizakInquiryId: string;

  before(async () => {
    world = await openIdentityWorld();
    inquiryId = await world.db.withTenant('chirchik', (trx) =>
      insertInquiry(trx, 'chirchik', 'CHR-2026-000123'),
    );
    djizakInquiryId = await world.db.withTenant('djizak', (trx) =>
      insertInquiry(trx, 'djizak', 'CHR-2026-000123'),
    );
  });
  after(() => world.db.close());

  it('gives the same code every time it is asked for', () => {
    const code = world.identity.accessCode('chirchik', inquiryId);
    expect(code).to.match(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(world.identity.accessCode('chirchik', inquiryId)).to.equal(code);
    expect(world.identity.accessCode('djizak', djizakInquiryId)).not.to.equal(code);
  });

  it('verifies the code with the tracking number, as a citizen types them', async () => {
    const code = world.identity.accessCode('chirchik', inquiryId);
    expect(await world.identity.verifyAccessCode('chirchik', 'CHR-2026-000123', code)).to.equal(inquiryId);
    const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)} `;
    expect(await world.identity.verifyAccessCode('chirchik', ' chr-2026-000123 ', typed)).to.equal(inquiryId);
  });

  it('finds nothing with a wrong code, an unknown number, or the code in another tenant', async () => {
    const code = world.identity.accessCode('chirchik', inquiryId);
    const wrong = code[0] === 'A' ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    expect(await world.identity.verifyAccessCode('chirchik', 'CHR-2026-000123', wrong)).to.equal(undefined);
    expect(await world.identity.verifyAccessCode('chirchik', 'CHR-2026-000999', code)).to.equal(undefined);
    expect(await world.identity.verifyAccessCode('chirchik', 'CHR-2026-000123', '')).to.equal(undefined);
    expect(await world.identity.verifyAccessCode('chirchik', 'x'.repeat(500), code)).to.equal(undefined);
    // Djizak has an inquiry with the same tracking number; Chirchik's code does not open it
    expect(await world.identity.verifyAccessCode('djizak', 'CHR-2026-000123', code)).to.equal(undefined);
    expect(await world.identity.verifyAccessCode('Not a tenant', 'CHR-2026-000123', code)).to.equal(
      undefined,
    );
  });

  it('changes every code when the secret changes', async () => {
    const other = new PostgresIdentityService({
      db: world.db,
      secret: 'another-secret-of-at-least-32-characters',
    });
    const code = world.identity.accessCode('chirchik', inquiryId);
    expect(other.accessCode('chirchik', inquiryId)).not.to.equal(code);
    expect(await other.verifyAccessCode('chirchik', 'CHR-2026-000123', code)).to.equal(undefined);
  });

  it('refuses a malformed inquiry id, and says so when there is no secret', async () => {
    expect(() => world.identity.accessCode('chirchik', 'CHR-2026-000123')).to.throw(/must be a uuid/);
    const secretless = new PostgresIdentityService({ db: world.db });
    await expectCode(
      (async () => secretless.accessCode('chirchik', inquiryId))(),
      'DARCHA_IDENTITY_SECRET_UNAVAILABLE',
    );
  });
});
