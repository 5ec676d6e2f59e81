import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';
import { AttachmentService } from '../../src/files/attachment-service.js';
import type { AttachInput } from '../../src/files/attachment-types.js';
import { LocalFileStore } from '../../src/files/local-file-store.js';
import type { RequiredDocument } from '../../src/registry/types.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';
import { tinyJpeg, tinyPdf, tinyPng } from './sample-files.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const documents: RequiredDocument[] = [
  { code: 'passport', names: { en: 'Passport' }, accept: ['application/pdf', 'image/jpeg'], maxBytes: 2048 },
  { code: 'floor-plan', names: { en: 'Floor plan' }, accept: ['image/png'], maxBytes: 1024, optional: true },
];

async function expectCode(promise: Promise<unknown>, code: string): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    if (isDarchaError(error, code)) return error;
    throw error;
  }
  expect.fail(`expected ${code}`);
}

async function fileInquiry(db: Database, tenantId: string, trackingNumber: string): Promise<string> {
  const now = new Date('2026-03-02T09:00:00Z');
  const [row]: { id: string }[] = await db.withTenant(tenantId, (trx) =>
    trx('inquiries')
      .insert({
        tenant_id: tenantId,
        tracking_number: trackingNumber,
        kind: 'service',
        service_code: 'gas-connection',
        service_version: 1,
        workflow_key: 'agency-gas/connection',
        workflow_version: 1,
        applicant_type: 'individual',
        applicant: JSON.stringify({ type: 'individual', pinfl: '31234567890123', lastName: 'Karimov' }),
        applicant_key: '31234567890123',
        locale: 'uz-Latn',
        form_data: JSON.stringify({}),
        channel: 'desk',
        state: 'submitted',
        public_status: 'submitted',
        filed_at: now,
        filed_by: 'staff-1',
        state_entered_at: now,
        updated_at: now,
      })
      .returning('id'),
  );
  return row!.id;
}

describe(`attachment service (${engine})`, () => {
  let db: Database;
  let directory: string;
  let attachments: AttachmentService;
  let chirchikInquiry: string;
  let djizakInquiry: string;
  // Each upload one second after the one before, so that "oldest first" is observable.
  const start = Date.parse('2026-03-02T10:15:00Z');
  let ticks = 0;
  const clock = (): Date => new Date(start + 1000 * ticks++);

  const input = (overrides: Partial<AttachInput> = {}): AttachInput => ({
    inquiryId: chirchikInquiry,
    documentCode: 'passport',
    fileName: 'passport.pdf',
    bytes: tinyPdf(),
    uploadedBy: 'staff-1',
    ...overrides,
  });

  before(async () => {
    db = await openTestDatabase();
    const tenants = new PostgresTenantRegistry(db);
    await tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
    await tenants.create({ id: 'chirchik', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'Chirchiq' } });
    await tenants.create({ id: 'djizak', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'Jizzax' } });
    chirchikInquiry = await fileInquiry(db, 'chirchik', 'CHR-2026-000001');
    djizakInquiry = await fileInquiry(db, 'djizak', 'DJZ-2026-000001');
    directory = await mkdtemp(path.join(tmpdir(), 'darcha-attachments-'));
    attachments = new AttachmentService({ db, store: new LocalFileStore(directory), clock });
  });
  after(async () => {
    await db.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('attaches a file, and reads its metadata and bytes back', async () => {
    const pdf = tinyPdf();
    const attached = await attachments.attach('chirchik', input(), documents);
    expect(attached).to.deep.include({
      tenantId: 'chirchik',
      inquiryId: chirchikInquiry,
      documentCode: 'passport',
      fileName: 'passport.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha256Of(pdf),
      uploadedBy: 'staff-1',
      uploadedAt: new Date(start),
    });
    expect(attached.id).to.match(/^[0-9a-f-]{36}$/);
    expect(await attachments.get('chirchik', attached.id)).to.deep.equal(attached);
    const opened = await attachments.open('chirchik', attached.id);
    expect(opened.attachment).to.deep.equal(attached);
    expect(sha256Of(opened.bytes)).to.equal(attached.sha256);
    expect(opened.bytes.equals(pdf)).to.equal(true);
    const streamed: Buffer[] = [];
    for await (const chunk of (await attachments.openStream('chirchik', attached.id)).stream) {
      streamed.push(chunk as Buffer);
    }
    expect(Buffer.concat(streamed).equals(pdf)).to.equal(true);
  });

  it('takes a stream, lists attachments oldest first, and stores the same bytes once', async () => {
    const { id: inquiryId, list } = await (async () => {
      const id = await fileInquiry(db, 'chirchik', 'CHR-2026-000002');
      return { id, list: () => attachments.list('chirchik', id) };
    })();
    expect(await list()).to.deep.equal([]);
    const png = tinyPng();
    const plan = await attachments.attach(
      'chirchik',
      input({
        inquiryId,
        documentCode: 'floor-plan',
        fileName: 'plan',
        bytes: Readable.from([png.subarray(0, 9), png.subarray(9)]),
      }),
      documents,
    );
    expect(plan).to.deep.include({ fileName: 'plan.png', mediaType: 'image/png', sizeBytes: png.length });
    const passport = await attachments.attach(
      'chirchik',
      input({ inquiryId, fileName: 'C:\\scans\\pass\u202Eport.jpeg', bytes: tinyJpeg() }),
      documents,
    );
    expect(passport).to.deep.include({ fileName: 'passport.jpeg', mediaType: 'image/jpeg' });
    const again = await attachments.attach('chirchik', input({ inquiryId, fileName: 'copy.pdf' }), documents);
    const listed = await list();
    expect(listed.map((a) => a.id)).to.deep.equal([plan.id, passport.id, again.id]);
    expect(listed.map((a) => a.inquiryId)).to.deep.equal([inquiryId, inquiryId, inquiryId]);
    const pdfSha = sha256Of(tinyPdf());
    const stored = await readdir(path.join(directory, pdfSha.slice(0, 2), pdfSha.slice(2, 4)));
    expect(stored).to.deep.equal([pdfSha]);
  });

  it('refuses a file over the document’s limit, naming the limit', async () => {
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(3000, 0x20)]);
    const error = await expectCode(
      attachments.attach('chirchik', input({ bytes: big }), documents),
      'DARCHA_ATTACHMENT_TOO_LARGE',
    );
    expect(error.kind).to.equal('invalid');
    expect(error.details).to.include({ maxBytes: 2048, sizeBytes: big.length, inquiryId: chirchikInquiry });
    expect(error.message).to.contain('2 KiB (2048 bytes)').and.contain('chirchik');
    const streamed = await expectCode(
      attachments.attach(
        'chirchik',
        input({ bytes: Readable.from([big.subarray(0, 100), big.subarray(100)]) }),
        documents,
      ),
      'DARCHA_ATTACHMENT_TOO_LARGE',
    );
    expect(streamed.details).to.include({ maxBytes: 2048 });
  });

  it('refuses content of another type than accepted, whatever the file is called', async () => {
    const error = await expectCode(
      attachments.attach('chirchik', input({ fileName: 'passport.pdf', bytes: tinyPng() }), documents),
      'DARCHA_ATTACHMENT_TYPE_REFUSED',
    );
    expect(error.details).to.deep.include({
      detected: 'image/png',
      accepted: ['application/pdf', 'image/jpeg'],
    });
    expect(error.message).to.contain('image/png').and.contain('application/pdf');
    const text = await expectCode(
      attachments.attach(
        'chirchik',
        input({ fileName: 'passport.pdf', bytes: Buffer.from('Passport AB1234567, issued 2019\n') }),
        documents,
      ),
      'DARCHA_ATTACHMENT_TYPE_REFUSED',
    );
    expect(text.details).to.include({ detected: null });
  });

  it('refuses an empty file and malformed input', async () => {
    await expectCode(
      attachments.attach('chirchik', input({ bytes: new Uint8Array(0) }), documents),
      'DARCHA_ATTACHMENT_EMPTY',
    );
    await expectCode(
      attachments.attach('chirchik', input({ bytes: Readable.from([]) }), documents),
      'DARCHA_ATTACHMENT_EMPTY',
    );
    const error = await expectCode(
      attachments.attach('chirchik', input({ uploadedBy: ' ', bytes: 'text' as never }), documents),
      'DARCHA_ATTACHMENT_INVALID',
    );
    expect((error.details['errors'] as { field: string }[]).map((e) => e.field)).to.deep.equal([
      '/uploadedBy',
      '/bytes',
    ]);
  });

  it('refuses a document code the service does not declare, listing the known ones', async () => {
    const error = await expectCode(
      attachments.attach('chirchik', input({ documentCode: 'birth-certificate' }), documents),
      'DARCHA_ATTACHMENT_DOCUMENT_UNKNOWN',
    );
    expect(error.details).to.deep.include({ known: ['passport', 'floor-plan'] });
    expect(error.message).to.contain('passport, floor-plan');
  });

  it('does not find another tenant’s inquiry or attachment, and RLS hides rows across tenants', async () => {
    const djizakFile = await attachments.attach('djizak', input({ inquiryId: djizakInquiry }), documents);
    const missing = await expectCode(
      attachments.attach('chirchik', input({ inquiryId: djizakInquiry }), documents),
      'DARCHA_ATTACHMENT_INQUIRY_NOT_FOUND',
    );
    expect(missing.kind).to.equal('not_found');
    await expectCode(attachments.list('chirchik', djizakInquiry), 'DARCHA_ATTACHMENT_INQUIRY_NOT_FOUND');
    await expectCode(attachments.get('chirchik', djizakFile.id), 'DARCHA_ATTACHMENT_NOT_FOUND');
    await expectCode(attachments.open('chirchik', djizakFile.id), 'DARCHA_ATTACHMENT_NOT_FOUND');
    await expectCode(attachments.get('chirchik', 'not-a-uuid'), 'DARCHA_ATTACHMENT_NOT_FOUND');
    await expectCode(
      attachments.attach('chirchik', input({ inquiryId: '../inquiries' }), documents),
      'DARCHA_ATTACHMENT_INQUIRY_NOT_FOUND',
    );
    // Even without a WHERE on tenant_id, a tenant's transaction sees only its own rows.
    const seenByChirchik: { tenant_id: string }[] = await db.withTenant('chirchik', (trx) =>
      trx('inquiry_attachments').select('tenant_id'),
    );
    expect(seenByChirchik).to.not.be.empty;
    expect(new Set(seenByChirchik.map((r) => r.tenant_id))).to.deep.equal(new Set(['chirchik']));
    expect(await attachments.list('djizak', djizakInquiry)).to.deep.equal([djizakFile]);
  });

  it('attaches inside the caller’s transaction, and leaves no row when it rolls back', async () => {
    const inquiryId = await fileInquiry(db, 'chirchik', 'CHR-2026-000003');
    await db
      .withTenant('chirchik', async (trx) => {
        await attachments.attachIn(trx, 'chirchik', input({ inquiryId }), documents);
        throw new Error('filing failed');
      })
      .catch((error: Error) => expect(error.message).to.equal('filing failed'));
    expect(await attachments.list('chirchik', inquiryId)).to.deep.equal([]);
    const kept = await db.withTenant('chirchik', (trx) =>
      attachments.attachIn(
        trx,
        'chirchik',
        input({ inquiryId, bytes: tinyJpeg(), fileName: 'p.jpg' }),
        documents,
      ),
    );
    expect(await attachments.list('chirchik', inquiryId)).to.deep.equal([kept]);
  });

  it('reports a row whose bytes the store lost', async () => {
    const lonely = new AttachmentService({
      db,
      store: new LocalFileStore(path.join(directory, 'elsewhere')),
    });
    const [first] = await attachments.list('chirchik', chirchikInquiry);
    const error = await expectCode(lonely.open('chirchik', first!.id), 'DARCHA_ATTACHMENT_BYTES_MISSING');
    expect(error.kind).to.equal('internal');
    expect(error.details).to.include({ sha256: first!.sha256 });
  });
});
