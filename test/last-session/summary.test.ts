import { expect } from 'chai';
import { pixelStats, readPngHeader } from '../charts/png-inspect';
import { forEachDatabase } from '../support/databases';
import { fixtureFiles, readTruth, startSummaryBot, type SummaryBot } from './fixture-app';

// The summary's own numbers, which no command shows whole (the command replies are tested in
// plugins/last-session/test): reads by date, index and number, weapon totals, the image's pixels.
forEachDatabase("the last-session plugin's session summary", (handle) => {
  const truth = readTruth();
  let bot: SummaryBot;

  before(async () => {
    bot = await startSummaryBot(handle);
    await bot.importFiles(fixtureFiles());
  });
  after(async () => bot?.stop());

  it('counts only counted rows of valid rounds: the orphan R2 adds nothing (session 1 by date)', async () => {
    const report = (await bot.summary.byDate('2025-11-07'))!;
    const session = truth.sessions.find((s) => s.index === 1)!;
    expect([report.start, report.end, report.roundCount, report.mapCount]).to.deep.equal([session.start, session.end, session.rounds, session.maps]);
    // O'Neil! (F3C8940A) and `two  spaces x` (67D6A455) played only session 1: their truth totals are
    // their session numbers. By hand: O'Neil! K/D = 26 / 42 = 0.619 -> 0.62, DPM = 13785 x 60 / 4056
    // = 827100 / 4056 = 203.92; two  spaces x K/D = 26 / 10 = 2.6, DPM = 5887 x 60 / 1596 = 221.32.
    for (const guid of ['F3C8940A', '67D6A455']) {
      const t = truth.players.find((p) => p.guid === guid)!;
      const p = report.players.find((x) => x.guid === guid)!;
      expect({
        name: p.name,
        rounds: p.rounds,
        kills: p.kills,
        deaths: p.deaths,
        kd: p.kd,
        dpm: p.dpm,
        accuracy: p.accuracy,
        damageGiven: p.damageGiven,
        timePlayedSeconds: p.timePlayedSeconds,
        revivesGiven: p.revivesGiven,
      }).to.deep.equal({
        name: t.name,
        rounds: t.rounds,
        kills: t.kills,
        deaths: t.deaths,
        kd: t.kd,
        dpm: t.dpm,
        accuracy: t.accuracy,
        damageGiven: t.damageGiven,
        timePlayedSeconds: t.timePlayedSeconds,
        revivesGiven: t.revivesGiven,
      });
    }
    expect(report.players.find((p) => p.guid === 'F3C8940A')!.kd).to.equal(0.62);
    expect(report.players.find((p) => p.guid === '67D6A455')!.dpm).to.equal(221.32);
    // 4 paired maps + the orphan, listed but flagged and without a score.
    expect(report.maps.map((m) => [m.map, m.incomplete])).to.deep.equal([
      ['supply', null],
      ['etl_adlernest', null],
      ['te_escape2', null],
      ['sw_goldrush_te', null],
      ['etl_sp_delivery', 'orphan'],
    ]);
    // adlernest is a double fullhold (1-1); goldrush R2's winner is unknown (score null).
    expect(report.score).to.deep.equal({ A: report.score.A, B: report.score.B, draws: 1, unknown: 1 });
    expect(report.score.A + report.score.B).to.equal(2);
    expect(await bot.summary.byDate('2025-11-08')).to.equal(null);
    expect((await bot.summary.byIndex(2))!.sessionId).to.equal(report.sessionId);
    expect((await bot.summary.byNumber(1))!.sessionId).to.equal(report.sessionId);
    expect((await bot.summary.byIndex(1))!.date).to.equal('2025-11-09');
  });

  it("lists kills by weapon with the names players know, adding up to the players' kills", async () => {
    const report = (await bot.summary.last())!;
    const total = report.weapons.reduce((s, w) => s + w.kills, 0);
    const kills = report.players.reduce((s, p) => s + p.kills, 0);
    expect(total).to.equal(kills);
    expect(report.weapons.map((w) => w.name)).to.include.members(['MP40', 'Thompson', 'Grenade']);
  });

  it('draws six graphs that are not blank', async () => {
    const png = (await bot.summary.renderImage((await bot.summary.last())!.sessionId))!;
    expect(readPngHeader(png)).to.deep.equal({ width: 1800, height: 1500 });
    const stats = await pixelStats(png);
    expect(stats.variance).to.be.greaterThan(100);
    expect(stats.distinctColours).to.be.greaterThan(50);
  });
});
