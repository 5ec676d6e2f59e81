import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { keepRawBody, rawBodyOf } from '../../src/api/raw-body.js';

describe('the raw body of payment callbacks', () => {
  const app = express();
  app.use(express.json({ verify: keepRawBody }));
  app.post(/.*/, (req, res) => {
    res.json({ raw: rawBodyOf(req) ?? null, parsed: req.body as unknown });
  });

  it('keeps the exact bytes a provider sent to a callback path, and only there', async () => {
    const sent = '{ "reference":"p-1",  "amount": 74160 }';
    const callback = await request(app)
      .post('/t/chirchik/api/v1/payment-callbacks/demo?x=1')
      .set('Content-Type', 'application/json')
      .send(sent);
    expect(callback.body).to.deep.equal({ raw: sent, parsed: { reference: 'p-1', amount: 74160 } });
    const other = await request(app).post('/api/v1/inquiries').send({ a: 1 });
    expect(other.body).to.deep.equal({ raw: null, parsed: { a: 1 } });
  });
});
