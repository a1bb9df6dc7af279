import { expect } from 'chai';
import { escapeName, kdRatio, perMinute, QueryServices, type Reply } from 'etbot/plugin-api';
import { createTestBot, forEachDatabase, loadFixtureTruth, type TestBot } from 'etbot/testing';
import { SESSION2_TEAM_A, writeLaterSessions } from './later-sessions';
import { readPngHeader } from './png';
import { summaryProbe } from './summary-probe';

function field(reply: Reply, name: string): string {
  const f = reply.embeds?.[0]?.fields?.find((x) => x.name === name || x.name.startsWith(`${name} `));
  if (!f) throw new Error(`no field '${name}' in ${JSON.stringify(reply.embeds?.[0]?.fields?.map((x) => x.name))}`);
  return f.value;
}

function line(reply: Reply, team: string, player: string): string {
  const found = field(reply, team)
    .split('\n')
    .find((l) => l.startsWith(`**${player}**`));
  if (!found) throw new Error(`no line for ${player} in ${team}`);
  return found;
}

forEachDatabase('!last_session views, the timeline, team names and head-to-head', (handle) => {
  const truth = loadFixtureTruth();
  const probe = summaryProbe();
  let bot: TestBot;
  const run = (text: string, options: { admin?: boolean; transport?: 'console' | 'discord' } = {}) => bot.run(text, { transport: 'console', ...options });

  before(async () => {
    bot = await createTestBot({ plugins: ['last-session', 'sessions', probe.definition], database: handle.url });
  });
  after(async () => bot?.stop());

  // All by hand from the files of session 2 (era 38): per-round fields (spec §3) taken as written
  // in R1 and R2, summed over the rounds with time played (after R2 - R1 of field 22).
  it('objectives: stolen, returned, dynamites planted and defused, constructions per player and team', async () => {
    const reply = await run('!last_session objectives');
    expect(reply.embeds![0]!.title).to.equal('Objectives · session #2 · 2025-11-09');
    // Question (434960FE): fields 15-18 and 36 over the 11 files: 0, 2, 5, 5, 26.
    expect(line(reply, 'Team A', 'Question')).to.equal('**Question** — 0 stolen · 2 returned · 5 dynamites planted · 5 defused · 26 constructions');
    // Team A (the seven of erdenberg R1's axis): 7 stolen, 5 returned, 5 planted, 5 defused, 26 built.
    expect(field(reply, 'Teams').split('\n')[0]).to.equal('**Team A** — 7 stolen · 5 returned · 5 dynamites planted · 5 defused · 26 constructions');
    expect(reply.embeds![0]!.footer).to.equal(undefined);
  });

  it('support: revives given and received; names what the files lack (session 1 has no field 37)', async () => {
    const reply = await run('!last_session support');
    // Doc "Holliday" field 37 sums to 34, field 19 (times revived) to 7; #clantag 43 given (truth: all his revives are in session 2).
    expect(line(reply, 'Team A', 'Doc "Holliday"')).to.equal('**Doc "Holliday"** — 34 revives given · 7 times revived (received)');
    expect(truth.players.find((p) => p.name === '#clantag')!.revivesGiven).to.equal(43);
    expect(line(reply, 'Team B', '#clantag')).to.equal('**#clantag** — 43 revives given · 8 times revived (received)');
    expect(reply.embeds![0]!.footer).to.equal('Ammo and health packs handed out are not in the stats files.');

    const first = await run('!last_session support 1');
    // Era 37: no revives given. ph4nt0m! (66CED760) was revived 13 times in session 1.
    expect(line(first, 'Team A', 'ph4nt0m!')).to.equal('**ph4nt0m!** — 13 times revived (received)');
    expect(first.embeds![0]!.footer).to.equal(
      "Not in this session's files: revives given (38-field scripts, 2025-10 on). Ammo and health packs handed out are not in the stats files.",
    );
  });

  it('sprees: best killing spree and worst death spree of a round, multikills, useful and useless kills', async () => {
    const reply = await run('!last_session sprees');
    // slasher: max field 10 = 15, max field 11 = 4, fields 29-33 give two double kills, 27: 48, 34: 14.
    expect(line(reply, 'Team A', 'slasher')).to.equal(
      '**slasher** — 15 best spree · 4 worst death spree · 2 multikills (2x2) · 48 useful kills · 14 useless kills',
    );
    // viper?: one double and one triple kill.
    expect(line(reply, 'Team B', 'viper?')).to.equal(
      '**viper?** — 7 best spree · 4 worst death spree · 2 multikills (1x2 1x3) · 32 useful kills · 2 useless kills',
    );
  });

  it('combat: kills, deaths, headshot kills, gibs, assists, steals, damage', async () => {
    const reply = await run('!last_session combat');
    // viper? played only session 2, so truth's totals are his: 49/36, 13 gibs, 23 assists, 27736/5426 damage;
    // from the files: 9 headshot kills (field 14), 6 steals (field 13).
    const viper = truth.players.find((p) => p.guid === '713D6612')!;
    expect([viper.kills, viper.deaths, viper.gibs, viper.killAssists, viper.damageGiven, viper.damageReceived]).to.deep.equal([49, 36, 13, 23, 27736, 5426]);
    expect(line(reply, 'Team B', 'viper?')).to.equal(
      '**viper?** — 49 kills · 36 deaths · 9 headshot kills · 13 gibs · 23 assists · 6 steals · 27736 damage given · 5426 received',
    );
  });

  it('time: time played, time dead and its share, playtime denied', async () => {
    const reply = await run('!last_session time');
    // Question: 5484 s played (1h 31m), 822 s dead (13m 42s), 822 / 5484 = 15.0 %, 412 s denied (6m 52s).
    expect(line(reply, 'Team A', 'Question')).to.equal('**Question** — 1h 31m played · 13m dead · 15.0% dead share · 6m playtime denied');
  });

  it('the same embed pages through the provided service, and escaped on Discord', async () => {
    const session = (await probe.summary.lastSession())!;
    expect(await probe.summary.statViewEmbed(session, 'combat', escapeName)).to.deep.equal(
      (await run('!last_session combat', { transport: 'discord' })).embeds![0],
    );
  });

  it("timeline: each player's DPM per round equals the rows; the image is 1400 x 900", async () => {
    const session = (await probe.summary.lastSession())!;
    const timeline = await probe.summary.timeline(session);
    // Session 2 has 11 rounds, all counted (no orphan).
    expect(timeline.rounds.map((r) => `${r.map} R${r.roundNumber}`).slice(0, 3)).to.deep.equal(['erdenberg_t2 R1', 'erdenberg_t2 R2', 'et_brewdog R1']);
    expect(timeline.rounds).to.have.length(11);
    // By hand: viper? in erdenberg_t2 R1 gave 3063 damage in 10.0 minutes: 306.3 DPM.
    const viper = timeline.players.find((p) => p.guid === '713D6612')!;
    expect(viper.dpm[0]).to.equal(306.3);
    expect(viper.form[10]).to.equal(303.13);
    // The bot (OMNIBOT GUID) is left out of session lists by default, so of the timeline too.
    const rows = (await probe.services.get(QueryServices.PlayerRounds).ofRounds(timeline.rounds.map((r) => r.roundId))).filter(
      (r) => !r.guid.startsWith('OMNIBOT0'),
    );
    expect(timeline.players.map((p) => p.guid)).to.not.include('OMNIBOT0[BOT]Bolt');
    for (const row of rows) {
      const p = timeline.players.find((x) => x.guid === row.guid)!;
      const i = timeline.rounds.findIndex((r) => r.roundId === row.roundId);
      expect(p.dpm[i], `${row.guid} round ${row.roundId}`).to.equal(perMinute(row.damageGiven, row.timePlayedSeconds));
      expect(p.kd[i]).to.equal(kdRatio(row.kills, row.deaths));
    }
    const reply = await run('!last_session timeline');
    expect(readPngHeader(reply.files![0]!.data)).to.deep.equal({ width: 1400, height: 900 });
    const graphs = await run('!last_session graphs');
    expect(graphs.files!.map((f) => f.name)).to.deep.equal(['last-session.png', 'last-session-timeline.png']);
  });

  describe('with two later evenings of the same teams', () => {
    before(async () => {
      // Session 3: sub.way and ^caret of team A replaced (5 of 7 stay: 71 %);
      // session 4: also Question, ph4nt0m! and Doc replaced (4 of session 3's 7 stay: 57 %). Team B never changes.
      const [s1, s2, s3, s4, s5] = ['AAAA0001', 'AAAA0002', 'AAAA0003', 'AAAA0004', 'AAAA0005'];
      expect(SESSION2_TEAM_A).to.include.members(['12FDAAA7', 'B3539E31', '434960FE', '66CED760', 'FC2A053D']);
      await bot.importFile(
        writeLaterSessions([
          { days: 3, replace: { '12FDAAA7': s1!, B3539E31: s2! } },
          { days: 5, replace: { '12FDAAA7': s1!, B3539E31: s2!, '434960FE': s3!, '66CED760': s4!, FC2A053D: s5! } },
        ]),
      );
      expect((await run('!teamname 2 A Wolves', { admin: true })).text).to.equal('Team A of session #2 is now called Wolves. See !teams 2.');
      await run('!teamname 2 B Foxes', { admin: true });
    });

    it('!teamname is for admins', async () => {
      const reply = await run('!teamname 2 A Sheep');
      expect(reply.isError).to.equal(true);
      expect(field(await run('!teams 2'), 'Team A')).to.include('named in this session');
      expect((await run('!teams 2')).embeds![0]!.fields![0]!.name).to.equal('Team A · Wolves');
    });

    it('a team keeps its name while the share of players in common reaches 60 %, not below', async () => {
      const third = await run('!teams 3');
      expect(third.embeds![0]!.fields!.map((f) => f.name)).to.deep.equal(['Team A · Wolves', 'Team B · Foxes']);
      expect(field(third, 'Team A')).to.include('_kept from session #2 (71% same players)_');
      expect(field(third, 'Team A')).to.include('newcomer AAAA');
      expect(field(third, 'Team B')).to.include('_kept from session #2 (100% same players)_');
      const fourth = await run('!teams 4');
      expect(fourth.embeds![0]!.fields!.map((f) => f.name)).to.deep.equal(['Team A', 'Team B · Foxes']);
      expect(field(fourth, 'Team B')).to.include('_kept from session #3 (100% same players)_');
      // The views name the teams too.
      expect((await run('!last_session combat 3')).embeds![0]!.fields![0]!.name).to.equal('Team A · Wolves');
    });

    it('!h2h of two teams: sessions and maps won, lost and drawn, map by map, the last meetings', async () => {
      // Wolves met Foxes in sessions 2 and 3 (in 4 team A has no name). Each time, from the map scores
      // of the headers: Wolves won erdenberg_t2 and te_escape2 2-0, lost et_brewdog, etl_adlernest and
      // sw_goldrush_te 0-2 (supply had no R2): 2-3 in maps, a lost session.
      const reply = await run('!h2h Wolves vs Foxes');
      expect(reply.embeds![0]!.title).to.equal('Wolves vs Foxes');
      expect(field(reply, 'Sessions')).to.equal('0 won · 2 lost · 0 drawn');
      expect(field(reply, 'Maps')).to.equal('4 won · 6 lost · 0 drawn');
      expect(field(reply, 'Map by map').split('\n')).to.deep.equal([
        '**erdenberg_t2** — 2 won · 0 lost · 0 drawn',
        '**et_brewdog** — 0 won · 2 lost · 0 drawn',
        '**etl_adlernest** — 0 won · 2 lost · 0 drawn',
        '**sw_goldrush_te** — 0 won · 2 lost · 0 drawn',
        '**te_escape2** — 2 won · 0 lost · 0 drawn',
      ]);
      expect(field(reply, 'Last five meetings').split('\n')).to.deep.equal(['#3 · 2025-11-12 — 2-3 in maps', '#2 · 2025-11-09 — 2-3 in maps']);
      const provided = (await probe.summary.teamHeadToHead('foxes', 'wolves'))!;
      expect(provided.maps).to.deep.equal({ won: 6, lost: 4, drawn: 0 });
    });

    it('!h2h of two players: opposite sides and the same side', async () => {
      // slasher (team A) and viper? (team B) faced each other in sessions 2, 3 and 4: 3 x (2 won, 3 lost) maps.
      const against = await run('!h2h slasher viper?');
      expect(field(against, 'Sessions')).to.equal('0 won · 3 lost · 0 drawn');
      expect(field(against, 'Maps')).to.equal('6 won · 9 lost · 0 drawn');
      expect(field(against, 'Same side')).to.equal('0 won · 0 lost · 0 drawn');
      // slasher and Snake were together in all 15 scored maps of sessions 2-4 (6 won, 9 lost) and in
      // session 1 (headers, defenderteam 1, both on side 2 in every R2): supply R2 winner 2 = R2's attackers
      // (them) win 2-0; etl_adlernest both held, 1-1; te_escape2 R2 winner 2, theirs 2-0; sw_goldrush_te
      // R2 winner 0: no score. Together: 8 won, 9 lost, 1 drawn.
      const together = await run('!h2h slasher vs Snake');
      expect(field(together, 'Maps')).to.equal('0 won · 0 lost · 0 drawn');
      expect(field(together, 'Same side')).to.equal('8 won · 9 lost · 1 drawn');
    });
  });
});

describe('!last_session views on an empty database', () => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ plugins: ['last-session'], fixtures: false });
  });
  after(async () => bot?.stop());

  it('answer "No rounds imported yet."', async () => {
    for (const line of ['!last_session combat', '!last_session timeline', '!teams', '!h2h a b']) {
      expect((await bot.run(line)).text, line).to.equal('No rounds imported yet.');
    }
  });
});
