import { expect } from 'chai';
import { ReadCache } from '../../src/cache/read-cache.js';

describe('read cache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('reads once, then answers from memory until the entry is 5 s old', async () => {
    const cache = new ReadCache<string>({ now: clock });
    let reads = 0;
    const load = () => Promise.resolve(`row ${++reads}`);
    expect(await cache.read('chirchik', load)).to.equal('row 1');
    now += 4_999;
    expect(await cache.read('chirchik', load)).to.equal('row 1');
    now += 2;
    expect(await cache.read('chirchik', load)).to.equal('row 2');
  });

  it('does not keep what the caller leaves out (an unknown key), nor a failed read', async () => {
    const cache = new ReadCache<string | undefined>({ now: clock });
    let reads = 0;
    const unknown = () => Promise.resolve(void reads++);
    await cache.read('dk_chirchik_made-up', unknown, (value) => value !== undefined);
    await cache.read('dk_chirchik_made-up', unknown, (value) => value !== undefined);
    expect(reads).to.equal(2);
    const failing = () => Promise.reject(new Error('connection lost'));
    await cache.read('k', failing).catch(() => undefined);
    expect(cache.peek('k')).to.equal(undefined);
  });

  it('drops everything around a write, and does not store a read that began before it', async () => {
    const cache = new ReadCache<string>({ now: clock });
    await cache.read('a', () => Promise.resolve('old a'));
    let finish!: (value: string) => void;
    const slow = cache.read('b', () => new Promise<string>((resolve) => (finish = resolve)));
    await cache.afterWrite(Promise.resolve());
    expect(cache.peek('a')).to.equal(undefined);
    finish('old b'); // read before the write: answered, not kept
    expect(await slow).to.equal('old b');
    expect(cache.peek('b')).to.equal(undefined);
  });

  it('forgets one entry, and a read of it in flight', async () => {
    const cache = new ReadCache<string>({ now: clock });
    await cache.read('keep', () => Promise.resolve('kept'));
    let finish!: (value: string) => void;
    const slow = cache.read('session', () => new Promise<string>((resolve) => (finish = resolve)));
    cache.forget('session');
    finish('signed out meanwhile');
    await slow;
    expect(cache.peek('session')).to.equal(undefined);
    expect(cache.peek('keep')).to.deep.equal({ value: 'kept' });
  });
});
