import { expect } from 'chai';
import {
  PHONE_CODE_MAX_ATTEMPTS,
  PHONE_CODE_TTL_MINUTES,
  PHONE_CODES_PER_HOUR,
  PHONE_CONFIRMATION_TTL_MINUTES,
} from '../../src/identity/identity-types.js';
import { engine, expectCode, openIdentityWorld, type IdentityWorld } from './identity-fixtures.js';

describe(`phone challenges (${engine})`, () => {
  let world: IdentityWorld;
  let phoneCount = 0;
  /** A phone no earlier test has used, so that the hourly limit does not carry over. */
  const freshPhone = (): string => `+99890${String(++phoneCount).padStart(7, '0')}`;

  /** The code sent for a challenge, read from the outbox event that carries it. */
  async function sentCode(tenantId: string, phone: string): Promise<string> {
    const events = await world.db.withTenant(tenantId, (trx) =>
      trx('outbox_events')
        .where({ tenant_id: tenantId, type: 'notification.requested' })
        .orderBy('seq', 'desc')
        .select('payload'),
    );
    const payload = events.map((e) => e.payload).find((p) => p.to === phone);
    return payload.data.code;
  }

  before(async () => {
    world = await openIdentityWorld();
  });
  after(() => world.db.close());

  it('sends a 6-digit code through the outbox and keeps only its HMAC', async () => {
    const { identity, db, clock, wakes } = world;
    const phone = freshPhone();
    const woken = wakes.count;
    const challenge = await identity.startPhoneChallenge('chirchik', phone);
    expect(challenge).to.deep.equal({
      id: challenge.id,
      phone,
      expiresAt: new Date(clock.now.getTime() + PHONE_CODE_TTL_MINUTES * 60_000),
    });
    expect(wakes.count).to.equal(woken + 1);
    const events = await db.withTenant('chirchik', (trx) =>
      trx('outbox_events')
        .where({ tenant_id: 'chirchik', type: 'notification.requested' })
        .select('payload', 'status'),
    );
    const event = events.find((e) => e.payload.to === phone)!;
    expect(event.status).to.equal('pending');
    expect(event.payload).to.deep.include({ channel: 'sms', to: phone, template: 'phone-code' });
    const code: string = event.payload.data.code;
    expect(code).to.match(/^\d{6}$/);
    const row = await db.withTenant('chirchik', (trx) =>
      trx('phone_challenges').where({ tenant_id: 'chirchik', id: challenge.id }).first(),
    );
    expect(row.code_hash).to.match(/^[0-9a-f]{64}$/);
    expect(row.code_hash).not.to.include(code);
  });

  it('confirms with the right code, then is consumed once', async () => {
    const { identity } = world;
    const phone = freshPhone();
    const challenge = await identity.startPhoneChallenge('chirchik', phone);
    const code = await sentCode('chirchik', phone);
    expect(await identity.phoneConfirmed('chirchik', challenge.id, phone)).to.equal(false);
    expect(await identity.consumePhoneChallenge('chirchik', challenge.id, phone)).to.equal(false); // not confirmed yet
    expect(
      await identity.confirmPhoneChallenge('chirchik', challenge.id, ` ${code.slice(0, 3)} ${code.slice(3)}`),
    ).to.equal(true);
    expect(await identity.phoneConfirmed('chirchik', challenge.id, phone)).to.equal(true);
    expect(await identity.phoneConfirmed('chirchik', challenge.id, freshPhone())).to.equal(false);
    expect(await identity.consumePhoneChallenge('chirchik', challenge.id, freshPhone())).to.equal(false); // another phone
    expect(await identity.consumePhoneChallenge('chirchik', challenge.id, phone)).to.equal(true);
    expect(await identity.consumePhoneChallenge('chirchik', challenge.id, phone)).to.equal(false);
    expect(await identity.phoneConfirmed('chirchik', challenge.id, phone)).to.equal(false);
    expect(await identity.confirmPhoneChallenge('chirchik', challenge.id, code)).to.equal(false);
  });

  it(`closes a challenge after ${PHONE_CODE_MAX_ATTEMPTS} wrong codes, even for the right one afterwards`, async () => {
    const { identity } = world;
    const phone = freshPhone();
    const challenge = await identity.startPhoneChallenge('chirchik', phone);
    const code = await sentCode('chirchik', phone);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < PHONE_CODE_MAX_ATTEMPTS; i++) {
      expect(
        await identity.confirmPhoneChallenge('chirchik', challenge.id, i === 2 ? 'abc' : wrong),
      ).to.equal(false);
    }
    expect(await identity.confirmPhoneChallenge('chirchik', challenge.id, code)).to.equal(false);
  });

  it(`expires a code after ${PHONE_CODE_TTL_MINUTES} minutes, and a confirmation after ${PHONE_CONFIRMATION_TTL_MINUTES}`, async () => {
    const { identity, clock } = world;
    const late = freshPhone();
    const unconfirmed = await identity.startPhoneChallenge('chirchik', late);
    const lateCode = await sentCode('chirchik', late);
    clock.advance(PHONE_CODE_TTL_MINUTES);
    expect(await identity.confirmPhoneChallenge('chirchik', unconfirmed.id, lateCode)).to.equal(false);

    const phone = freshPhone();
    const challenge = await identity.startPhoneChallenge('chirchik', phone);
    expect(
      await identity.confirmPhoneChallenge('chirchik', challenge.id, await sentCode('chirchik', phone)),
    ).to.equal(true);
    clock.advance(PHONE_CONFIRMATION_TTL_MINUTES - 1);
    expect(await identity.phoneConfirmed('chirchik', challenge.id, phone)).to.equal(true);
    clock.advance(1);
    expect(await identity.phoneConfirmed('chirchik', challenge.id, phone)).to.equal(false);
    expect(await identity.consumePhoneChallenge('chirchik', challenge.id, phone)).to.equal(false);
  });

  it(`sends a phone at most ${PHONE_CODES_PER_HOUR} codes an hour in a tenant`, async () => {
    const { identity, clock } = world;
    const phone = freshPhone();
    const first = clock.now;
    for (let i = 0; i < PHONE_CODES_PER_HOUR; i++) {
      await identity.startPhoneChallenge('chirchik', phone);
      clock.advance(5);
    }
    const error = await expectCode(
      identity.startPhoneChallenge('chirchik', phone),
      'DARCHA_AUTH_TOO_MANY_CODES',
    );
    expect(error.kind).to.equal('conflict');
    expect(error.details['retryAt']).to.equal(new Date(first.getTime() + 60 * 60_000).toISOString());
    expect(JSON.stringify(error.toJSON())).not.to.include(phone.slice(4));
    await identity.startPhoneChallenge('djizak', phone); // another city counts on its own
    clock.advance(60 - 5 * PHONE_CODES_PER_HOUR + 1);
    await identity.startPhoneChallenge('chirchik', phone);
  });

  it('refuses a phone that is not +998 and 9 digits, and an unknown tenant', async () => {
    const { identity } = world;
    for (const phone of [
      '998901234567',
      '+99890123456',
      '+9989012345678',
      '+7 901 234 56 78',
      '+998 90 123 45 67',
    ]) {
      const error = await expectCode(
        identity.startPhoneChallenge('chirchik', phone),
        'DARCHA_AUTH_PHONE_INVALID',
      );
      expect(error.kind).to.equal('invalid');
    }
    await expectCode(identity.startPhoneChallenge('tashkent', freshPhone()), 'DARCHA_TENANT_NOT_FOUND');
  });

  it("keeps one tenant's challenges out of another's reach", async () => {
    const { identity, db } = world;
    const phone = freshPhone();
    const challenge = await identity.startPhoneChallenge('djizak', phone);
    const code = await sentCode('djizak', phone);
    expect(await identity.confirmPhoneChallenge('chirchik', challenge.id, code)).to.equal(false);
    const seen = await db.withTenant('chirchik', (trx) => trx('phone_challenges').select('id'));
    expect(seen.map((r) => r.id)).not.to.include(challenge.id);
    expect(await identity.confirmPhoneChallenge('djizak', challenge.id, code)).to.equal(true);
    expect(await identity.consumePhoneChallenge('chirchik', challenge.id, phone)).to.equal(false);
    expect(await identity.confirmPhoneChallenge('djizak', 'not-a-uuid', code)).to.equal(false);
  });
});
