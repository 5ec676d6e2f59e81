import { PassThrough } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '../../src/logging/logger.js';

describe('logger', () => {
  function capture(): { logger: ReturnType<typeof createLogger>; lines: () => Record<string, unknown>[] } {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const logger = createLogger({ level: 'debug', destination: stream });
    return {
      logger,
      lines: () =>
        text
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  }

  it('writes JSON lines with level and message', () => {
    const { logger, lines } = capture();
    logger.info({ tenant: 'chirchik' }, 'inquiry filed');
    expect(lines()[0]).to.include({ level: 30, msg: 'inquiry filed', tenant: 'chirchik', name: 'darcha' });
  });

  it('redacts passwords, tokens, cookies and personal numbers', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: 'hunter2',
        applicant: { pinfl: '31234567890123', tin: '123456789', name: 'Aziza' },
        req: { headers: { authorization: 'Bearer abc', cookie: 'sid=xyz', host: 'chirchik.darcha.example' } },
        form: { applicant: { pinfl: '31234567890123' } },
      },
      'signed in',
    );
    const line = lines()[0]!;
    const text = JSON.stringify(line);
    for (const secret of ['hunter2', '31234567890123', '123456789', 'Bearer abc', 'sid=xyz']) {
      expect(text).to.not.include(secret);
    }
    expect(text).to.include('Aziza').and.include('chirchik.darcha.example');
  });
});
