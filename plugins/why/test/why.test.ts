import { expect } from 'chai';
import { createTestBot, forEachDatabase, replyText, type TestBot } from 'etbot/testing';

// Every expectation below is read off the fixture files' header lines by hand
// (map\config\round\defenderteam\winnerteam\timelimit\nextTimeLimit[\playtime_ms], spec §2, §6).
forEachDatabase('!why on the fixtures', (handle) => {
  let bot: TestBot;
  before(async () => {
    bot = await createTestBot({ database: handle.url, plugins: ['why', 'last-session'] });
  });
  after(async () => bot?.stop());

  const why = async (line: string) => replyText(await bot.run(line)).split('\n');

  it('R1 held, R2 beat the time (sw_goldrush_te, 2025-11-10: 1\\1\\12:00\\12:00, then 1\\2\\12:00\\11:06)', async () => {
    expect(await why('!why last')).to.deep.equal([
      'Why: sw_goldrush_te · 2025-11-10 00:36',
      'R1: 2025-11-10-003633-sw_goldrush_te-round-1.txt · defender 1 (axis) · winner 1 (axis) · time limit 12:00 · next time limit 12:00',
      'R2: 2025-11-10-004911-sw_goldrush_te-round-2.txt · defender 1 (axis) · winner 2 (allies) · time limit 12:00 · next time limit 11:06',
      'R1: winner 1 = defender 1: the defenders (axis) held the full 12:00 (fullhold).',
      'R2: winner 2 ≠ defender 1: the attackers (allies) beat 12:00.',
      'Rule: R2 attackers (allies) beat 12:00 → 2-0 for them.',
      'Uncertain: nothing; every deciding field is known.',
    ]);
  });

  it('R1 set a time and R2 beat it, faster (supply, 2025-11-07: set 9:37, beaten)', async () => {
    const lines = await why('!why 2025-11-07-205036-supply-round-2');
    expect(lines).to.include('R1: winner 2 ≠ defender 1: the attackers (allies) succeeded and set 9:37.');
    expect(lines).to.include('R2: 2025-11-07-205036-supply-round-2.txt · defender 1 (axis) · winner 2 (allies) · time limit 9:37 · next time limit 7:01');
    expect(lines).to.include('Rule: R2 attackers (allies) beat 9:37 → 2-0 for them.');
  });

  it('R1 set a time and R2 did not beat it (et_brewdog, defender 2: set 4:13, held; next time limit 71:05 flagged)', async () => {
    const lines = await why('!why et_brewdog');
    expect(lines).to.include('R1: winner 1 ≠ defender 2: the attackers (axis) succeeded and set 4:13.');
    expect(lines).to.include('R2: winner 2 = defender 2: the defenders (allies) held; the attackers did not beat 4:13.');
    expect(lines).to.include("Rule: R2 attackers did not beat 4:13 → 2-0 for R1's attackers (axis), who set it.");
    expect(lines.at(-1)).to.equal('Uncertain: R2 next time limit 71:05 is longer than its time limit 4:13: server uptime after a restart, not a time.');
  });

  it('both rounds held: 1-1 (etl_adlernest, 2025-11-07: 1\\1\\10:00\\10:00 twice)', async () => {
    const lines = await why('!why 2025-11-07-211602-etl_adlernest-round-2.txt');
    expect(lines).to.include('R2: winner 1 = defender 1: the defenders (axis) held; the attackers did not beat 10:00.');
    expect(lines).to.include('Rule: both rounds held → 1-1.');
  });

  it('winner 0 and a 0:00 next time limit (sw_goldrush_te, 2025-11-07 R2: 1\\0\\7:03\\0:00)', async () => {
    const lines = await why('!why 2025-11-07-214654-sw_goldrush_te-round-1.txt');
    expect(lines).to.include('R2: winner 0, so nobody knows who won this round.');
    expect(lines).to.include('Rule: a round with winner 0 leaves the map score unknown.');
    expect(lines.at(-1)).to.equal('Uncertain: R2 winner is 0: the server did not write who won. R2 next time limit is 0:00: unset by the server.');
  });

  it('an R2 without its R1 (etl_sp_delivery, 2025-11-07 22:12)', async () => {
    expect(await why('!why etl_sp_delivery')).to.deep.equal([
      'Why: etl_sp_delivery · 2025-11-07 22:12',
      'R2: 2025-11-07-221212-etl_sp_delivery-round-2.txt · defender 1 (axis) · winner 2 (allies) · time limit 6:08 · next time limit 6:04',
      'R2: winner 2 ≠ defender 1: the attackers (allies) beat 6:08.',
      'Rule: an R2 without its R1 (an orphan) has no map score, and its numbers cover both rounds, so it counts in no total or ranking.',
      'Uncertain: R1 missing: no R1 of etl_sp_delivery ended in the 45 minutes before this R2.',
    ]);
  });

  it('an R1 without its R2 (supply, 2025-11-09 23:55: the map was left)', async () => {
    const lines = await why('!why supply');
    expect(lines[1]).to.equal('R1: 2025-11-09-235550-supply-round-1.txt · defender 1 (axis) · winner 2 (allies) · time limit 12:00 · next time limit 7:53');
    expect(lines).to.include('Rule: an R1 without its R2 (the map was left after R1) has no map score; its numbers count as one round.');
    expect(lines.at(-1)).to.equal('Uncertain: R2 missing: no R2 of supply ended within 45 minutes after this R1.');
  });

  it('flags a negative measured playtime (te_escape2, 2025-11-09 R1: -5703 ms)', async () => {
    expect((await why('!why te_escape2')).at(-1)).to.equal('Uncertain: R1 measured playtime is -5703 ms: unknown.');
  });

  it("takes a !stats number apart: slasher's K/D 125 / 38 = 3.29, viper?'s DPM 27736 x 60 / 5490 = 303.13", async () => {
    const kd = await why('!why kd slasher');
    expect(kd[0]).to.equal('Why: K/D of slasher, all time');
    expect(kd[1]).to.equal('K/D = kills / deaths = 125 / 38 = 3.29');
    expect(kd).to.include(
      'Sums over 19 counted rounds: rows with time played above 0; orphan R2s (their numbers cover two rounds) left out (spec §9 Counting).',
    );
    expect((await why('!why dpm viper?'))[1]).to.equal('DPM = damage given × 60 / seconds played = 27736 × 60 / 5490 = 303.13');
  });

  it('takes the MVP apart: formula, points by term for the top three, the runner-up', async () => {
    // Session 2 (2025-11-09), #clantag: 58 kills, 46 deaths, 43 revives given (field 37), 5 objective
    // actions, 29406 damage: 116 - 46 + 294.06 + 86 + 25 = 475.06 -> 475.1, the `!last_session` MVP;
    // arrow ^ up: 86 - 38 + 316.18 + 0 + 65 = 429.18 -> 429.2, so 45.9 behind.
    const lines = await why('!why mvp');
    expect(lines[0]).to.equal('Why: MVP of the session of 2025-11-09');
    expect(lines[1]).to.match(/^MVP points: 2\/kill, -1\/death, 1\/100 damage, 2\/revive, 5\/objective/);
    expect(lines[2]).to.equal(
      '1. #clantag: 2 × 58 kills = 116 − 46 (deaths) + 294.06 (29406 damage / 100) + 86 (2 × 43 revives) + 25 (5 × 5 objectives) = 475.1 points',
    );
    expect(lines[3]).to.match(/^2\. arrow \^ up: .* = 429\.2 points$/);
    expect(lines.at(-1)).to.equal('MVP: #clantag, 45.9 points ahead of the runner-up arrow ^ up.');
  });

  it('takes an earlier session by number: !why mvp 1 and !why session 1 (2025-11-07, five maps)', async () => {
    expect((await why('!why mvp 1'))[0]).to.equal('Why: MVP of the session of 2025-11-07');
    const session = await why('!why session 1');
    // The console shows every page at once: the MVP, then supply, etl_adlernest, te_escape2, sw_goldrush_te and the orphan etl_sp_delivery.
    expect(session.filter((l) => l.startsWith('Why: '))).to.deep.equal([
      'Why: MVP of the session of 2025-11-07',
      'Why: supply · 2025-11-07 20:41',
      'Why: etl_adlernest · 2025-11-07 21:04',
      'Why: te_escape2 · 2025-11-07 21:29',
      'Why: sw_goldrush_te · 2025-11-07 21:46',
      'Why: etl_sp_delivery · 2025-11-07 22:12',
    ]);
    expect(session).to.include('Rule: both rounds held → 1-1.');
    expect(session.filter((l) => l === 'Session #1 · 2025-11-07')).to.have.length(6);
    expect(await why('!why session 99')).to.deep.equal(['There is no session #99.']);
    expect(await why('!why mvp yesterday')).to.deep.equal(['A session is given by its number, as !sessions shows it: !why mvp 2.']);
  });

  it('says what it takes when nothing fits', async () => {
    expect((await why('!why nothing'))[0]).to.match(/^No round of a map 'nothing'/);
  });
});
