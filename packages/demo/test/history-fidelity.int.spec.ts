import { expect } from 'chai';
import type {
  Actor,
  CatalogService,
  CompiledWorkflow,
  HistoryEntry,
  Inquiry,
  StaffMember,
} from '@darcha/core';
import { ApplicantPool } from '../src/history/applicant-pool.js';
import { addHistoricBaseAmounts } from '../src/history/historic-base-amounts.js';
import { sampleForm } from '../src/history/form-sample.js';
import type { InquiryOutcome } from '../src/history/inquiry-outcome.js';
import { playInquiry, type PlayedInquiry } from '../src/history/play-inquiry.js';
import { SeededRandom } from '../src/history/seeded-random.js';
import { StaffPool } from '../src/history/staff-pool.js';
import { appealFrom, pathToCompletion, workflowPaths } from '../src/history/workflow-paths.js';
import { clockedPlatform, type ClockedPlatform } from './clocked-platform.js';
import { SECONDED, UNITARY, startHistoryCities, type HistoryCities } from './history-city.js';

type Scenario = 'on time' | 'late' | 'rejected and appealed' | 'rejected' | 'unpaid';

/** The services and ways through them that the check plays: every kind of workflow the packs have. */
const SCENARIOS: [string, Scenario][] = [
  ['cadastre.register-extract', 'on time'],
  ['cadastre.register-extract', 'late'],
  ['cadastre.cadastral-passport', 'rejected and appealed'],
  ['water.meter-verification', 'unpaid'],
  ['gas.connection', 'late'],
  ['gas.connection', 'rejected'],
  ['gas.no-debt-certificate', 'late'],
  ['electricity.debt-information', 'on time'],
  ['electricity.debt-information', 'late'],
  ['gas.cylinder-supply', 'rejected and appealed'],
];

/**
 * The demo history does not go through the workflow engine (35,000 inquiries would take an hour);
 * it replays the engine's rules. This check plays inquiries with the generator, then takes the very
 * same steps, at the same instants, by the same staff, through the platform's own engine, payment
 * service and timer scheduler (clocked to the past), and compares what each wrote: the inquiry's
 * columns and every history entry, breaches and automatic actions included.
 */
describe('demo history: the generator writes what the engine writes', function () {
  this.timeout(120_000);
  let cities: HistoryCities;
  let clocked: ClockedPlatform;

  before(async () => {
    cities = await startHistoryCities();
    await addHistoricBaseAmounts(cities.host.platform);
    clocked = clockedPlatform(cities.host.platform, [SECONDED, UNITARY]);
  });
  after(() => cities?.stop());

  for (const tenantId of [SECONDED, UNITARY]) {
    SCENARIOS.forEach(([serviceCode, scenario], index) => {
      it(`${tenantId}: ${serviceCode}, ${scenario}`, async () => {
        const { platform } = cities.host;
        const service = await platform.catalog.service(tenantId, serviceCode);
        const played = await play(tenantId, service, scenario, index);
        const real = await replay(tenantId, service, played);
        const history = await platform.engine.history(tenantId, real.id);
        expect(history.map(entryView)).to.deep.equal(
          played.sim.history.map((h) =>
            entryView({ ...h, inquiryId: real.id, onBehalfOf: null, documents: [] }),
          ),
        );
        expect(inquiryView(real)).to.deep.equal(simulatedView(played));
        if (scenario === 'late') expect(history.some((h) => h.kind === 'escalation')).to.equal(true);
        if (scenario === 'unpaid') expect(real.state).to.equal('cancelled');
      });
    });
  }

  /** Plays one inquiry with the generator, filed on a working morning of 2013. */
  async function play(
    tenantId: string,
    service: CatalogService,
    scenario: Scenario,
    index: number,
  ): Promise<
    PlayedInquiry & { applicant: ReturnType<ApplicantPool['next']>; formData: Record<string, unknown> }
  > {
    const { platform } = cities.host;
    const calendar = await platform.calendars.get(tenantId);
    const random = new SeededRandom(`fidelity:${tenantId}:${index}`);
    const context = await platform.tenants.effectiveSettings(tenantId);
    const routing =
      (context['workflow'] as { routing?: string } | undefined)?.routing === 'round_robin'
        ? 'round_robin'
        : 'candidate_role';
    const staff = new StaffPool(await platform.staff.list(tenantId), routing, random.fork('staff'));
    const workflow = platform.workflows.current(service.definition.workflow);
    const paths = workflowPaths(workflow)!;
    const applicant = new ApplicantPool(random.fork('people'), 3, 'Chirchiq').next('individual');
    const filedAt = calendar.nextWorkingTime(new Date(Date.UTC(2013, 1, 4 + index * 9, 5, 17)));
    const formData = sampleForm(service.definition.form, {
      applicant,
      random,
      filingDate: calendar.localDate(filedAt),
      cityName: 'Chirchiq',
    });
    const quote = service.fee.free
      ? null
      : await platform.fees.quote(tenantId, {
          serviceCode: service.serviceCode,
          formData,
          channel: 'desk',
          applicantType: 'individual',
          at: filedAt,
        });
    const played = playInquiry(
      { calendar, staff, random },
      {
        service,
        workflow,
        outcome: outcome(workflow, paths, scenario),
        filedAt,
        locale: applicant.locale,
        invoiceAt: quote && quote.total > 0 ? quote.invoiceAt : null,
      },
    );
    return { ...played, applicant, formData };
  }

  /** Takes the played steps through the platform's engine and payment service, at the same instants. */
  async function replay(
    tenantId: string,
    service: CatalogService,
    played: Awaited<ReturnType<typeof play>>,
  ): Promise<Inquiry> {
    const { platform } = cities.host;
    const members = await platform.staff.list(tenantId);
    const actor = (id: string): Actor => staffActor(members.find((m) => m.id === id)!);
    let inquiry: Inquiry | undefined;
    const money: { at: Date; run: () => Promise<void> }[] = [];
    if (played.invoicedAt) {
      money.push({
        at: played.invoicedAt,
        run: async () =>
          void (await clocked.payments.ensureInvoice(tenantId, inquiry!.id, {
            id: 'system',
            kind: 'system',
            roles: ['system'],
          })),
      });
    }
    if (played.payment) {
      const { at, cashier } = played.payment;
      money.push({
        at,
        run: async () => {
          const invoice = await clocked.payments.invoiceFor(tenantId, inquiry!.id);
          await clocked.payments.payAtDesk(
            tenantId,
            invoice!.id,
            { amount: invoice!.total, method: 'cash' },
            actor(cashier.id),
          );
        },
      });
    }
    for (const entry of played.sim.history) {
      while (inquiry && money[0] && money[0].at <= entry.at) {
        clocked.now = money[0].at;
        await money.shift()!.run();
      }
      clocked.now = entry.at;
      if (entry.kind === 'filed') {
        const filed = await clocked.engine.file(
          tenantId,
          {
            serviceCode: service.serviceCode,
            applicant: played.applicant,
            formData: played.formData,
            channel: 'desk',
          },
          actor(entry.actorId),
        );
        inquiry = filed.inquiry;
      } else if (entry.kind === 'assignment') {
        inquiry = (await clocked.engine.claim(tenantId, inquiry!.id, inquiry!.version, actor(entry.actorId)))
          .inquiry;
      } else if (entry.actorId === 'system') {
        // A breach or an automatic action: the scheduler's pass fires the timer the generator fired.
        const timer = entry.kind === 'transition' ? 'auto_action' : String(entry.details['timer']);
        await holdOtherTimers(tenantId, inquiry!.id, timer, entry.at);
        const pass = await clocked.timers.runOnce();
        expect(pass.fired.map((f) => f.inquiryId)).to.include(inquiry!.id);
        inquiry = await platform.engine.get(tenantId, inquiry!.id);
      } else {
        const input = {
          action: entry.action!,
          expectedVersion: inquiry!.version,
          ...(entry.comment ? { comment: entry.comment } : {}),
        };
        inquiry = (await clocked.engine.transition(tenantId, inquiry!.id, input, actor(entry.actorId)))
          .inquiry;
      }
    }
    for (const rest of money) {
      clocked.now = rest.at;
      await rest.run();
    }
    return platform.engine.get(tenantId, inquiry!.id);
  }

  /**
   * Two timers due at the same instant fire in the order of their random ids, one per pass; the
   * generator fires the state's first. Holding the other one back for this pass makes the
   * scheduler fire the one the generator fired (the held timer is rewritten by the change anyway).
   */
  async function holdOtherTimers(tenantId: string, inquiryId: string, kind: string, at: Date): Promise<void> {
    await cities.host.platform.db.withTenant(tenantId, (trx) =>
      trx('inquiry_timers')
        .where({ tenant_id: tenantId, inquiry_id: inquiryId, status: 'pending' })
        .whereNot('kind', kind)
        .where('fire_at', '<=', at)
        .update({ fire_at: new Date(at.getTime() + 1000) }),
    );
  }
});

function outcome(
  workflow: CompiledWorkflow,
  paths: NonNullable<ReturnType<typeof workflowPaths>>,
  scenario: Scenario,
): InquiryOutcome {
  const happy = paths.happy;
  switch (scenario) {
    case 'on time':
      return { end: 'completed', late: false, steps: happy, appealed: false };
    case 'late':
      return { end: 'completed', late: true, steps: happy, appealed: false };
    case 'unpaid':
      return { end: 'expired', late: false, steps: [], appealed: false };
    case 'rejected': {
      const r = paths.rejections[paths.rejections.length - 1]!;
      return {
        end: 'rejected',
        late: false,
        steps: [...happy.slice(0, r.at), r.transition],
        appealed: false,
      };
    }
    case 'rejected and appealed': {
      const r = paths.rejections[paths.rejections.length - 1]!;
      const appeal = appealFrom(workflow, r.transition.to)!;
      const again = pathToCompletion(workflow, appeal.to)!;
      return {
        end: 'completed',
        late: true,
        steps: [...happy.slice(0, r.at), r.transition, appeal, ...again],
        appealed: true,
      };
    }
  }
}

function staffActor(member: StaffMember): Actor {
  return { id: member.id, kind: 'staff', roles: member.roles, agencyCodes: member.agencyCodes };
}

function entryView(h: Omit<HistoryEntry, 'inquiryId'> & { inquiryId?: string }): Record<string, unknown> {
  return {
    seq: h.seq,
    at: h.at.toISOString(),
    kind: h.kind,
    action: h.action,
    fromState: h.fromState,
    toState: h.toState,
    workflowVersion: h.workflowVersion,
    actorId: h.actorId,
    actorRole: h.actorRole,
    comment: h.comment,
    public: h.public,
    details: h.details,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function inquiryView(i: Inquiry): Record<string, unknown> {
  return {
    state: i.state,
    publicStatus: i.publicStatus,
    candidateRole: i.candidateRole,
    assigneeId: i.assigneeId,
    escalated: i.escalated,
    filedAt: iso(i.filedAt),
    filedBy: i.filedBy,
    stateEnteredAt: iso(i.stateEnteredAt),
    dueAt: iso(i.dueAt),
    stateDueAt: iso(i.stateDueAt),
    stateBreachedAt: iso(i.stateBreachedAt),
    overallBreachedAt: iso(i.overallBreachedAt),
    pausedAt: iso(i.pausedAt),
    closedAt: iso(i.closedAt),
    version: i.version,
    updatedAt: iso(i.updatedAt),
  };
}

function simulatedView(played: PlayedInquiry): Record<string, unknown> {
  const { sim } = played;
  const c = sim.clock;
  return {
    state: c.state,
    publicStatus: sim.publicStatus,
    candidateRole: sim.candidateRole,
    assigneeId: sim.assigneeId,
    escalated: sim.escalated,
    filedAt: iso(sim.filedAt),
    filedBy: sim.history[0]!.actorId,
    stateEnteredAt: iso(c.stateEnteredAt),
    dueAt: iso(c.dueAt),
    stateDueAt: iso(c.stateDueAt),
    stateBreachedAt: iso(c.stateBreachedAt),
    overallBreachedAt: iso(c.overallBreachedAt),
    pausedAt: iso(c.pausedAt),
    closedAt: iso(c.closedAt),
    version: sim.version,
    updatedAt: iso(sim.lastAt),
  };
}
