import { expect } from 'chai';
import request from 'supertest';
import {
  loadConfig,
  openPlatform,
  writeOutboxEvents,
  type Platform,
  type TenantTransaction,
} from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import { createServer, type DarchaServer } from '../../src/create-server.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/** The value of one sample in a Prometheus text exposition, or undefined when it is not there. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function insertInquiry(trx: TenantTransaction, tenantId: string, tracking: string): Promise<string> {
  const now = new Date();
  const [row]: { id: string }[] = await trx('inquiries')
    .insert({
      tenant_id: tenantId,
      tracking_number: tracking,
      kind: 'service',
      service_code: 'gas-connection',
      service_version: 1,
      workflow_key: 'standard',
      workflow_version: 1,
      applicant_type: 'individual',
      applicant: JSON.stringify({ name: 'Aziza' }),
      applicant_key: '31234567890123',
      locale: 'uz-Latn',
      form_data: JSON.stringify({}),
      channel: 'desk',
      state: 'submitted',
      public_status: 'submitted',
      filed_at: now,
      filed_by: 'test',
      state_entered_at: now,
      updated_at: now,
    })
    .returning('id');
  return row!.id;
}

describe(`server metrics (${engine})`, () => {
  let platform: Platform;
  let server: DarchaServer;

  before(async () => {
    const config = loadConfig({ env: {}, overrides: { logLevel: 'silent' } });
    platform = await openPlatform({ config, db: await openTestDatabase() });
    const names = { 'uz-Latn': 'Chirchiq', 'uz-Cyrl': 'Чирчиқ', ru: 'Чирчик', en: 'Chirchik' };
    await platform.tenants.create({ id: 'chirchik', kind: 'country', names });
    await platform.tenants.create({ id: 'djizak', kind: 'country', names });
    server = createServer({ platform });
  });
  after(() => platform.close());

  it('serves the Prometheus text format from its own registry, with process metrics', async () => {
    const res = await request(server.app).get('/metrics');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.match(/^text\/plain; version=0\.0\.4/);
    expect(res.text).to.match(/^# HELP process_cpu_user_seconds_total/m);
    expect(res.text).to.include('# TYPE darcha_http_request_duration_seconds histogram');
    expect(res.text).to.include('# TYPE darcha_inquiries_filed_total counter');
    expect(res.text).to.include('# TYPE darcha_inquiries_transitioned_total counter');
    expect(server.app.locals['metrics']).to.equal(server.metrics);
    // A second server has a registry of its own: nothing clashes, nothing is shared.
    const other = createServer({ platform });
    expect(other.metrics!.registry).to.not.equal(server.metrics!.registry);
    expect((await request(other.app).get('/metrics')).status).to.equal(200);
  });

  it('times requests by route pattern, never by raw URL', async () => {
    await request(server.app).get('/healthz');
    await request(server.app).get('/no/such/path/12345');
    const text = (await request(server.app).get('/metrics')).text;
    expect(
      sample(text, 'darcha_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}'),
    ).to.be.at.least(1);
    expect(
      sample(text, 'darcha_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}'),
    ).to.be.at.least(1);
    // The path itself, not its number: process metrics are numbers that may contain "12345" by chance.
    expect(text).to.not.include('/no/such/path');
  });

  it('counts what the API handlers record', async () => {
    server.metrics!.inquiriesFiled.inc({ tenant: 'chirchik', channel: 'desk' });
    server.metrics!.inquiriesFiled.inc({ tenant: 'chirchik', channel: 'desk' });
    server.metrics!.inquiriesTransitioned.inc({ tenant: 'djizak', action: 'approve' });
    const text = (await request(server.app).get('/metrics')).text;
    expect(sample(text, 'darcha_inquiries_filed_total{tenant="chirchik",channel="desk"}')).to.equal(2);
    expect(sample(text, 'darcha_inquiries_transitioned_total{tenant="djizak",action="approve"}')).to.equal(1);
  });

  it('reads the outbox backlog and the timer lag over all active tenants at scrape time', async () => {
    const empty = (await request(server.app).get('/metrics')).text;
    expect(sample(empty, 'darcha_outbox_backlog{status="pending"}')).to.equal(0);
    expect(sample(empty, 'darcha_outbox_backlog{status="dead"}')).to.equal(0);
    expect(sample(empty, 'darcha_timer_lag_seconds')).to.equal(0);
    expect(sample(empty, 'darcha_job_backlog_up')).to.equal(1);

    const event = { type: 'inquiry.filed', payload: { inquiryId: 'x' } };
    await platform.db.withTenant('chirchik', (trx) => writeOutboxEvents(trx, 'chirchik', [event, event]));
    await platform.db.withTenant('djizak', async (trx) => {
      const [id] = await writeOutboxEvents(trx, 'djizak', [event]);
      await trx('outbox_events').where({ tenant_id: 'djizak', id }).update({ status: 'dead' });
      const inquiryId = await insertInquiry(trx, 'djizak', 'DJ-2026-000001');
      const timer = { tenant_id: 'djizak', inquiry_id: inquiryId, kind: 'state_sla', inquiry_version: 1 };
      await trx('inquiry_timers').insert([
        // overdue by two minutes, and by one minute; one not due yet; one overdue but already fired
        { ...timer, fire_at: new Date(Date.now() - 120_000), reaction: JSON.stringify('escalate') },
        { ...timer, fire_at: new Date(Date.now() - 60_000), reaction: JSON.stringify('escalate') },
        { ...timer, fire_at: new Date(Date.now() + 3_600_000), reaction: JSON.stringify('escalate') },
        {
          ...timer,
          fire_at: new Date(Date.now() - 3_600_000),
          reaction: JSON.stringify('escalate'),
          status: 'fired',
        },
      ]);
    });
    const text = (await request(server.app).get('/metrics')).text;
    expect(sample(text, 'darcha_outbox_backlog{status="pending"}')).to.equal(2);
    expect(sample(text, 'darcha_outbox_backlog{status="dead"}')).to.equal(1);
    expect(sample(text, 'darcha_timer_lag_seconds')).to.be.within(119, 180);

    // A suspended city is not polled by the jobs, so it is not counted either.
    await platform.tenants.suspend('djizak', 'test');
    const suspended = (await request(server.app).get('/metrics')).text;
    expect(sample(suspended, 'darcha_outbox_backlog{status="pending"}')).to.equal(2);
    expect(sample(suspended, 'darcha_outbox_backlog{status="dead"}')).to.equal(0);
    expect(sample(suspended, 'darcha_timer_lag_seconds')).to.equal(0);
  });

  it('is left out with metrics: false', async () => {
    const bare = createServer({ platform, metrics: false });
    expect(bare.metrics).to.equal(undefined);
    expect((await request(bare.app).get('/metrics')).status).to.equal(404);
  });

  it('still answers when the database is gone, and says the backlog could not be read', async () => {
    await platform.close();
    const res = await request(server.app).get('/metrics');
    expect(res.status).to.equal(200);
    expect(sample(res.text, 'darcha_job_backlog_up')).to.equal(0);
    expect(sample(res.text, 'darcha_outbox_backlog{status="pending"}')).to.equal(undefined);
  });
});
