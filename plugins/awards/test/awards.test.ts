import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestBot, forEachDatabase, type TestBot } from 'etbot/testing';

const PROJECT_ROOT = path.resolve(__dirname, '../../../..');

// Worked out by hand from the fixture files (R2 values = R2 file minus R1, spec §4; counted rows
// only; the bot left out), not from this plugin's output:
// session 2 (2025-11-09, era 38): damage given ^caret 34,082 (arrow ^ up 31,618); gibs sub.way 25
// (Snake 20); revives given #clantag 43 (field 37); best killing spree slasher 15 (te_escape2 R1);
// K/D slasher 187/... = 2.68 over 87 min (Doc "Holliday" 2.56); accuracy #clantag 39.58%;
// kill steals slasher 11; XP Doc "Holliday" 343; dynamites planted Grünwald 8.
const SESSION_2_LINES = [
  '**Most damage given**: ^caret (34,082)',
  '**Most gibs**: sub.way (25)',
  '**Most revives given**: #clantag (43)',
  '**Longest killing spree**: slasher (15)',
  '**Best K/D**: slasher (2.68)',
  '**Highest accuracy**: #clantag (39.6%)',
  '**Most kill steals**: slasher (11)',
  '**Most XP**: Doc "Holliday" (343)',
  '**Most dynamites planted**: Grünwald (8)',
];

/** A community award plugin as PLUGINS.md shows it: plain JavaScript, only 'etbot/plugin-api'. */
const COMMUNITY_AWARD = `const { definePlugin, AwardsServices } = require('etbot/plugin-api');

module.exports = definePlugin({
  manifest: { id: 'sniper-award', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: ['awards'] },
  register(api) {
    const added = api.services.get(AwardsServices.Registry).add(api.id, {
      id: 'headshot-share',
      title: 'Sharpest eye',
      fields: ['headshots', 'hits'],
      value: (v) => (v.hits > 0 ? (100 * v.headshots) / v.hits : null),
      minimums: { hits: 200 },
      format: (share) => share.toFixed(1) + '% of hits in the head',
    });
    api.onDispose(() => added.dispose());
  },
});
`;

forEachDatabase('awards plugin', (handle) => {
  let bot: TestBot;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etbot-award-plugin-'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(PROJECT_ROOT, path.join(dir, 'node_modules', 'etbot'), 'dir');
    fs.writeFileSync(path.join(dir, 'sniper-award.js'), COMMUNITY_AWARD);
    bot = await createTestBot({ database: handle.url, plugins: ['awards', 'last-session', { path: path.join(dir, 'sniper-award.js') }] });
  });

  after(async () => {
    await bot?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives the last session's awards, worked out by hand", async () => {
    const text = await bot.text('!awards');
    expect(text.split('\n')[0]).to.equal('Awards · session #2 · 2025-11-09');
    for (const line of SESSION_2_LINES) expect(text).to.contain(line);
    expect(await bot.text('!awards 2')).to.equal(text);
  });

  it('skips awards whose field the era lacks, shows ties, leaves the bot out (session 1, era 37)', async () => {
    const text = await bot.text('!awards 1');
    expect(text).to.contain('**Most damage given**: ^caret (27,573)');
    // Field 37 (revives given) exists only in 38-field files: no award, not a 0.
    expect(text).not.to.contain('Most revives given');
    // Three players returned one objective each (field 16), nobody more.
    expect(text).to.contain('**Most objectives returned**: ^caret, Doc "Holliday", Grünwald (1)');
    expect(text).not.to.contain('Bolt');
    expect(await bot.text('!awards 2025-11-07')).to.equal(text);
  });

  it("the last_session awards view and a player's own awards", async () => {
    const view = await bot.text('!last_session awards');
    for (const line of SESSION_2_LINES) expect(view).to.contain(line);
    const mine = await bot.text('!awards slasher');
    expect(mine.split('\n')[0]).to.equal('Awards of slasher · session #2 · 2025-11-09');
    expect(mine).to.contain('**Longest killing spree**: slasher (15)');
    expect(mine).not.to.contain('Most damage given');
  });

  it('shows an award a community plugin loaded by path adds (plain JS, only etbot/plugin-api)', async () => {
    const state = bot.app.plugins.list().find((p) => p.id === 'sniper-award');
    expect(state?.state, state?.error ?? undefined).to.equal('enabled');
    expect(await bot.text('!awards')).to.match(/\*\*Sharpest eye\*\*: .+ \(\d+\.\d% of hits in the head\)/);
    await bot.app.plugins.disable('sniper-award');
    expect(await bot.text('!awards')).not.to.contain('Sharpest eye');
  });

  it('answers for a map and refuses what it cannot read', async () => {
    expect(await bot.text('!awards map:supply')).to.match(/^Awards · map supply/);
    expect(await bot.text('!awards 99')).to.contain('No session #99');
  });
});
