import { expect } from 'chai';
import { BotRule } from '../../core/queries/bots';
import type { LeaderboardService } from '../../core/queries/leaderboards';
import type { MatchResultsService } from '../../core/queries/match-results';
import type { SessionRowsService } from '../../core/queries/session-rows';
import type { SessionService } from '../../core/queries/sessions';
import { QueryServices } from '../../core/queries/tokens';
import { num } from '../../core/data/sql';
import { createFixtureBot, type FixtureBot } from '../support/fixture-bot';

const BOT = 'OMNIBOT0[BOT]Bolt';
const ROOKIE = 'B0B0BEAF';

describe('the bot rule (QueryServices.Bots)', () => {
  it('knows Omni-bots by GUID and bots by a name matching the pattern, case-insensitive', () => {
    const rule = new BotRule();
    expect(rule.isBot({ guid: BOT, name: 'renamed' })).to.equal(true);
    expect(rule.isBot({ guid: 'ABCDEF12', name: '[bot]Sparky' })).to.equal(true);
    expect(rule.isBot({ guid: 'ABCDEF12', name: 'Sparky', otherNames: ['[BOT]Sparky'] })).to.equal(true);
    expect(rule.isBot({ guid: 'ABCDEF12', name: 'Sparky [BOT]' })).to.equal(false);
    expect(rule.leftOut({ guid: BOT, name: '[BOT]Bolt' })).to.equal(true);
  });

  it('leaves nobody out with includeBots, and takes another pattern', () => {
    const including = new BotRule({ includeBots: true, botNamePattern: '^\\[BOT\\]' });
    expect(including.isBot({ guid: BOT, name: '[BOT]Bolt' })).to.equal(true);
    expect(including.leftOut({ guid: BOT, name: '[BOT]Bolt' })).to.equal(false);
    const custom = new BotRule({ includeBots: false, botNamePattern: '^cpu-' });
    expect(custom.leftOut({ guid: 'ABCDEF12', name: 'CPU-7' })).to.equal(true);
    expect(custom.leftOut({ guid: 'ABCDEF12', name: '[BOT]Sparky' })).to.equal(false);
  });
});

// Hand-worked from the fixture files (and truth.json): [BOT]Bolt (OMNIBOT0[BOT]Bolt) played every
// round of both evenings on the allies side of each first R1, so team B: 60 kills all time, between
// ph4nt0m! (65) and ^caret (55); session 2 (2025-11-09): 38 kills, 68 deaths; 14 players with time
// in session 2 and 15 in session 1, the bot among them.
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`bots in the core queries [${kind}]`, function () {
    this.timeout(120_000);

    describe('with the default setting (bots left out)', () => {
      let bot: FixtureBot;
      before(async () => {
        bot = await createFixtureBot({ database: kind, plugins: [] });
      });
      after(async () => bot?.stop());
      const get = <T>(token: { id: symbol }) => bot.app.container.resolve<T>(token.id);

      it('keeps the bot off every leaderboard and out of the ranks', async () => {
        const boards = get<LeaderboardService>(QueryServices.Leaderboards);
        const kills = await boards.board('kills');
        expect(kills.entries.map((e) => e.player.guid)).to.not.include(BOT);
        const after = kills.entries.find((e) => e.player.name === '^caret')!;
        expect([after.rank, after.value]).to.deep.equal([11, 55]);
        expect((await boards.allTotals()).map((r) => r.player.guid)).to.not.include(BOT);
        expect((await boards.everyPlayersTotals()).map((r) => r.player.guid)).to.include(BOT);
      });

      it('keeps the bot out of session lists, counts and teams', async () => {
        const sessions = get<SessionService>(QueryServices.Sessions);
        const [second] = await sessions.onDate('2025-11-09');
        expect(second!.playerCount).to.equal(13);
        const detail = (await sessions.detail(second!.id))!;
        expect(detail.players.map((p) => p.player.guid)).to.not.include(BOT);
        expect(detail.players).to.have.length(13);
        const rows = (await get<SessionRowsService>(QueryServices.SessionRows).session(second!.id))!;
        expect(rows.players.map((p) => p.guid)).to.not.include(BOT);
        expect(rows.teamMembers.map((p) => p.guid)).to.not.include(BOT);
        expect(rows.weaponKills.map((p) => p.guid)).to.not.include(BOT);
        // Persistent-team detection skipped the bot: no stored team for it.
        const stored = await bot.db.read((sql) => sql.all('SELECT COUNT(*) AS n FROM session_team_members WHERE guid = ?', [BOT]));
        expect(num(stored[0]!.n)).to.equal(0);
      });

      it('flags the bot for the rating', async () => {
        const players = await get<MatchResultsService>(QueryServices.MatchResults).players([BOT, ROOKIE]);
        expect(players.map((p) => [p.guid, p.isBot]).sort()).to.deep.equal([
          [ROOKIE, false],
          [BOT, true],
        ]);
      });
    });

    describe('with players.includeBots', () => {
      let bot: FixtureBot;
      before(async () => {
        bot = await createFixtureBot({ database: kind, plugins: [], overrides: { players: { includeBots: true } } });
      });
      after(async () => bot?.stop());
      const get = <T>(token: { id: symbol }) => bot.app.container.resolve<T>(token.id);

      it('ranks the bot like anybody', async () => {
        const kills = await get<LeaderboardService>(QueryServices.Leaderboards).board('kills');
        const entry = kills.entries.find((e) => e.player.guid === BOT)!;
        expect([entry.rank, entry.value]).to.deep.equal([11, 60]);
      });

      it('lists and counts the bot in its sessions, on team B', async () => {
        const sessions = get<SessionService>(QueryServices.Sessions);
        const [first] = await sessions.onDate('2025-11-07');
        const [second] = await sessions.onDate('2025-11-09');
        expect([first!.playerCount, second!.playerCount]).to.deep.equal([15, 14]);
        const player = (await sessions.detail(second!.id))!.players.find((p) => p.player.guid === BOT)!;
        expect([player.team, player.kills, player.deaths]).to.deep.equal(['B', 38, 68]);
        const rows = (await get<SessionRowsService>(QueryServices.SessionRows).session(second!.id))!;
        expect(rows.teamMembers.find((m) => m.guid === BOT)?.team).to.equal('B');
      });
    });

    describe('with another name pattern', () => {
      let bot: FixtureBot;
      before(async () => {
        bot = await createFixtureBot({ database: kind, plugins: [], overrides: { players: { botNamePattern: '^rookie$' } } });
      });
      after(async () => bot?.stop());

      it('treats a matching name as a bot everywhere, and the Omni-bot still', async () => {
        const kills = await bot.app.container.resolve<LeaderboardService>(QueryServices.Leaderboards.id).board('kills');
        const ranked = kills.entries.map((e) => e.player.guid);
        expect(ranked).to.not.include(ROOKIE);
        expect(ranked).to.not.include(BOT);
        const players = await bot.app.container.resolve<MatchResultsService>(QueryServices.MatchResults.id).players([ROOKIE]);
        expect(players[0]!.isBot).to.equal(true);
      });
    });
  });
}
