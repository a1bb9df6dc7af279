import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { exportPlayers, exportSessions } from '../../core/export';
import type { SessionReport } from '../../plugins/last-session/summary/types';
import { readPngHeader } from '../charts/png-inspect';
import { forEachDatabase } from '../support/databases';
import { startSummaryBot, type SummaryBot } from './fixture-app';

const REAL = process.env.ETBOT_REAL_STATS ?? '/work/shared/real-stats';

/**
 * Every session of the real files (shared/real-stats) summarised, and checked against the export,
 * which computes sessions and player totals by its own code path: sessions must match one to one,
 * and each player's session numbers must add up to their all-time totals.
 */
forEachDatabase('session summaries of the real files', (handle) => {
  let bot: SummaryBot;
  const reports: SessionReport[] = [];

  before(async function () {
    if (!fs.existsSync(REAL)) {
      console.log(`      notice: ${REAL} does not exist here; skipping the real-file session summaries`);
      this.skip();
    }
    bot = await startSummaryBot(handle);
    for (const name of fs
      .readdirSync(REAL)
      .filter((n) => n.endsWith('.txt'))
      .sort()) {
      await bot.importer.importFile(path.join(REAL, name), { source: 'real' });
    }
    for (let n = 1; ; n++) {
      const report = await bot.summary.byNumber(n);
      if (!report) break;
      reports.push(report);
    }
  });
  after(async () => bot?.stop());

  it('has one summary per exported session, with the same start, end, rounds and maps', async () => {
    const sessions = await exportSessions(bot.db);
    expect(sessions.length).to.be.greaterThan(10);
    expect(reports.map((r) => ({ start: r.start, end: r.end, rounds: r.roundCount, maps: r.mapCount }))).to.deep.equal(
      sessions.map((s) => ({ start: s.start, end: s.end, rounds: s.rounds, maps: s.maps })),
    );
  });

  it("adds each player's session numbers up to their all-time totals", async () => {
    const sums = new Map<string, { rounds: number; kills: number; deaths: number; damageGiven: number; timePlayedSeconds: number; gibs: number; xp: number }>();
    for (const r of reports) {
      for (const p of r.players) {
        const s = sums.get(p.guid) ?? { rounds: 0, kills: 0, deaths: 0, damageGiven: 0, timePlayedSeconds: 0, gibs: 0, xp: 0 };
        s.rounds += p.rounds;
        s.kills += p.kills;
        s.deaths += p.deaths;
        s.damageGiven += p.damageGiven;
        s.timePlayedSeconds += p.timePlayedSeconds;
        s.gibs += p.gibs;
        s.xp += p.xp;
        sums.set(p.guid, s);
      }
    }
    const players = await exportPlayers(bot.db);
    expect(sums.size).to.equal(players.length);
    for (const p of players) {
      const { rounds, kills, deaths, damageGiven, timePlayedSeconds, gibs, xp } = p;
      expect(sums.get(p.guid), p.guid).to.deep.equal({ rounds, kills, deaths, damageGiven, timePlayedSeconds, gibs, xp });
    }
  });

  it('scores every complete map 2-0 or 1-1 and accounts for every map in the session score', () => {
    for (const r of reports) {
      const complete = r.maps.filter((m) => m.incomplete === null);
      expect(complete.length, `session ${r.number}`).to.equal(r.mapCount);
      for (const m of complete) {
        if (m.score) expect([m.score.A + m.score.B, Math.abs(m.score.A - m.score.B) % 2], `${r.number} ${m.map}`).to.deep.equal([2, 0]);
      }
      expect(r.score.A + r.score.B + r.score.draws + r.score.unknown).to.equal(r.mapCount);
      expect(r.weapons.reduce((s, w) => s + w.kills, 0)).to.equal(r.players.reduce((s, p) => s + p.kills, 0));
    }
  });

  it('renders the six graphs of the last real session', async () => {
    const last = (await bot.summary.last())!;
    const png = (await bot.summary.renderImage(last.sessionId))!;
    expect(readPngHeader(png)).to.deep.equal({ width: 1800, height: 1500 });
    const reply = await bot.app.runner.runLine('!last_session', { caller: { id: '1', name: 't', roleIds: [], isAdmin: false }, transport: 'discord' });
    const embed = reply!.embeds![0]!;
    expect(embed.fields!.every((f) => f.value.length <= 1024)).to.equal(true);
    const size =
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.footer ?? '').length +
      embed.fields!.reduce((s, f) => s + f.name.length + f.value.length, 0);
    expect(size).to.be.at.most(6000);
  });
});
