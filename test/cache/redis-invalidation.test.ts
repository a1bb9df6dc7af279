import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { App } from '../../core/app/app';
import { cacheModule } from '../../core/cache/module';
import { QueryCache } from '../../core/cache/query-cache';
import { RedisInvalidation } from '../../core/cache/redis-invalidation';
import { databaseModule } from '../../core/data/module';
import { DataServices } from '../../core/data/tokens';
import type { Importer } from '../../core/ingest/importer';
import { importPaths } from '../../core/ingest/import-paths';
import { silentLogger } from '../../core/logging/create-logger';
import { runFixturesGenerate } from '../../core/parsing/generator/write-fixtures';
import type { Caller } from '../../core/plugin-api';
import { queriesModule } from '../../core/queries/module';
import { replyText } from '../../core/testing/reply-text';
import { startTestApp } from '../support/test-app';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('cache: several instances kept coherent through Redis', function () {
  before(async function () {
    if (!(await reachable(REDIS_URL))) {
      console.log(`    (skipped: no Redis at ${REDIS_URL}; set REDIS_URL to run these)`);
      this.skip();
    }
  });

  it('an invalidation on one instance empties the other, and is not echoed back', async () => {
    const namespace = `etbot-test-${randomUUID()}`;
    const a = new QueryCache({ maxEntries: 10, ttlSeconds: 0 });
    const b = new QueryCache({ maxEntries: 10, ttlSeconds: 0 });
    const busA = await RedisInvalidation.connect(REDIS_URL, a, silentLogger(), namespace);
    const busB = await RedisInvalidation.connect(REDIS_URL, b, silentLogger(), namespace);
    const other = new QueryCache({ maxEntries: 10, ttlSeconds: 0 });
    const busOther = await RedisInvalidation.connect(REDIS_URL, other, silentLogger(), `${namespace}-other`);
    try {
      let peerCalls = 0;
      b.onPeerInvalidate(() => void peerCalls++);
      expect(await b.wrap('k', async () => 'old')).to.equal('old');
      expect(await other.wrap('k', async () => 'kept')).to.equal('kept');
      a.invalidate();
      await eventually(() => b.stats().invalidations === 1, 'B to hear of the invalidation');
      expect(await b.wrap('k', async () => 'new')).to.equal('new');
      expect(peerCalls).to.equal(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(a.stats().invalidations).to.equal(1);
      // Another namespace (another bot on the same Redis) is left alone.
      expect(await other.wrap('k', async () => 'changed')).to.equal('kept');
    } finally {
      await Promise.all([busA.close(), busB.close(), busOther.close()]);
    }
  });

  it("a round imported by one bot shows at once in the other bot's cached !top", async () => {
    // Three generated evenings; bot A imports the first two and caches !top kills, bot B (same
    // database, another process in real life) imports the third.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'etbot-redis-'));
    const all = path.join(dir, 'all');
    await runFixturesGenerate({ out: all, seed: 23, sessions: 3 });
    const truth = JSON.parse(readFileSync(path.join(all, 'truth.json'), 'utf8')) as {
      players: { name: string; kills: number }[];
      sessions: { start: string }[];
    };
    const lastSessionStart = truth.sessions[2]!.start.replace(/[-T:]/g, '').slice(0, 14);
    const early = path.join(dir, 'early');
    const late = path.join(dir, 'late');
    mkdirSync(early);
    mkdirSync(late);
    for (const f of readdirSync(all).filter((n) => n.endsWith('.txt'))) {
      const stamp = f.slice(0, 17).replace(/-/g, '');
      copyFileSync(path.join(all, f), path.join(stamp >= lastSessionStart ? late : early, f));
    }
    const best = [...truth.players].sort((x, y) => y.kills - x.kills)[0]!;

    const namespace = `etbot-test-${randomUUID()}`;
    const overrides = { database: { url: `sqlite:${path.join(dir, 'shared.sqlite')}` }, cache: { redisUrl: REDIS_URL, redisNamespace: namespace } };
    const plugins = [{ id: 'leaderboards', enabled: true, options: {} }];
    const modules = () => [databaseModule(), cacheModule(), queriesModule()];
    let a: App | undefined;
    let b: App | undefined;
    try {
      a = await startTestApp({ plugins, modules: modules(), overrides });
      b = await startTestApp({ plugins, modules: modules(), overrides });
      const caller: Caller = { id: 'console', name: 'console', roleIds: [], isAdmin: true };
      const top = async (app: App) => replyText((await app.runner.runLine('!top kills', { caller, transport: 'console' }))!);

      await importPaths(a.container.resolve<Importer>(DataServices.Importer.id), [early], { source: 'test' });
      const before = await top(a);
      expect(before).to.not.contain(`1. ${best.name} - ${best.kills} kills`);

      await importPaths(b.container.resolve<Importer>(DataServices.Importer.id), [late], { source: 'test' });
      await eventually(async () => (await top(a!)).includes(`1. ${best.name} - ${best.kills} kills`), "bot A's !top to show bot B's import");
    } finally {
      await b?.stop();
      await a?.stop();
    }
  });
});
