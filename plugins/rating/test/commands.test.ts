import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES_DIR, forEachDatabase, replyText } from 'etbot/testing';
import { fixtureFiles, startRatingBot, type RatingBot } from './support';

const SECOND_ATTACK_KEY = '#second-attack';
const SNAKE = '39137DDE';

forEachDatabase('rating: !rating, !balance and the provided rating service', (handle) => {
  let target: RatingBot | undefined;

  /** Imports these fixtures (names) or folders (absolute paths). */
  async function start(files: string[]): Promise<RatingBot> {
    target = await startRatingBot({ database: handle.kind, fixtures: files.map((f) => path.resolve(FIXTURES_DIR, f)) });
    await target.rating().ready();
    return target;
  }

  afterEach(async () => {
    await target?.bot.stop();
    target = undefined;
  });

  describe('with only R1 files (nobody has a rated map)', () => {
    it('!balance says it balances by performance, splits 6 new players 3 v 3 at 50% and says how unsure that is', async () => {
      const { bot } = await start(fixtureFiles().filter((f) => f.endsWith('round-1.txt')));
      const reply = await bot.run('!balance Snake Question viper? Rookie slasher Grünwald');
      const team1 = reply.embeds![0]!.fields!.find((f) => f.name === 'Team 1')!.value.split('\n');
      const team2 = reply.embeds![0]!.fields!.find((f) => f.name === 'Team 2')!.value.split('\n');
      expect(team1).to.have.length(3);
      expect(team2).to.have.length(3);
      expect([...team1, ...team2].every((line) => line.endsWith('(1000)'))).to.equal(true);
      // No rated map: the calibration is its prior, side weight N(0, 1) and the others 0, so the
      // chance is 50% and its 90% range is logistic(-1.645) = 0.162 to logistic(1.645) = 0.838.
      expect(replyText(reply)).to.contain('Team 1 wins 50% (likely 16-84%), Team 2 wins 50%; few maps rated yet (0 in all)');
      expect(replyText(reply)).to.contain('balanced by performance (K/D and damage per minute against the lobby): too little rated history');
    });

    it('!rating says a player has no rated maps yet and starts at 1000', async () => {
      const { bot } = await start(fixtureFiles().filter((f) => f.endsWith('round-1.txt')));
      const text = await bot.text('!rating Snake');
      expect(text).to.contain('Rating for Snake');
      expect(text).to.contain('No rated maps yet: starts at 1000 (uncertainty ±333)');
    });
  });

  describe('with every fixture', () => {
    it('!rating shows rating, uncertainty, maps counted, the trend and teammates', async () => {
      const { bot, rating } = await start(fixtureFiles());
      const text = await bot.text('!rating Snake');
      expect(text).to.contain('Rating for Snake');
      const maps = /Maps counted: (\d+) \((\d+) won, (\d+) drawn, (\d+) lost\)/.exec(text);
      expect(maps, text).to.not.equal(null);
      const [played, won, drawn, lost] = maps!.slice(1).map(Number) as [number, number, number, number];
      expect(played).to.be.within(1, 8);
      expect(won + drawn + lost).to.equal(played);
      expect(text).to.match(/Rating: \d+/);
      expect(text).to.match(/Uncertainty: ±\d+ \(mu \d+\.\d\d, sigma \d+\.\d\d\)/);
      expect(text).to.match(new RegExp(`Trend over the last ${Math.min(played, 10)} maps: [+-]?\\d+ \\(([WDL] ?)+\\)`));
      expect(text).to.contain('Best teammates:');
      expect(text).to.contain('Worst teammates:');
      expect((await rating().player(SNAKE)).rating.maps).to.equal(played);
    });

    it('!rating escapes player and teammate names for Discord', async () => {
      // The fixtures with markdown in every name: Snake is **star**, everyone else __<GUID>__.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-rating-names-'));
      try {
        for (const file of fixtureFiles()) {
          const [header, ...players] = fs.readFileSync(path.join(FIXTURES_DIR, file), 'latin1').split('\n');
          const renamed = players.map((line) =>
            line.replace(/^([^\\]+)\\[^\\]*\\/, (_, guid: string) => `${guid}\\${guid === SNAKE ? '**star**' : `__${guid}__`}\\`),
          );
          fs.writeFileSync(path.join(dir, file), [header, ...renamed].join('\n'), 'latin1');
        }
        const { bot } = await start([dir]);
        const embed = (await bot.run(`!rating ${SNAKE}`, { transport: 'discord' })).embeds![0]!;
        expect(embed.title).to.equal('Rating for \\*\\*star\\*\\*');
        const mates = embed.fields!.filter((f) => f.name.endsWith('teammates')).flatMap((f) => f.value.split('\n'));
        expect(mates.length).to.be.greaterThan(0);
        for (const line of mates) expect(line).to.match(/^\\_\\_\S+\\_\\_: \d+ W, \d+ D, \d+ L together \(\d+%\)$/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('!balance names unknown players and escapes names for Discord', async () => {
      const { bot } = await start(fixtureFiles());
      const unknown = await bot.run('!balance Snake nobody-like-this');
      expect(unknown.isError).to.equal(true);
      expect(unknown.text).to.contain("no player matches 'nobody-like-this'");
      // What the caller typed is escaped for Discord's markdown.
      const typed = await bot.run('!balance Snake **bold**_x', { transport: 'discord' });
      expect(typed.text).to.contain("no player matches '\\*\\*bold\\*\\*\\_x'");
      const reply = await bot.run('!balance #clantag Snake Question Rookie', { transport: 'discord' });
      const lines = replyText(reply);
      expect(lines).to.contain('#clantag (');
      expect(lines).to.match(/Team 1 wins \d+% \(likely \d+-\d+%\), Team 2 wins \d+%/);
    });

    it('leaderboard() ranks by rating, filters by maps, leaves bots out and pages', async () => {
      const { bot, rating } = await start(fixtureFiles());
      const all = await rating().leaderboard({ minMaps: 1, limit: 100 });
      expect(all.total).to.equal(all.rows.length);
      expect(all.rows.length).to.be.greaterThan(5);
      for (let i = 1; i < all.rows.length; i++) expect(all.rows[i - 1]!.rating).to.be.at.least(all.rows[i]!.rating);
      expect(all.rows.map((r) => r.rank)).to.deep.equal(all.rows.map((_, i) => i + 1));
      expect(all.rows.some((r) => r.name === '[BOT]Bolt')).to.equal(false);
      expect(all.rows.some((r) => r.guid === SECOND_ATTACK_KEY)).to.equal(false);
      const side = await bot.db.read((sql) => sql.one<{ maps: number }>('SELECT maps FROM rating_players WHERE guid = ?', [SECOND_ATTACK_KEY]));
      expect(Number(side?.maps)).to.equal(8);
      const withBots = await rating().leaderboard({ minMaps: 1, limit: 100, includeBots: true });
      expect(withBots.rows.some((r) => r.name === '[BOT]Bolt')).to.equal(true);
      const page2 = await rating().leaderboard({ minMaps: 1, offset: 3, limit: 3 });
      expect(page2.rows).to.deep.equal(all.rows.slice(3, 6));
      const third = all.rows[2]!;
      expect(await rating().rankOf(third.guid, { minMaps: 1 })).to.deep.equal(third);
      expect(await rating().rankOf(third.guid, { minMaps: 1000 })).to.equal(null);
      const many = await rating().leaderboard({ minMaps: 8 });
      expect(many.rows.every((r) => r.maps >= 8)).to.equal(true);
    });

    it('winProbability() of two teams is the !balance prediction', async () => {
      const { bot, rating } = await start(fixtureFiles());
      const board = await rating().leaderboard({ minMaps: 1, limit: 4 });
      const [a, b, c, d] = board.rows.map((r) => r.guid) as [string, string, string, string];
      const p = await rating().winProbability([a, b], [c, d]);
      expect(p).to.be.within(0, 1);
      expect(await rating().winProbability([c, d], [a, b])).to.be.closeTo(1 - p, 1e-12);
      expect(await rating().winProbability(['never-seen-1'], ['never-seen-2'])).to.equal(0.5);
      expect(replyText(await bot.run(`!balance ${a} ${b}`))).to.contain('Team 1 wins');
    });
  });
});
