import { expect } from 'chai';
import { ChartServices, escapeName, QueryServices, type Reply } from 'etbot/plugin-api';
import { createTestBot, FIXTURES_DIR, forEachDatabase, loadFixtureTruth, type TestBot } from 'etbot/testing';
import { readPngHeader } from './png';
import { summaryProbe } from './summary-probe';

function field(reply: Reply, name: string): string {
  const f = reply.embeds?.[0]?.fields?.find((x) => x.name.startsWith(name));
  if (!f) throw new Error(`no field '${name}' in ${JSON.stringify(reply.embeds?.[0]?.fields?.map((x) => x.name))}`);
  return f.value;
}

forEachDatabase('!last_session and !last_round', (handle) => {
  const truth = loadFixtureTruth();
  const probe = summaryProbe();
  let bot: TestBot;
  const run = (line: string, transport: 'discord' | 'console' = 'discord') => bot.run(line, { transport });

  before(async () => {
    bot = await createTestBot({ plugins: ['last-session', 'sessions', probe.definition], database: handle.url, fixtures: false });
  });
  after(async () => bot?.stop());

  it('answers "No rounds imported yet." on an empty database', async () => {
    for (const line of ['!last_session', '!last', '!ls maps', '!last_session graphs', '!last_round']) {
      expect((await run(line)).text, line).to.equal('No rounds imported yet.');
    }
    expect(await probe.summary.lastSession()).to.equal(null);
    expect(await probe.summary.lastRound()).to.equal(null);
  });

  describe('with the fixtures imported', () => {
    before(async () => bot.importFile(FIXTURES_DIR));

    it('shows the most recent session with its date, times, maps, rounds and the image it references', async () => {
      const session = truth.sessions.find((s) => s.index === 2)!;
      const reply = await run('!last_session');
      const embed = reply.embeds![0]!;
      expect(embed.title).to.equal('Last session · 2025-11-09');
      // truth: 2025-11-09T23:01:43 .. 2025-11-10T00:49:11 = 1 h 47 min 28 s
      expect(embed.description).to.include(`**2025-11-09** ${session.start.slice(11, 16)}–${session.end.slice(11, 16)} (1h 47m)`);
      // Six maps listed: five paired, supply left after R1 (23:55, no R2): the header adds up to them.
      expect(embed.description).to.include(`${session.maps} maps played to the end, 1 left after R1, ${session.rounds} rounds`);
      expect(reply.files).to.have.length(1);
      expect(embed.image).to.equal(reply.files![0]!.name);
      expect(reply.files![0]!.name).to.match(/\.png$/);
    });

    it("shows each player's session numbers as the generator's truth has them", async () => {
      const reply = await run('!last_session');
      const lines = [...field(reply, 'Team A').split('\n'), ...field(reply, 'Team B').split('\n')];
      // 14 players had time in every round of session 2 (truth.rounds[*].players); the bot [BOT]Bolt is left out by default.
      expect(lines).to.have.length(13);
      // viper? (713D6612) played only session 2, so his truth totals are his session numbers.
      // By hand from truth: K/D = 49 / 36 = 1.3611 -> 1.36; DPM = 27736 x 60 / 5490 s
      // = 1664160 / 5490 = 303.13 (shown rounded: 303); accuracy 37.88% -> 37.9%; revives given 0.
      const viper = truth.players.find((p) => p.guid === '713D6612')!;
      expect([viper.kills, viper.deaths, viper.kd, viper.dpm, viper.accuracy]).to.deep.equal([49, 36, 1.36, 303.13, 37.88]);
      expect(lines).to.include('**viper?** — 1.36 K/D (49/36) · 303 DPM · 37.9% acc · 0 rev');
      // The top view shows DPM with its two decimals.
      const top = await run('!last_session top');
      expect(field(top, 'Accuracy')).to.include('viper? 37.88%');
    });

    it('gives the map outcomes, the stopwatch scores and the session score worked out from the files', async () => {
      // By hand from the headers (defenderteam, winnerteam, times) and the sides of the players
      // of erdenberg_t2 R1 (axis = team A: 12FDAAA7 39137DDE 434960FE 66CED760 B3539E31 B5F6FD48 FC2A053D):
      //   erdenberg_t2: R1 B attacks, winner 1 = defender: held; R2 A attacks, winner 2: beat 10:00 -> A 2-0
      //   et_brewdog (defender 2): R1 B attacks, winner 1: set 4:13; R2 A attacks, winner 2 = defender: held -> B 2-0
      //   te_escape2: R1 B sets 10:28; R2 A beats it -> A 2-0
      //   supply: R1 only (A set 7:53): no map score
      //   etl_adlernest: R1 B sets 9:20; R2 A held by B -> B 2-0
      //   sw_goldrush_te: R1 A attacks, held (fullhold 12:00); R2 B attacks and beats 12:00 -> B 2-0
      const reply = await run('!last_session maps', 'console');
      const blocks = reply.embeds![0]!.description!.split('\n');
      expect(blocks).to.deep.equal([
        '**1. erdenberg_t2** (23:11) — **Team A wins 2-0**',
        'R1: Team A held (fullhold 10:00) · R2: Team A beat 10:00',
        '**2. et_brewdog** (23:25) — **Team B wins 2-0**',
        'R1: Team B set 4:13 · R2: Team B held 4:13',
        '**3. te_escape2** (23:45) — **Team A wins 2-0**',
        'R1: Team B set 10:28 · R2: Team A beat 10:28',
        '**4. supply** (23:55) — **no R2 (map left)**',
        'R1: Team A set 7:53',
        '**5. etl_adlernest** (00:20) — **Team B wins 2-0**',
        'R1: Team B set 9:20 · R2: Team B held 9:20',
        '**6. sw_goldrush_te** (00:49) — **Team B wins 2-0**',
        'R1: Team B held (fullhold 12:00) · R2: Team B beat 12:00',
      ]);
      expect(field(reply, 'Score')).to.equal('Team A 2 – 3 Team B');
      const overview = await run('!last_session');
      expect(overview.embeds![0]!.description).to.include('**Team A 2 – 3 Team B**');
      expect(field(overview, 'Team A')).to.include('**slasher**');
      expect(field(overview, 'Team B')).to.include('**viper?**');
    });

    it('escapes names and maps for Discord markdown, and not on the console', async () => {
      const discord = await run('!last_session maps', 'discord');
      expect(discord.embeds![0]!.description).to.include('**1. erdenberg\\_t2**');
      const round = await run('!last_round', 'discord');
      expect(round.embeds![0]!.title).to.equal('sw\\_goldrush\\_te · round 2');
      expect((await run('!last_round', 'console')).embeds![0]!.title).to.equal('sw_goldrush_te · round 2');
    });

    it('!last_round shows the latest round: map, outcome, top three fraggers, MVP and the map result', async () => {
      // By hand from sw_goldrush_te R1 (003633) and R2 (004911), R2 minus R1 of the weapon kills/deaths
      // and damage: Doc "Holliday" 20-10 = 10 kills, 5 deaths, 2423 damage; sub.way 17-8 = 9, 7, 3643;
      // slasher 20-12 = 8, 0, 2548 (next: Rookie with 7).
      const reply = await run('!last_round', 'console');
      const embed = reply.embeds![0]!;
      expect(embed.title).to.equal('sw_goldrush_te · round 2');
      expect(embed.description).to.equal('Team B beat 12:00 · ended 2025-11-10 00:49');
      expect(field(reply, 'Top fraggers')).to.equal(
        [
          '1. **Doc "Holliday"** — 10 kills, 5 deaths, 2423 damage',
          '2. **sub.way** — 9 kills, 7 deaths, 3643 damage',
          '3. **slasher** — 8 kills, 0 deaths, 2548 damage',
        ].join('\n'),
      );
      expect(field(reply, 'Map result')).to.equal('Team B wins 2-0');
      expect(field(reply, 'MVP')).to.match(/\(\d+(\.\d)? points\)$/);
      const truthRound = truth.rounds.find((r) => r.file === '2025-11-10-004911-sw_goldrush_te-round-2.txt')!;
      // truth counts the bot [BOT]Bolt, who is left out of the list by default.
      expect(embed.footer).to.equal(`${truthRound.players - 1} players`);
    });

    it('lists kills by weapon with the names players know', async () => {
      const lines = (await run('!ls weapons', 'console')).embeds![0]!.description!.split('\n');
      const kills = lines.map((line) => Number(/^\*\*[^*]+\*\* — (\d+) kills?/.exec(line)![1]));
      expect(kills).to.deep.equal([...kills].sort((a, b) => b - a));
      expect(lines.map((line) => /^\*\*([^*]+)\*\*/.exec(line)![1])).to.include.members(['MP40', 'Thompson', 'Grenade']);
    });

    it('renders the six graphs as a 1800 x 1500 PNG, byte-identical for the same data', async () => {
      const reply = await run('!last_session graphs');
      expect(reply.embeds ?? []).to.have.length(0);
      const png = reply.files![0]!.data;
      expect(readPngHeader(png)).to.deep.equal({ width: 1800, height: 1500 });
      // Drop the charts' cache so the second image is drawn again, not served from it.
      probe.services.get(ChartServices.Charts).invalidate();
      const again = await probe.summary.renderImage((await probe.summary.lastSession())!);
      expect(again.equals(png)).to.equal(true);
    });

    it('gives !session (sessions plugin) the same six graphs through its extension point', async () => {
      const reply = await run('!session 1');
      const file = reply.files![0]!;
      expect(file.name).to.equal('session-1.png');
      expect(reply.embeds![0]!.image).to.equal('session-1.png');
      const detail = (await probe.services.get(QueryServices.Sessions).byNumber(1))!;
      const session = (await probe.summary.session(detail.id))!;
      expect(session.number).to.equal(1);
      expect(file.data.equals(await probe.summary.renderImage(session))).to.equal(true);
      expect(readPngHeader(file.data)).to.deep.equal({ width: 1800, height: 1500 });
    });

    it('provides the summaries it shows: the same round post and session overview to the plugins that depend on it', async () => {
      const round = (await probe.summary.lastRound())!;
      expect(round).to.include({ map: 'sw_goldrush_te', roundNumber: 2, orphan: false });
      expect(probe.summary.roundEmbed(round, escapeName)).to.deep.equal((await run('!last_round', 'discord')).embeds![0]);
      expect((await probe.summary.round(round.roundId))!.contentHash).to.equal(round.contentHash);

      const session = (await probe.summary.lastSession())!;
      expect(session).to.include({ number: 2, date: '2025-11-09' });
      const overview = probe.summary.sessionOverviewEmbed(session, escapeName, {
        title: `Last session · ${session.date}`,
        image: 'last-session.png',
        prefix: '!',
      });
      expect(overview).to.deep.equal((await run('!last_session', 'discord')).embeds![0]);
    });
  });
});

describe('last-session without the sessions plugin (an optional dependency)', () => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ plugins: ['last-session'] });
  });
  after(async () => bot?.stop());

  it('still answers !last_session and !last_round', async () => {
    expect(bot.commands()).to.include.members(['last_round', 'last_session']);
    expect(bot.commands()).not.to.include('session');
    expect((await bot.run('!last_session')).embeds![0]!.title).to.equal('Last session · 2025-11-09');
  });
});
