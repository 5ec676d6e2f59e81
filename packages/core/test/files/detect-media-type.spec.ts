import { expect } from 'chai';
import { Readable } from 'node:stream';
import {
  detectMediaType,
  isDetectableMediaType,
  sampleMediaType,
} from '../../src/files/detect-media-type.js';
import { tinyJpeg, tinyPdf, tinyPng } from './sample-files.js';

describe('detectMediaType', () => {
  it('reads PDF, PNG and JPEG from their bytes', async () => {
    expect(await detectMediaType(tinyPdf())).to.deep.equal({
      mediaType: 'application/pdf',
      extension: 'pdf',
    });
    expect(await detectMediaType(tinyPng())).to.deep.equal({ mediaType: 'image/png', extension: 'png' });
    expect(await detectMediaType(tinyJpeg())).to.deep.equal({ mediaType: 'image/jpeg', extension: 'jpg' });
  });

  it('recognises nothing in text, random bytes or an empty file', async () => {
    expect(await detectMediaType(Buffer.from('Passport: AB1234567\n'))).to.equal(undefined);
    expect(await detectMediaType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).to.equal(
      undefined,
    );
    expect(await detectMediaType(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]))).to.equal(undefined);
    expect(await detectMediaType(new Uint8Array(0))).to.equal(undefined);
  });

  it('tells which media types can ever be detected', () => {
    expect(isDetectableMediaType('application/pdf')).to.equal(true);
    expect(isDetectableMediaType(' Image/JPEG ')).to.equal(true);
    expect(isDetectableMediaType('text/plain')).to.equal(false);
  });
});

describe('sampleMediaType', () => {
  it('detects a stream from its first bytes and still yields all of it', async () => {
    const pdf = tinyPdf();
    const sampled = await sampleMediaType(
      Readable.from([pdf.subarray(0, 8), pdf.subarray(8, 30), pdf.subarray(30)]),
      16,
    );
    expect(sampled.detected?.mediaType).to.equal('application/pdf');
    expect(sampled.complete).to.equal(false);
    expect(sampled.sampledBytes).to.equal(30);
    const chunks: Uint8Array[] = [];
    for await (const chunk of sampled.content) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(pdf)).to.equal(true);
  });

  it('says when the sample is the whole stream', async () => {
    const sampled = await sampleMediaType(Readable.from([tinyPng()]));
    expect(sampled).to.include({ complete: true, sampledBytes: tinyPng().length });
    expect(sampled.detected?.mediaType).to.equal('image/png');
    const empty = await sampleMediaType(Readable.from([]));
    expect(empty).to.include({ complete: true, sampledBytes: 0, detected: undefined });
  });

  it('stops the source stream when the content is discarded', async () => {
    const source = Readable.from([tinyJpeg(), Buffer.alloc(10)]);
    const sampled = await sampleMediaType(source, 1);
    await sampled.discard();
    expect(source.destroyed).to.equal(true);
  });
});
