import { expect } from 'chai';
import { isDarchaError, type DarchaError } from '../../../src/errors/darcha-error.js';
import { citizen, dbEngine, openEngineFixture, type EngineFixture } from './engine-fixture.js';

async function refusal(promise: Promise<unknown>): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    if (isDarchaError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(`filing inquiries (${dbEngine})`, () => {
  let f: EngineFixture;
  before(async () => {
    f = await openEngineFixture();
  });
  after(() => f.close());

  it('files an inquiry with a tracking number, its first history entry, timers and event, in one go', async () => {
    const { inquiry, replayed } = await f.engine.file('chirchik', f.filing(), f.actors.operator);
    expect(replayed).to.equal(false);
    expect(inquiry.trackingNumber).to.match(/^CHR-2026-\d{6}$/);
    expect(inquiry).to.include({
      state: 'submitted',
      publicStatus: 'submitted',
      candidateRole: 'back_office',
      assigneeId: null,
      agencyCode: 'gorgas',
      serviceCode: 'gas.simple',
      workflowKey: 'agency-gas/simple',
      workflowVersion: 1,
      version: 1,
      applicantKey: '31234567890123',
    });
    // The service's 3 working days from Monday: the filing day does not count, so Thursday at 18:00 in Tashkent.
    expect(inquiry.dueAt?.toISOString()).to.equal('2026-03-05T13:00:00.000Z');
    const history = await f.engine.history('chirchik', inquiry.id);
    expect(history).to.have.length(1);
    expect(history[0]).to.include({ seq: 1, kind: 'filed', toState: 'submitted', actorRole: 'front_office' });
    await f.db.withTenant('chirchik', async (trx) => {
      const timers = await trx('inquiry_timers').where({ inquiry_id: inquiry.id });
      expect(timers.map((t: { kind: string }) => t.kind)).to.deep.equal(['overall_sla']);
      const events = await trx('outbox_events').where({ inquiry_id: inquiry.id });
      expect(events.map((e: { type: string }) => e.type)).to.deep.equal(['inquiry.filed']);
      expect(events[0].payload.trackingNumber).to.equal(inquiry.trackingNumber);
    });
  });

  it('numbers inquiries per city and year without gaps, even when filings run at once or fail', async () => {
    const before = await f.engine.file('chirchik', f.filing(), f.actors.operator);
    const start = Number(before.inquiry.trackingNumber.slice(-6));
    const attempts = Array.from({ length: 20 }, (_, i) =>
      f.engine.file(
        'chirchik',
        // Every fifth has an invalid form and is refused before anything is written.
        f.filing({ formData: { account: i % 5 === 0 ? 'x' : '1234567' } }),
        f.actors.operator,
      ),
    );
    const settled = await Promise.allSettled(attempts);
    const numbers = settled
      .filter(
        (s): s is PromiseFulfilledResult<Awaited<(typeof attempts)[number]>> => s.status === 'fulfilled',
      )
      .map((s) => Number(s.value.inquiry.trackingNumber.slice(-6)))
      .sort((a, b) => a - b);
    expect(numbers).to.have.length(16);
    expect(numbers).to.deep.equal(Array.from({ length: 16 }, (_, i) => start + 1 + i));
    const djizak = await f.engine.file('djizak', f.filing(), {
      id: 'system',
      kind: 'system',
      roles: ['system'],
    });
    expect(djizak.inquiry.trackingNumber).to.equal('DJI-2026-000001');
  });

  it('replays an Idempotency-Key: concurrent retries file once and all get the first inquiry', async () => {
    const key = 'file-7f3a9c2e-0001';
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        f.engine.file('chirchik', f.filing(), f.actors.operator, { idempotencyKey: key }),
      ),
    );
    const ids = new Set(results.map((r) => r.inquiry.id));
    expect(ids.size).to.equal(1);
    expect(results.filter((r) => !r.replayed)).to.have.length(1);
    const count = await f.db.withTenant('chirchik', (trx) =>
      trx('inquiries')
        .where({ id: [...ids][0] })
        .count<{ count: string }[]>('* as count'),
    );
    expect(Number(count[0]!.count)).to.equal(1);
    const reused = await refusal(
      f.engine.file('chirchik', f.filing({ formData: { account: '7654321' } }), f.actors.operator, {
        idempotencyKey: key,
      }),
    );
    expect(reused.code).to.equal('DARCHA_IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses bad applications with every problem listed and writes nothing', async () => {
    const envelope = await refusal(
      f.engine.file(
        'chirchik',
        { ...f.filing(), applicant: { ...citizen('123'), phone: '555' } },
        f.actors.operator,
      ),
    );
    expect(envelope.code).to.equal('DARCHA_INQUIRY_INPUT_INVALID');
    expect(envelope.message).to.contain('/applicant/pinfl').and.contain('/applicant/phone');
    const form = await refusal(
      f.engine.file('chirchik', f.filing({ formData: { account: 'abc' } }), f.actors.operator),
    );
    expect(form.code).to.equal('DARCHA_INQUIRY_FORM_INVALID');
    expect(form.details['fields']).to.have.length(1);
    const online = await refusal(
      f.engine.file('chirchik', f.filing({ channel: 'online' }), f.actors.operator),
    );
    expect(online.code).to.equal('DARCHA_INQUIRY_FILING_FORBIDDEN');
    const unknown = await refusal(
      f.engine.file('chirchik', f.filing({ serviceCode: 'gas.nothing' }), f.actors.operator),
    );
    expect(unknown.kind).to.equal('not_found');
  });

  it("keeps each city's inquiries to itself", async () => {
    const { inquiry } = await f.engine.file('chirchik', f.filing(), f.actors.operator);
    const elsewhere = await refusal(f.engine.get('djizak', inquiry.id));
    expect(elsewhere.code).to.equal('DARCHA_INQUIRY_NOT_FOUND');
    const byNumber = await refusal(f.engine.getByTrackingNumber('djizak', inquiry.trackingNumber));
    expect(byNumber.code).to.equal('DARCHA_INQUIRY_NOT_FOUND');
    for (const malformed of ['42', "x' or 1=1 --", '']) {
      expect((await refusal(f.engine.get('chirchik', malformed))).code).to.equal('DARCHA_INQUIRY_NOT_FOUND');
      const move = f.engine.transition(
        'chirchik',
        malformed,
        { action: 'review', expectedVersion: 1 },
        f.actors.officer,
      );
      expect((await refusal(move)).code).to.equal('DARCHA_INQUIRY_NOT_FOUND');
    }
  });

  it('files a composite application with one child per service, each numbered and routed', async () => {
    const { inquiry, children } = await f.engine.file(
      'chirchik',
      f.filing({
        serviceCode: 'life.new-home',
        formData: {},
        childForms: { 'gas.simple': { account: '1234567' }, 'gas.simple-water': { account: '7654321' } },
      }),
      f.actors.operator,
    );
    expect(inquiry.workflowKey).to.equal('core/composite');
    expect(children.map((c) => c.serviceCode)).to.deep.equal(['gas.simple', 'gas.simple-water']);
    expect(children.every((c) => c.parentId === inquiry.id)).to.equal(true);
    const missing = await refusal(
      f.engine.file('chirchik', f.filing({ serviceCode: 'life.new-home', formData: {} }), f.actors.operator),
    );
    expect(missing.code).to.equal('DARCHA_INQUIRY_FORM_INVALID');
  });
});
