import { expect } from 'chai';
import { RenderQueue, RenderQueueFullError } from '../../core/charts/render-queue';

const options = { maxEntries: 16, maxBytes: 1024 * 1024, maxPending: 8 };

describe('charts: render queue', () => {
  it('runs one job for N concurrent requests with the same key and gives them all its result', async () => {
    const queue = new RenderQueue(options);
    let runs = 0;
    const job = () => {
      runs++;
      return Buffer.from('png');
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => queue.run('k', job)));
    expect(runs).to.equal(1);
    for (const r of results) expect(r.toString()).to.equal('png');
    expect(queue.stats()).to.include({ renders: 1, shared: 9, pending: 0 });
  });

  it('runs jobs with different keys one at a time', async () => {
    const queue = new RenderQueue(options);
    let active = 0;
    let maxActive = 0;
    const job = (name: string) => async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 2));
      active--;
      return Buffer.from(name);
    };
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((k) => queue.run(k, job(k))));
    expect(results.map(String)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(maxActive).to.equal(1);
    expect(queue.stats().renders).to.equal(4);
  });

  it('lets other work run between two renders', async () => {
    const queue = new RenderQueue(options);
    const log: string[] = [];
    const first = queue.run('1', () => {
      log.push('render 1');
      setImmediate(() => log.push('other command'));
      return Buffer.from('1');
    });
    const second = queue.run('2', () => {
      log.push('render 2');
      return Buffer.from('2');
    });
    await Promise.all([first, second]);
    expect(log).to.deep.equal(['render 1', 'other command', 'render 2']);
  });

  it('answers from the cache until invalidate()', async () => {
    const queue = new RenderQueue(options);
    let runs = 0;
    const job = () => Buffer.from(`v${++runs}`);
    expect(String(await queue.run('k', job))).to.equal('v1');
    expect(String(await queue.run('k', job))).to.equal('v1');
    expect(queue.stats().cacheHits).to.equal(1);
    queue.invalidate();
    expect(String(await queue.run('k', job))).to.equal('v2');
    expect(runs).to.equal(2);
  });

  it('does not cache or share a render that was running when invalidate() came', async () => {
    const queue = new RenderQueue(options);
    let runs = 0;
    const job = () => Buffer.from(`v${++runs}`);
    const old = queue.run('k', job);
    queue.invalidate();
    const fresh = queue.run('k', job);
    expect(String(await old)).to.equal('v1');
    expect(String(await fresh)).to.equal('v2');
    expect(String(await queue.run('k', job))).to.equal('v2');
    expect(runs).to.equal(2);
  });

  it('passes a failure to every waiter, caches nothing, and tries again next time', async () => {
    const queue = new RenderQueue(options);
    let runs = 0;
    const failing = () => {
      runs++;
      throw new Error('boom');
    };
    const outcomes = await Promise.allSettled([queue.run('k', failing), queue.run('k', failing)]);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason.message).to.equal('boom');
    expect(runs).to.equal(1);
    expect(String(await queue.run('k', () => Buffer.from('ok')))).to.equal('ok');
    expect(queue.stats().pending).to.equal(0);
  });

  it('refuses new renders when too many are waiting, and recovers', async () => {
    const queue = new RenderQueue({ ...options, maxPending: 2 });
    const a = queue.run('a', () => Buffer.from('a'));
    const b = queue.runUncached(() => Buffer.from('b'));
    let refused: unknown;
    try {
      await queue.run('c', () => Buffer.from('c'));
    } catch (err) {
      refused = err;
    }
    expect(refused).to.be.instanceOf(RenderQueueFullError);
    expect((refused as Error).message).to.contain('2 renders waiting');
    await Promise.all([a, b]);
    expect(String(await queue.run('c', () => Buffer.from('c')))).to.equal('c');
  });
});
