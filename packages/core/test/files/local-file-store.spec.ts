import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { LocalFileStore } from '../../src/files/local-file-store.js';
import { tinyPdf } from './sample-files.js';

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function expectCode(promise: Promise<unknown>, code: string): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (isDarchaError(error, code)) return error;
    throw error;
  }
  expect.fail(`expected ${code}`);
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('LocalFileStore', () => {
  let directory: string;
  let store: LocalFileStore;
  const pdf = tinyPdf();
  const pdfSha = sha256Of(pdf);

  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'darcha-files-'));
    store = new LocalFileStore(directory);
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('stores bytes under <aa>/<bb>/<sha256> and reads them back', async () => {
    expect(await store.has(pdfSha)).to.equal(false);
    expect(await store.put(pdf)).to.deep.equal({ sha256: pdfSha, sizeBytes: pdf.length });
    expect(await filesUnder(directory)).to.deep.equal([
      path.join(pdfSha.slice(0, 2), pdfSha.slice(2, 4), pdfSha),
    ]);
    expect(await store.has(pdfSha)).to.equal(true);
    expect((await store.get(pdfSha)).equals(pdf)).to.equal(true);
    const streamed: Buffer[] = [];
    for await (const chunk of await store.getStream(pdfSha)) streamed.push(chunk as Buffer);
    expect(Buffer.concat(streamed).equals(pdf)).to.equal(true);
  });

  it('stores the same content twice as one file, from a buffer or a stream', async () => {
    const first = await store.put(pdf);
    const second = await store.put(pdf);
    const streamed = await store.put(Readable.from([pdf.subarray(0, 10), pdf.subarray(10)]));
    expect(second).to.deep.equal(first);
    expect(streamed).to.deep.equal(first);
    expect(await filesUnder(directory)).to.have.length(1);
  });

  it('survives many concurrent puts of the same content, leaving one file and no temporary ones', async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        store.put(i % 2 === 0 ? pdf : Readable.from([pdf.subarray(0, i), pdf.subarray(i)])),
      ),
    );
    expect(new Set(results.map((r) => r.sha256))).to.deep.equal(new Set([pdfSha]));
    expect(await filesUnder(directory)).to.have.length(1);
    expect((await store.get(pdfSha)).equals(pdf)).to.equal(true);
  });

  it('stores an empty file (refusing empty attachments is the caller’s business)', async () => {
    const empty = new Uint8Array(0);
    expect(await store.put(empty)).to.deep.equal({ sha256: sha256Of(empty), sizeBytes: 0 });
  });

  it('refuses an address that is not 64 lowercase hex digits, before touching the disk', async () => {
    for (const bad of ['../../etc/passwd', pdfSha.toUpperCase(), pdfSha.slice(1), `${pdfSha}/x`, '']) {
      await expectCode(store.get(bad), 'DARCHA_FILE_SHA256_INVALID');
      await expectCode(store.has(bad), 'DARCHA_FILE_SHA256_INVALID');
      await expectCode(store.getStream(bad), 'DARCHA_FILE_SHA256_INVALID');
    }
  });

  it('reports a file it does not hold as not found', async () => {
    const error = await expectCode(store.get(pdfSha), 'DARCHA_FILE_NOT_FOUND');
    expect(error.message).to.contain(pdfSha).and.contain(directory);
    await expectCode(store.getStream(pdfSha), 'DARCHA_FILE_NOT_FOUND');
  });

  it('cuts a stream off past maxBytes and keeps nothing', async () => {
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(1000, 1));
    await expectCode(store.put(Readable.from(chunks), { maxBytes: 4500 }), 'DARCHA_FILE_TOO_LARGE');
    await expectCode(store.put(Buffer.alloc(4501), { maxBytes: 4500 }), 'DARCHA_FILE_TOO_LARGE');
    expect(await filesUnder(directory)).to.deep.equal([]);
    expect((await store.put(Buffer.alloc(4500), { maxBytes: 4500 })).sizeBytes).to.equal(4500);
  });

  it('refuses a stream of strings', async () => {
    await expectCode(
      store.put(Readable.from(['text'], { objectMode: true }) as never),
      'DARCHA_FILE_CONTENT_INVALID',
    );
    expect(await filesUnder(directory)).to.deep.equal([]);
  });

  it('keeps nothing when the source stream fails, and passes its error on', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield pdf.subarray(0, 5);
      throw new Error('connection reset');
    }
    try {
      await store.put(failing());
      expect.fail('expected the stream error');
    } catch (error) {
      expect((error as Error).message).to.equal('connection reset');
    }
    expect(await filesUnder(directory)).to.deep.equal([]);
  });

  it('notices a damaged file on read, and a put of the same content repairs a truncated one', async () => {
    await store.put(pdf);
    const file = path.join(directory, pdfSha.slice(0, 2), pdfSha.slice(2, 4), pdfSha);
    await writeFile(file, pdf.subarray(0, 20));
    await expectCode(store.get(pdfSha), 'DARCHA_FILE_CORRUPT');
    await store.put(pdf);
    expect((await readFile(file)).equals(pdf)).to.equal(true);
  });

  it('reports a directory it cannot write as unavailable, naming it', async () => {
    const notADirectory = path.join(directory, 'plain-file');
    await writeFile(notADirectory, 'x');
    const error = await expectCode(
      new LocalFileStore(notADirectory).put(pdf),
      'DARCHA_FILE_STORE_UNAVAILABLE',
    );
    expect(error.message).to.contain(notADirectory);
  });

  it('writes files readable by the owner and group only', async () => {
    await store.put(pdf);
    const mode = (await stat(path.join(directory, pdfSha.slice(0, 2), pdfSha.slice(2, 4), pdfSha))).mode;
    expect(mode & 0o007).to.equal(0);
  });
});
