import { expect } from 'chai';
import { parseInboxQuery } from '../../../src/workflow/inbox/inbox-query.js';

describe('inbox query', () => {
  it('fills in the defaults: due order for open buckets, filing order for closed, 50 a page', () => {
    expect(parseInboxQuery({ bucket: 'role' })).to.deep.equal({
      query: {
        bucket: 'role',
        sort: 'due',
        limit: 50,
        cursor: null,
        publicStatus: [],
        state: [],
        serviceCode: [],
        agencyCode: [],
        filedFrom: null,
        filedTo: null,
        trackingNumber: null,
        applicantKey: null,
        dueBefore: null,
      },
    });
    const closed = parseInboxQuery({ bucket: 'closed', limit: 200 });
    expect('query' in closed && [closed.query.sort, closed.query.limit]).to.deep.equal(['filed', 200]);
  });

  it('takes a filter as one value or a list, and instants as Dates or RFC 3339 text', () => {
    const parsed = parseInboxQuery({
      bucket: 'due_soon',
      publicStatus: 'submitted',
      serviceCode: ['gas.connection', 'tax.certificate'],
      filedFrom: new Date('2026-02-01T00:00:00Z'),
      filedTo: '2026-03-01T05:00:00+05:00',
      dueBefore: '2026-03-02T14:00:00Z',
    });
    expect('query' in parsed && parsed.query).to.deep.include({
      publicStatus: ['submitted'],
      serviceCode: ['gas.connection', 'tax.certificate'],
      filedFrom: new Date('2026-02-01T00:00:00Z'),
      filedTo: new Date('2026-03-01T00:00:00Z'),
      dueBefore: new Date('2026-03-02T14:00:00Z'),
    });
  });

  it('says once what a list filter wants, however ajv reports it', () => {
    const parsed = parseInboxQuery({ bucket: 'role', publicStatus: ['submitted', 'lost'], state: [] });
    expect('problems' in parsed && parsed.problems).to.deep.equal([
      {
        field: '/publicStatus',
        message:
          'must be one of "submitted", "in_progress", "action_required", "ready", "completed", "rejected", or a list of them',
      },
      {
        field: '/state',
        message:
          'must be a state name (lowercase letters, digits, underscores), or a list of 1 to 50 of them',
      },
    ]);
  });

  it('refuses what is not an object, and a limit of 0', () => {
    expect(parseInboxQuery(null)).to.have.property('problems').that.is.not.empty;
    expect(parseInboxQuery({ bucket: 'mine', limit: 0 })).to.deep.equal({
      problems: [{ field: '/limit', message: 'must be >= 1' }],
    });
  });

  it('refuses a leap second, which a Date cannot hold', () => {
    expect(parseInboxQuery({ bucket: 'all_open', filedTo: '2016-12-31T23:59:60Z' })).to.deep.equal({
      problems: [{ field: '/filedTo', message: 'must be an instant JavaScript can represent' }],
    });
  });
});
