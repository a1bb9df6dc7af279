import { expect } from 'chai';
import { createTestBot, type TestBot } from 'etbot/testing';

const BOT_LINE = '**[BOT]Bolt** — 0.56 K/D (38/68) · 250 DPM · 30.4% acc · 0 rev';

function fieldOf(reply: Awaited<ReturnType<TestBot['run']>>, name: string): string {
  const field = reply.embeds?.[0]?.fields?.find((f) => f.name.startsWith(name));
  if (!field) throw new Error(`no field '${name}'`);
  return field.value;
}

/** Session teams and the MVP follow the core bot rule (players.includeBots, players.botNamePattern). */
describe('!last_session and bots', function () {
  this.timeout(120_000);

  async function lastSession(players: Record<string, unknown>): Promise<{ teamB: string; description: string }> {
    const bot = await createTestBot({ plugins: ['last-session'], config: { players } });
    try {
      const reply = await bot.run('!last_session');
      return { teamB: fieldOf(reply, 'Team B'), description: reply.embeds![0]!.description ?? '' };
    } finally {
      await bot.stop();
    }
  }

  // Session 2 by hand from its files: [BOT]Bolt is on team B with 38 kills, 68 deaths (K/D 0.56);
  // #clantag is MVP with 475.1 points.
  it('leaves the bot out of the teams by default', async () => {
    const { teamB, description } = await lastSession({});
    expect(teamB).to.include('**#clantag**');
    expect(teamB).to.not.include('[BOT]Bolt');
    expect(description).to.include('MVP: **#clantag** (475.1 points)');
  });

  it('lists the bot on team B with players.includeBots', async () => {
    const { teamB } = await lastSession({ includeBots: true });
    expect(teamB.split('\n')).to.include(BOT_LINE);
  });

  it('never makes a player the pattern names a bot MVP, unless bots are included', async () => {
    const excluded = await lastSession({ botNamePattern: '^#clantag$' });
    expect(excluded.description).to.match(/MVP: \*\*/);
    expect(excluded.description).to.not.include('MVP: **#clantag**');
    const included = await lastSession({ botNamePattern: '^#clantag$', includeBots: true });
    expect(included.description).to.include('MVP: **#clantag** (475.1 points)');
  });
});
