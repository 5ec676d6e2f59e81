import { expect } from 'chai';
import { countSocketWrites, describeWrites, recordWrites, roundTrips } from '../../db/statement-writes.js';
import { isDarchaError, type DarchaError } from '../../../src/errors/darcha-error.js';
import { AttachmentService } from '../../../src/files/attachment-service.js';
import { LocalFileStore } from '../../../src/files/local-file-store.js';
import { attachToInquiry } from '../../../src/workflow/engine/attach-to-inquiry.js';
import type { Actor, Inquiry } from '../../../src/workflow/inquiry/types.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DAY, dbEngine, HOUR, openEngineFixture, type EngineFixture } from './engine-fixture.js';

async function refusal(promise: Promise<unknown>): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    if (isDarchaError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(`inquiry transitions (${dbEngine})`, () => {
  let f: EngineFixture;
  const citizenActor = (inquiry: Inquiry): Actor => ({
    id: 'citizen:31234567890123',
    kind: 'citizen',
    roles: ['citizen'],
    inquiryIds: [inquiry.id],
  });
  before(async () => {
    f = await openEngineFixture();
  });
  after(() => f.close());
  beforeEach(() => f.clock.set('2026-03-02T05:00:00Z'));

  async function fileOne(): Promise<Inquiry> {
    return (await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry;
  }

  it('moves an inquiry through its pinned workflow and records every step', async () => {
    let inquiry = await fileOne();
    ({ inquiry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    ));
    expect(inquiry).to.include({ state: 'in_review', publicStatus: 'in_progress', version: 2 });
    // 4 working hours from Monday 10:00 with lunch 13:00-14:00: 15:00 Tashkent.
    expect(inquiry.stateDueAt?.toISOString()).to.equal('2026-03-02T10:00:00.000Z');
    ({ inquiry } = await f.engine.claim('chirchik', inquiry.id, 2, f.actors.officer));
    expect(inquiry.assigneeId).to.equal(f.actors.officer.id);
    const { inquiry: done, entry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'finish', expectedVersion: 3, comment: 'Issued' },
      f.actors.officer,
    );
    expect(done).to.include({ state: 'done', publicStatus: 'completed', version: 4, candidateRole: null });
    expect(done.closedAt).to.not.equal(null);
    expect(entry).to.include({
      seq: 4,
      action: 'finish',
      fromState: 'in_review',
      toState: 'done',
      actorRole: 'back_office',
    });
    const history = await f.engine.history('chirchik', inquiry.id);
    expect(history.map((h) => h.seq)).to.deep.equal([1, 2, 3, 4]);
    expect(history.map((h) => h.kind)).to.deep.equal(['filed', 'transition', 'assignment', 'transition']);
    const publicView = await f.engine.publicHistory('chirchik', inquiry.id, 'ru');
    expect(publicView.map((p) => p.status)).to.deep.equal(['Принято', 'Выполнено']);
    await f.db.withTenant('chirchik', async (trx) => {
      expect(await trx('inquiry_timers').where({ inquiry_id: inquiry.id, status: 'pending' })).to.have.length(
        0,
      );
    });
  });

  it('refuses actions outside the definition, without the role, the guard or the requirements', async () => {
    const inquiry = await fileOne();
    const unavailable = await refusal(
      f.engine.transition('chirchik', inquiry.id, { action: 'finish', expectedVersion: 1 }, f.actors.officer),
    );
    expect(unavailable.code).to.equal('DARCHA_WORKFLOW_ACTION_UNAVAILABLE');
    expect(unavailable.details['allowedActions']).to.deep.equal(['review', 'reject']);
    const forbidden = await refusal(
      f.engine.transition(
        'chirchik',
        inquiry.id,
        { action: 'review', expectedVersion: 1 },
        f.actors.operator,
      ),
    );
    expect(forbidden.code).to.equal('DARCHA_WORKFLOW_ACTION_FORBIDDEN');
    const otherAgency: Actor = { ...f.actors.officer, agencyCodes: ['kadastr'] };
    expect(
      (
        await refusal(
          f.engine.transition('chirchik', inquiry.id, { action: 'review', expectedVersion: 1 }, otherAgency),
        )
      ).code,
    ).to.equal('DARCHA_WORKFLOW_ACTION_FORBIDDEN');
    const noComment = await refusal(
      f.engine.transition('chirchik', inquiry.id, { action: 'reject', expectedVersion: 1 }, f.actors.officer),
    );
    expect(noComment.code).to.equal('DARCHA_WORKFLOW_REQUIREMENTS_MISSING');
    await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    );
    const notAssignee = await refusal(
      f.engine.transition('chirchik', inquiry.id, { action: 'finish', expectedVersion: 2 }, f.actors.officer),
    );
    expect(notAssignee.code).to.equal('DARCHA_WORKFLOW_GUARD_REFUSED');
    expect((await f.engine.get('chirchik', inquiry.id)).version).to.equal(2);
  });

  it('lets exactly one of 50 concurrent transitions on the same version win; the rest are told the current state', async () => {
    const inquiry = await fileOne();
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        f.engine.transition(
          'chirchik',
          inquiry.id,
          i % 2 === 0
            ? { action: 'review', expectedVersion: 1 }
            : { action: 'reject', expectedVersion: 1, comment: `no ${i}` },
          f.actors.supervisor,
        ),
      ),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won).to.have.length(1);
    expect(lost).to.have.length(49);
    for (const failure of lost) {
      const error = failure.reason as DarchaError;
      expect(error.code).to.equal('DARCHA_WORKFLOW_STALE_VERSION');
      expect(error.details).to.include({ currentVersion: 2, expectedVersion: 1 });
      expect(error.details['allowedActions']).to.be.an('array');
    }
    const history = await f.engine.history('chirchik', inquiry.id);
    expect(history).to.have.length(2);
    expect((await f.engine.get('chirchik', inquiry.id)).version).to.equal(2);
  });

  // PGlite has one connection: the two transactions below cannot overlap there.
  if (process.env['DATABASE_URL']) {
    it('files with one wait for PostgreSQL and one write, and moves with two of each, once the caches are warm (ADR 0006)', async () => {
      const warm = await fileOne();
      await f.engine.transition(
        'chirchik',
        warm.id,
        { action: 'review', expectedVersion: 1 },
        f.actors.supervisor,
      );
      let filed!: Inquiry;
      let filing!: Awaited<ReturnType<typeof recordWrites>>;
      let transition!: Awaited<ReturnType<typeof recordWrites>>;
      const filingWrites = await countSocketWrites(async () => {
        filing = await recordWrites(async () => (filed = await fileOne()));
      });
      const transitionWrites = await countSocketWrites(async () => {
        transition = await recordWrites(() =>
          f.engine.transition(
            'chirchik',
            filed.id,
            { action: 'review', expectedVersion: 1 },
            f.actors.supervisor,
          ),
        );
      });
      expect(roundTrips(filing), describeWrites(filing)).to.equal(1);
      expect(roundTrips(transition), describeWrites(transition)).to.equal(2);
      // And each round trip is one system call: the statements that share it leave together.
      expect(filingWrites, describeWrites(filing)).to.equal(1);
      expect(transitionWrites, describeWrites(transition)).to.equal(2);
    });

    it('reads an inquiry with one wait and one write: its COMMIT goes with the read', async () => {
      const inquiry = await fileOne();
      await f.engine.get('chirchik', inquiry.id);
      let read!: Awaited<ReturnType<typeof recordWrites>>;
      const writes = await countSocketWrites(async () => {
        read = await recordWrites(() => f.engine.get('chirchik', inquiry.id));
      });
      expect(roundTrips(read), describeWrites(read)).to.equal(1);
      expect(writes, describeWrites(read)).to.equal(1);
    });

    it('refuses with the current state when the version moves between the read and the change', async () => {
      const inquiry = await fileOne();
      let taken!: () => void;
      let release!: () => void;
      const lockTaken = new Promise<void>((resolve) => (taken = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      // Another writer bumps the version and holds the row until told to commit.
      const writer = f.db.withTenant('chirchik', async (trx) => {
        await trx('inquiries')
          .where({ tenant_id: 'chirchik', id: inquiry.id })
          .update({ version: trx.raw('version + 1') });
        taken();
        await released;
      });
      await lockTaken;
      // The transition reads version 1 (the bump is not committed), and its change waits for the row.
      const attempt = f.engine
        .transition('chirchik', inquiry.id, { action: 'review', expectedVersion: 1 }, f.actors.supervisor)
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await writer;
      const error = (await attempt) as DarchaError;
      expect(error?.code, String(error)).to.equal('DARCHA_WORKFLOW_STALE_VERSION');
      expect(error.details).to.include({ currentVersion: 2, expectedVersion: 1 });
      expect(error.details['allowedActions']).to.be.an('array');
      expect(await f.engine.history('chirchik', inquiry.id)).to.have.length(1);
    });
  }

  it('replays a transition sent twice with the same Idempotency-Key', async () => {
    const inquiry = await fileOne();
    const input = { action: 'review', expectedVersion: 1 };
    const first = await f.engine.transition('chirchik', inquiry.id, input, f.actors.officer, {
      idempotencyKey: 'tr-000000001',
    });
    const again = await f.engine.transition('chirchik', inquiry.id, input, f.actors.officer, {
      idempotencyKey: 'tr-000000001',
    });
    expect(again.replayed).to.equal(true);
    expect(again.entry.seq).to.equal(first.entry.seq);
    expect(await f.engine.history('chirchik', inquiry.id)).to.have.length(2);
    // After someone else moved the inquiry on, the replay still returns the first result, dates and all.
    await f.engine.claim('chirchik', inquiry.id, 2, f.actors.officer);
    const later = await f.engine.transition('chirchik', inquiry.id, input, f.actors.officer, {
      idempotencyKey: 'tr-000000001',
    });
    expect(later.inquiry).to.deep.equal(first.inquiry);
    expect(later.entry).to.deep.equal(first.entry);
    expect(later.inquiry.filedAt).to.be.instanceOf(Date);
  });

  it('stops the overall clock while waiting for the applicant and moves the due date when it resumes', async () => {
    let inquiry = await fileOne();
    const dueAt = inquiry.dueAt!.getTime();
    ({ inquiry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    ));
    ({ inquiry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'ask', expectedVersion: 2, comment: 'Meter photo, please' },
      f.actors.officer,
    ));
    expect(inquiry).to.include({
      state: 'waiting',
      publicStatus: 'action_required',
      candidateRole: 'citizen',
    });
    expect(inquiry.pausedAt).to.not.equal(null);
    // Waiting one full working day (Monday 10:00 to Tuesday 10:00) moves the due date by 8 working hours.
    f.clock.advance(DAY);
    ({ inquiry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'answer', expectedVersion: 3 },
      { id: 'citizen:x', kind: 'citizen', roles: ['citizen'], applicantKey: '31234567890123' },
    ));
    expect(inquiry.pausedAt).to.equal(null);
    expect(inquiry.dueAt!.getTime() - dueAt).to.equal(DAY);
    const publicView = await f.engine.publicHistory('chirchik', inquiry.id, 'en');
    expect(publicView.map((p) => p.title)).to.deep.equal(['Submitted', 'Ask the applicant', 'Answered']);
    expect(publicView[1]!.comment).to.equal('Meter photo, please');
  });

  it('gives the inquiry back to its officer when the applicant answers; a representative answers for the business', async () => {
    const business = {
      type: 'legal_entity' as const,
      tin: '301234567',
      name: 'Chirchik Universal Plus',
      representative: { pinfl: '41234567890123', lastName: 'Usmonov', firstName: 'Bobur' },
      locale: 'uz-Latn' as const,
    };
    let inquiry = (await f.engine.file('chirchik', f.filing({ applicant: business }), f.actors.operator))
      .inquiry;
    ({ inquiry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    ));
    ({ inquiry } = await f.engine.claim('chirchik', inquiry.id, 2, f.actors.officer));
    ({ inquiry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'ask', expectedVersion: 3, comment: 'Charter' },
      f.actors.officer,
    ));
    expect(inquiry).to.include({ candidateRole: 'citizen', assigneeId: f.actors.officer.id });
    const representative: Actor = {
      id: 'citizen:41234567890123',
      kind: 'citizen',
      roles: ['citizen'],
      applicantKey: '41234567890123',
    };
    ({ inquiry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'answer', expectedVersion: 4 },
      representative,
    ));
    expect(inquiry).to.include({
      state: 'in_review',
      candidateRole: 'back_office',
      assigneeId: f.actors.officer.id,
    });
  });

  it('lets a citizen appeal a rejection within 15 days, and not after', async () => {
    const early = await fileOne();
    await f.engine.transition(
      'chirchik',
      early.id,
      { action: 'reject', expectedVersion: 1, comment: 'Debt' },
      f.actors.officer,
    );
    f.clock.advance(10 * DAY);
    const allowed = await f.engine.allowedActions(
      'chirchik',
      await f.engine.get('chirchik', early.id),
      citizenActor(early),
    );
    expect(allowed.map((a) => a.action)).to.deep.equal(['appeal']);
    expect(allowed[0]!.availableUntil?.toISOString()).to.equal('2026-03-17T05:00:00.000Z');
    const { inquiry } = await f.engine.transition(
      'chirchik',
      early.id,
      { action: 'appeal', expectedVersion: 2, comment: 'Paid' },
      citizenActor(early),
    );
    expect(inquiry).to.include({ state: 'in_review', closedAt: null });
    expect(inquiry.dueAt!.getTime()).to.be.greaterThan(f.clock.now.getTime());

    f.clock.set('2026-03-02T05:00:00Z');
    const late = await fileOne();
    await f.engine.transition(
      'chirchik',
      late.id,
      { action: 'reject', expectedVersion: 1, comment: 'Debt' },
      f.actors.officer,
    );
    f.clock.advance(16 * DAY);
    expect(
      await f.engine.allowedActions('chirchik', await f.engine.get('chirchik', late.id), citizenActor(late)),
    ).to.deep.equal([]);
    const closed = await refusal(
      f.engine.transition(
        'chirchik',
        late.id,
        { action: 'appeal', expectedVersion: 2, comment: 'Paid' },
        citizenActor(late),
      ),
    );
    expect(closed.code).to.equal('DARCHA_WORKFLOW_WINDOW_CLOSED');
    const stranger = await refusal(
      f.engine.transition(
        'chirchik',
        late.id,
        { action: 'appeal', expectedVersion: 2, comment: 'x' },
        { id: 'citizen:y', kind: 'citizen', roles: ['citizen'], applicantKey: '49999999999999' },
      ),
    );
    expect(stranger.code).to.equal('DARCHA_WORKFLOW_ACTION_FORBIDDEN');
  });

  it('lets a delegate act for an absent officer and records both', async () => {
    let inquiry = await fileOne();
    ({ inquiry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    ));
    ({ inquiry } = await f.engine.claim('chirchik', inquiry.id, 2, f.actors.officer));
    await f.staff.addAbsence('chirchik', {
      staffId: f.actors.officer.id,
      delegateId: f.actors.officer2.id,
      startsAt: new Date(f.clock.now.getTime() - HOUR),
      endsAt: new Date(f.clock.now.getTime() + 5 * DAY),
      reason: 'Leave',
    });
    const { entry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'finish', expectedVersion: 3 },
      f.actors.officer2,
    );
    expect(entry).to.include({ actorId: f.actors.officer2.id, onBehalfOf: f.actors.officer.id });
  });

  it('reassigns in bulk, each item on its own', async () => {
    const a = await fileOne();
    const b = await fileOne();
    await f.engine.transition(
      'chirchik',
      b.id,
      { action: 'reject', expectedVersion: 1, comment: 'x' },
      f.actors.officer,
    );
    const results = await f.engine.bulkReassign(
      'chirchik',
      [{ inquiryId: a.id }, { inquiryId: b.id }, { inquiryId: '00000000-0000-4000-8000-000000000000' }],
      f.actors.officer2.id,
      f.actors.supervisor,
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).to.deep.equal([
      'ok',
      'DARCHA_ASSIGNMENT_CLOSED',
      'DARCHA_INQUIRY_NOT_FOUND',
    ]);
    expect((await f.engine.get('chirchik', a.id)).assigneeId).to.equal(f.actors.officer2.id);
    const notSupervisor = await refusal(
      f.engine.assign('chirchik', a.id, 2, f.actors.officer.id, f.actors.officer),
    );
    expect(notSupervisor.code).to.equal('DARCHA_ASSIGNMENT_FORBIDDEN');
    // Only a present staff member holding the role claims: not an integration, not an unknown id.
    const c = await fileOne();
    for (const claimer of [
      { id: 'api-key:abc', kind: 'integration', roles: ['back_office'] },
      {
        id: '00000000-0000-4000-8000-000000000001',
        kind: 'staff',
        roles: ['back_office'],
        agencyCodes: ['gorgas'],
      },
    ] as Actor[]) {
      expect((await refusal(f.engine.claim('chirchik', c.id, 1, claimer))).code).to.equal(
        'DARCHA_ASSIGNMENT_FORBIDDEN',
      );
    }
  });

  it('needs the documents a transition requires, attached under the pinned service limits', async () => {
    const attachments = new AttachmentService({
      db: f.db,
      store: new LocalFileStore(mkdtempSync(path.join(tmpdir(), 'darcha-files-'))),
    });
    const registrar: Actor = {
      id: 'registrar-1',
      kind: 'staff',
      roles: ['agency-cadastre/registrar', 'front_office'],
      agencyCodes: ['kadastr'],
    };
    const { inquiry } = await f.engine.file(
      'chirchik',
      f.filing({ serviceCode: 'cadastre.register-extract', formData: { area: 80 } }),
      f.actors.operator,
    );
    f.payments.paid.add(inquiry.id);
    await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'confirm_payment', expectedVersion: 1 },
      registrar,
    );
    await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'request_documents', expectedVersion: 2, comment: 'Technical passport' },
      registrar,
    );
    const missing = await refusal(
      f.engine.transition(
        'chirchik',
        inquiry.id,
        { action: 'submit_documents', expectedVersion: 3 },
        citizenActor(inquiry),
      ),
    );
    expect(missing.code).to.equal('DARCHA_WORKFLOW_REQUIREMENTS_MISSING');
    expect(missing.message).to.contain('technical-passport');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const png = await refusal(
      attachToInquiry(f.engine, attachments, 'chirchik', {
        inquiryId: inquiry.id,
        documentCode: 'technical-passport',
        fileName: 'passport.pdf',
        bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
        uploadedBy: 'citizen',
      }),
    );
    expect(png.code).to.equal('DARCHA_ATTACHMENT_TYPE_REFUSED');
    const scan = await attachToInquiry(f.engine, attachments, 'chirchik', {
      inquiryId: inquiry.id,
      documentCode: 'technical-passport',
      fileName: 'passport.pdf',
      bytes: pdf,
      uploadedBy: 'citizen',
    });
    const { inquiry: after, entry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'submit_documents', expectedVersion: 3, documents: [scan.id] },
      citizenActor(inquiry),
    );
    expect(after.state).to.equal('in_review');
    expect(entry.documents).to.deep.equal([scan.id]);
  });
});
