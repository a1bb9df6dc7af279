import { expect } from 'chai';
import { QueryCache } from '../../core/cache/query-cache';

describe('query cache', () => {
  it('loads once, then answers from memory and counts hits and misses', async () => {
    const cache = new QueryCache({ maxEntries: 10, ttlSeconds: 60 });
    let loads = 0;
    const loader = async () => ++loads;
    expect(await cache.wrap('k', loader)).to.equal(1);
    expect(await cache.wrap('k', loader)).to.equal(1);
    expect(cache.stats()).to.deep.include({ hits: 1, misses: 1, size: 1 });
  });

  it('shares one load between concurrent callers', async () => {
    const cache = new QueryCache({ maxEntries: 10, ttlSeconds: 60 });
    let loads = 0;
    const loader = async () => {
      loads++;
      await new Promise((r) => setImmediate(r));
      return 'v';
    };
    expect(await Promise.all([cache.wrap('k', loader), cache.wrap('k', loader)])).to.deep.equal(['v', 'v']);
    expect(loads).to.equal(1);
  });

  it('forgets everything on invalidate, and never stores a load that began before it', async () => {
    const cache = new QueryCache({ maxEntries: 10, ttlSeconds: 60 });
    let release!: () => void;
    const slow = cache.wrap('k', () => new Promise<string>((r) => (release = () => r('stale'))));
    cache.invalidate();
    release();
    expect(await slow).to.equal('stale');
    expect(await cache.wrap('k', async () => 'fresh')).to.equal('fresh');
    expect(cache.stats().invalidations).to.equal(1);
  });

  it('does not keep a failed load', async () => {
    const cache = new QueryCache({ maxEntries: 10, ttlSeconds: 60 });
    let err: unknown;
    await cache.wrap('k', async () => Promise.reject(new Error('boom'))).catch((e) => (err = e));
    expect((err as Error).message).to.equal('boom');
    expect(await cache.wrap('k', async () => 'ok')).to.equal('ok');
  });

  it('with maxEntries 0 always loads', async () => {
    const cache = new QueryCache({ maxEntries: 0, ttlSeconds: 60 });
    let loads = 0;
    await cache.wrap('k', async () => ++loads);
    await cache.wrap('k', async () => ++loads);
    expect(loads).to.equal(2);
  });
});
