import { expect } from 'chai';
import type { Caller, Reply } from '../../core/plugin-api';
import { ChartServices } from '../../core/charts/tokens';
import type { ChartService } from '../../core/charts/chart-service';
import { forEachDatabase } from '../support/databases';
import { pixelStats, readPngHeader } from '../charts/png-inspect';
import { fixtureFiles, readTruth, startSummaryBot, type SummaryBot } from './fixture-app';

const caller: Caller = { id: '1000', name: 'tester', roleIds: [], isAdmin: false };

async function run(bot: SummaryBot, line: string, transport: 'discord' | 'console' = 'discord'): Promise<Reply> {
  const reply = await bot.app.runner.runLine(line, { caller, transport });
  if (!reply) throw new Error(`${line} is not a command`);
  return reply;
}

function field(reply: Reply, name: string): string {
  const f = reply.embeds?.[0]?.fields?.find((x) => x.name.startsWith(name));
  if (!f) throw new Error(`no field '${name}' in ${JSON.stringify(reply.embeds?.[0]?.fields?.map((x) => x.name))}`);
  return f.value;
}

forEachDatabase('!last_session and !last_round', (handle) => {
  const truth = readTruth();
  let bot: SummaryBot;

  before(async () => {
    bot = await startSummaryBot(handle, { plugins: [{ id: 'last-session', enabled: true, options: {} }, { id: 'sessions', enabled: true, options: {} }] });
  });
  after(async () => bot?.stop());

  it('answers "No rounds imported yet." on an empty database', async () => {
    for (const line of ['!last_session', '!last', '!ls maps', '!last_session graphs', '!last_round']) {
      expect((await run(bot, line)).text, line).to.equal('No rounds imported yet.');
    }
    expect(await bot.summary.renderImage(1)).to.equal(null);
  });

  describe('with the fixtures imported', () => {
    before(async () => bot.importFiles(fixtureFiles()));

    it('shows the most recent session with its date, times, maps, rounds and the image it references', async () => {
      const session = truth.sessions.find((s) => s.index === 2)!;
      const reply = await run(bot, '!last_session');
      const embed = reply.embeds![0]!;
      expect(embed.title).to.equal('Last session · 2025-11-09');
      // truth: 2025-11-09T23:01:43 .. 2025-11-10T00:49:11 = 1 h 47 min 28 s
      expect(embed.description).to.include(`**2025-11-09** ${session.start.slice(11, 16)}–${session.end.slice(11, 16)} (1h 47m)`);
      expect(embed.description).to.include(`${session.maps} maps, ${session.rounds} rounds`);
      expect(reply.files).to.have.length(1);
      expect(embed.image).to.equal(reply.files![0]!.name);
      expect(reply.files![0]!.name).to.match(/\.png$/);
    });

    it("shows each player's session numbers as the generator's truth has them", async () => {
      const reply = await run(bot, '!last_session');
      const lines = [...field(reply, 'Team A').split('\n'), ...field(reply, 'Team B').split('\n')];
      // 14 players had time in every round of session 2 (truth.rounds[*].players).
      expect(lines).to.have.length(14);
      // viper? (713D6612) played only session 2, so his truth totals are his session numbers.
      // By hand from truth: K/D = 49 / 36 = 1.3611 -> 1.36; DPM = 27736 x 60 / 5490 s
      // = 1664160 / 5490 = 303.13 (shown rounded: 303); accuracy 37.88% -> 37.9%; revives given 0.
      const viper = truth.players.find((p) => p.guid === '713D6612')!;
      expect([viper.kills, viper.deaths, viper.kd, viper.dpm, viper.accuracy]).to.deep.equal([49, 36, 1.36, 303.13, 37.88]);
      expect(lines).to.include('**viper?** — 1.36 K/D (49/36) · 303 DPM · 37.9% acc · 0 rev');
      // The top view shows DPM with its two decimals.
      const top = await run(bot, '!last_session top');
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
      const reply = await run(bot, '!last_session maps', 'console');
      const text = reply.embeds![0]!.description!;
      const blocks = text.split('\n');
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
      const overview = await run(bot, '!last_session');
      expect(overview.embeds![0]!.description).to.include('**Team A 2 – 3 Team B**');
      expect(field(overview, 'Team A')).to.include('**slasher**');
      expect(field(overview, 'Team B')).to.include('**viper?**');
    });

    it('escapes names and maps for Discord markdown, and not on the console', async () => {
      const discord = await run(bot, '!last_session maps', 'discord');
      expect(discord.embeds![0]!.description).to.include('**1. erdenberg\\_t2**');
      const round = await run(bot, '!last_round', 'discord');
      expect(round.embeds![0]!.title).to.equal('sw\\_goldrush\\_te · round 2');
    });

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
        expect({ name: p.name, rounds: p.rounds, kills: p.kills, deaths: p.deaths, kd: p.kd, dpm: p.dpm, accuracy: p.accuracy, damageGiven: p.damageGiven, timePlayedSeconds: p.timePlayedSeconds, revivesGiven: p.revivesGiven }).to.deep.equal({
          name: t.name, rounds: t.rounds, kills: t.kills, deaths: t.deaths, kd: t.kd, dpm: t.dpm, accuracy: t.accuracy, damageGiven: t.damageGiven, timePlayedSeconds: t.timePlayedSeconds, revivesGiven: t.revivesGiven,
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

    it('!last_round shows the latest round: map, outcome, top three fraggers, MVP and the map result', async () => {
      // By hand from sw_goldrush_te R1 (003633) and R2 (004911), R2 minus R1 of the weapon kills/deaths
      // and damage: Doc "Holliday" 20-10 = 10 kills, 5 deaths, 2423 damage; sub.way 17-8 = 9, 7, 3643;
      // slasher 20-12 = 8, 0, 2548 (next: Rookie with 7).
      const reply = await run(bot, '!last_round', 'console');
      const embed = reply.embeds![0]!;
      expect(embed.title).to.equal('sw_goldrush_te · round 2');
      expect(embed.description).to.equal('Team B beat 12:00 · ended 2025-11-10 00:49');
      expect(field(reply, 'Top fraggers')).to.equal(
        ['1. **Doc "Holliday"** — 10 kills, 5 deaths, 2423 damage', '2. **sub.way** — 9 kills, 7 deaths, 3643 damage', '3. **slasher** — 8 kills, 0 deaths, 2548 damage'].join('\n'),
      );
      expect(field(reply, 'Map result')).to.equal('Team B wins 2-0');
      expect(field(reply, 'MVP')).to.match(/\(\d+(\.\d)? points\)$/);
      const truthRound = truth.rounds.find((r) => r.file === '2025-11-10-004911-sw_goldrush_te-round-2.txt')!;
      expect(embed.footer).to.equal(`${truthRound.players} players`);
    });

    it('lists kills by weapon with the names players know', async () => {
      const report = (await bot.summary.last())!;
      const total = report.weapons.reduce((s, w) => s + w.kills, 0);
      const kills = report.players.reduce((s, p) => s + p.kills, 0);
      expect(total).to.equal(kills);
      const reply = await run(bot, '!ls weapons', 'console');
      for (const w of report.weapons) expect(reply.embeds![0]!.description).to.include(`**${w.name}** — ${w.kills} kill${w.kills === 1 ? '' : 's'}`);
      expect(report.weapons.map((w) => w.name)).to.include.members(['MP40', 'Thompson', 'Grenade']);
    });

    it('renders the six graphs as a 1800 x 1500 PNG that is not blank, byte-identical for the same data', async () => {
      const reply = await run(bot, '!last_session graphs');
      expect(reply.embeds ?? []).to.have.length(0);
      const png = reply.files![0]!.data;
      expect(readPngHeader(png)).to.deep.equal({ width: 1800, height: 1500 });
      const stats = await pixelStats(png);
      expect(stats.variance).to.be.greaterThan(100);
      expect(stats.distinctColours).to.be.greaterThan(50);
      // Drop the charts' cache so the second image is drawn again, not served from it.
      bot.app.container.resolve<ChartService>(ChartServices.Charts.id).invalidate();
      const report = (await bot.summary.last())!;
      const again = await bot.summary.renderImage(report.sessionId);
      expect(again!.equals(png)).to.equal(true);
    });

    it("gives !session (sessions plugin) the same six graphs through its extension point", async () => {
      const reply = await run(bot, '!session 1');
      const file = reply.files![0]!;
      expect(file.name).to.equal('session-1.png');
      expect(reply.embeds![0]!.image).to.equal('session-1.png');
      const report = (await bot.summary.byNumber(1))!;
      expect(file.data.equals((await bot.summary.renderImage(report.sessionId))!)).to.equal(true);
      expect(readPngHeader(file.data)).to.deep.equal({ width: 1800, height: 1500 });
    });
  });
});
