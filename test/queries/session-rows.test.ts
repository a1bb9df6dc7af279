import { expect } from 'chai';
import type { SessionRowsService } from '../../core/queries/session-rows';
import { QueryServices } from '../../core/queries/tokens';
import { loadFixtureTruth } from '../../core/testing';
import { forEachDatabase } from '../support/databases';
import { createFixtureBot, type FixtureBot } from '../support/fixture-bot';

const truth = loadFixtureTruth();

forEachDatabase('QueryServices.SessionRows on the fixtures', (database) => {
  let bot: FixtureBot;
  let rows: SessionRowsService;

  before(async () => {
    bot = await createFixtureBot({ database, plugins: [] });
    rows = bot.app.container.resolve(QueryServices.SessionRows.id);
  });
  after(async () => bot?.stop());

  it('finds sessions by recency, number and date', async () => {
    const last = await rows.lastSessionId();
    const first = await rows.sessionIdByNumber(1);
    expect(last).to.be.a('number');
    expect(await rows.sessionIdByIndex(1)).to.equal(last);
    expect(await rows.sessionIdByIndex(2)).to.equal(first);
    expect(await rows.sessionIdByIndex(3)).to.equal(null);
    expect(await rows.sessionIdByNumber(2)).to.equal(last);
    expect(await rows.sessionIdsOnDate('2025-11-07')).to.deep.equal([first]);
    expect(await rows.sessionIdsOnDate('2025-11-08')).to.deep.equal([]);
    expect(() => rows.sessionIdByIndex(0)).to.throw(RangeError);
    expect(() => rows.sessionIdsOnDate('07.11.2025')).to.throw(RangeError);
  });

  it("gives a session's rows, numbers as numbers on both engines", async () => {
    const id = (await rows.sessionIdByNumber(2))!;
    const session = (await rows.session(id))!;
    const t = truth.sessions.find((s) => s.index === 2)!;
    expect(session.session).to.deep.include({ id, number: 2, startLocal: t.start, endLocal: t.end, roundCount: t.rounds, mapCount: t.maps });
    const files = truth.rounds
      .filter((r) => r.session === 2)
      .map((r) => r.file)
      .sort();
    expect(session.rounds.map((r) => r.fileName)).to.deep.equal(files);
    expect(session.rounds.every((r) => r.sessionId === id)).to.equal(true);
    for (const p of session.players) {
      for (const key of ['roundId', 'side', 'kills', 'deaths', 'damageGiven', 'timePlayedSeconds', 'objectives'] as const)
        expect(p[key], key).to.be.a('number');
      expect(p.inTotals).to.be.a('boolean');
    }
    const counted = session.players.filter((p) => p.inTotals).reduce((s, p) => s + p.kills, 0);
    expect(session.weaponKills.reduce((s, w) => s + w.kills, 0)).to.equal(counted);
    expect(session.weaponKills.every((w) => typeof w.kills === 'number' && w.weaponName.length > 0)).to.equal(true);
    expect(session.weaponKills.map((w) => w.weaponName)).to.include('MP40');
    expect(new Set(session.teamMembers.map((m) => m.team))).to.deep.equal(new Set(['A', 'B']));
    expect(await rows.session(999_999)).to.equal(null);
  });

  it("gives a round's rows with its pair and the session's teams", async () => {
    const id = (await rows.lastRoundId())!;
    const round = (await rows.round(id))!;
    expect(round.round).to.include({ fileName: '2025-11-10-004911-sw_goldrush_te-round-2.txt', roundNumber: 2, orphan: false });
    expect(round.partner).to.include({ map: 'sw_goldrush_te', roundNumber: 1, pairedRoundId: id });
    expect(round.round.scoreR1Attackers).to.be.a('number');
    expect(new Set(round.players.map((p) => p.roundId))).to.deep.equal(new Set([id, round.partner!.id]));
    expect(round.teamMembers.length).to.be.greaterThan(0);
    expect(round.round.contentHash).to.match(/^[0-9a-f]{16,}$/);
    expect(await rows.round(999_999)).to.equal(null);
  });
});
