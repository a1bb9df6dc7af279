import { expect } from 'chai';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestBot, replyText, type TestBot } from 'etbot/testing';

const ADMIN = '100000000000000001';
const asAdmin = { as: ADMIN, name: 'an admin', admin: true };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** True when something else can listen on the port (nobody holds it). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('web: disabled and enabled while the bot runs; rate limit; base path', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let port: number;
  let base: string;

  before(async () => {
    port = await freePort();
    base = `http://127.0.0.1:${port}/etbot`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-web-plugins-'));
    const pluginsFile = path.join(dir, 'plugins.json');
    const web = { id: 'web', enabled: true, options: { port, basePath: '/etbot', rateLimitPerMinute: 9, minRounds: { kd: 15 } } };
    const leaderboards = { id: 'leaderboards', enabled: true, options: { minRounds: { kd: 15 } } };
    fs.writeFileSync(pluginsFile, JSON.stringify({ plugins: [{ id: 'admin' }, leaderboards, web] }, null, 2));
    bot = await createTestBot({ pluginsFile, config: { discord: { adminUserIds: [ADMIN] } } });
  });
  after(async () => bot?.stop());

  it('serves under the base path, with links that keep it', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).to.equal(200);
    const body = await res.text();
    expect(body).to.include('href="/etbot/leaderboards"').and.include('src="/etbot/static/app.js"');
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).to.equal(404);
  });

  it('releases the port when disabled and takes it again when enabled', async () => {
    expect(await portIsFree(port)).to.equal(false);
    expect(replyText(await bot.run('!plugin disable web', asAdmin))).to.match(/web/);
    expect(await portIsFree(port)).to.equal(true);
    let refused = false;
    await fetch(`${base}/`).catch(() => (refused = true));
    expect(refused).to.equal(true);
    expect(replyText(await bot.run('!plugin enable web', asAdmin))).to.match(/enabled/);
    expect((await fetch(`${base}/api/v1/leaderboards`)).status).to.equal(200);
  });

  it('takes the minimum rounds per stat the leaderboards plugin is given, and agrees with !top', async () => {
    const res = await fetch(`${base}/api/v1/leaderboards/kd?pageSize=100`);
    const board = (await res.json()) as { minRounds: number; entries: { rank: number; name: string; display: string; rounds: number }[] };
    expect(board.minRounds).to.equal(15);
    expect(board.entries.every((e) => e.rounds >= 15)).to.equal(true);
    const top = await bot.text('!top kd');
    for (const e of board.entries.slice(0, 10)) expect(top).to.include(`${e.rank}. ${e.name} - ${e.display}`);
  });

  it('refuses every method that could change something', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await fetch(`${base}/api/v1/leaderboards/kills`, { method, body: method === 'DELETE' ? undefined : '{}' });
      expect(res.status, method).to.equal(404);
    }
  });

  it('answers 429 with the reason once a client passes its requests per minute', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 10; i++) last = await fetch(`${base}/api/v1/leaderboards/kills`);
    expect(last!.status).to.equal(429);
    expect(((await last!.json()) as { error: string }).error).to.match(/too many requests: at most 9 a minute/);
  });
});
