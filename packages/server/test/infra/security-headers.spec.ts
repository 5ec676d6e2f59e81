import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { securityHeaders } from '../../src/infra/security-headers.middleware.js';

function appWith(hsts: boolean): express.Express {
  const app = express();
  app.use(securityHeaders({ hsts }));
  app.get('/page', (_req, res) => void res.type('html').send('<p>hi</p>'));
  return app;
}

function directives(header: string): Map<string, string> {
  return new Map(
    header.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );
}

describe('security headers', () => {
  it('sets a content security policy for same-origin pages with no inline script or style', async () => {
    const res = await request(appWith(false)).get('/page');
    const csp = directives(res.headers['content-security-policy']);
    expect(Object.fromEntries(csp)).to.deep.equal({
      'default-src': "'self'",
      'script-src': "'self'",
      'script-src-attr': "'none'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
      'base-uri': "'self'",
    });
    expect(res.headers).to.include({
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
    });
  });

  it('sends HSTS and upgrades insecure requests only when configured for HTTPS', async () => {
    const plain = await request(appWith(false)).get('/page');
    expect(plain.headers).to.not.have.property('strict-transport-security');
    expect(plain.headers['content-security-policy']).to.not.include('upgrade-insecure-requests');
    const tls = await request(appWith(true)).get('/page');
    expect(tls.headers['strict-transport-security']).to.equal('max-age=31536000; includeSubDomains');
    expect(directives(tls.headers['content-security-policy']).has('upgrade-insecure-requests')).to.equal(
      true,
    );
  });
});
