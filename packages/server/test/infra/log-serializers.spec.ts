import { expect } from 'chai';
import { redactUrl } from '../../src/infra/log-serializers.js';

describe('log serializers: redactUrl', () => {
  it('replaces the values of credential and personal query parameters, whatever their case or escaping', () => {
    expect(redactUrl('/open311/v2/requests.json?api_key=s3cret&jurisdiction_id=chirchik')).to.equal(
      '/open311/v2/requests.json?api_key=[redacted]&jurisdiction_id=chirchik',
    );
    expect(redactUrl('/x?API_KEY=a&api%5Fkey=b&token=c&phone=%2B998&q=ok')).to.equal(
      '/x?API_KEY=[redacted]&api%5Fkey=[redacted]&token=[redacted]&phone=[redacted]&q=ok',
    );
  });

  it('leaves URLs without such parameters as they are', () => {
    expect(redactUrl('/api/v1/inquiries/abc')).to.equal('/api/v1/inquiries/abc');
    expect(redactUrl('/api/v1/inquiries?status=open&flag&x=%ZZ')).to.equal(
      '/api/v1/inquiries?status=open&flag&x=%ZZ',
    );
  });
});
