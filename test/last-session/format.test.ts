import { expect } from 'chai';
import { fitLines, outcomeText } from '../../plugins/last-session/summary/format';
import { mvpPoints, pickMvp } from '../../plugins/last-session/summary/mvp';

describe('session summary formatting', () => {
  it("keeps a field within Discord's 1024 characters and says how many lines were left out", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `**player number ${i + 1} with a long name** — 1.00 K/D (10/10) · 300 DPM · 30.0% acc · 2 rev`);
    const value = fitLines(lines);
    expect(value.length).to.be.at.most(1024);
    const shown = value.split('\n');
    const more = Number(/^…and (\d+) more$/.exec(shown[shown.length - 1]!)![1]);
    expect(shown.length - 1 + more).to.equal(40);
    expect(fitLines([])).to.equal('-');
    expect(fitLines(['a', 'b'])).to.equal('a\nb');
  });

  it('scores MVP points as documented: 2/kill, -1/death, 1/100 damage, 2/revive, 5/objective', () => {
    // 2 x 20 - 10 + 2345 / 100 + 2 x 3 + 5 x 2 = 40 - 10 + 23.45 + 6 + 10 = 69.45 -> 69.5
    expect(mvpPoints({ kills: 20, deaths: 10, damageGiven: 2345, revivesGiven: 3, objectives: 2 })).to.equal(69.5);
    // Revives unknown (older scripts) count as none: 2 - 0 + 1 + 0 + 0 = 3
    expect(mvpPoints({ kills: 1, deaths: 0, damageGiven: 100, revivesGiven: null, objectives: 0 })).to.equal(3);
    // Ties go to the higher DPM, then the name.
    const a = { name: 'b', mvpPoints: 10, dpm: 200 };
    const b = { name: 'a', mvpPoints: 10, dpm: 300 };
    const c = { name: 'c', mvpPoints: 10, dpm: 300 };
    expect(pickMvp([a, c, b])).to.equal(b);
    expect(pickMvp([])).to.equal(null);
  });

  it('words each round outcome from the stopwatch rules', () => {
    expect(outcomeText(1, { attackersSucceeded: true, timeLimit: '10:00', timeSet: '7:42', attackers: 'A' })).to.equal('Team A set 7:42');
    expect(outcomeText(1, { attackersSucceeded: false, timeLimit: '10:00', timeSet: '10:00', attackers: 'A' })).to.equal('Team B held (fullhold 10:00)');
    expect(outcomeText(2, { attackersSucceeded: true, timeLimit: '7:42', timeSet: null, attackers: 'B' })).to.equal('Team B beat 7:42');
    expect(outcomeText(2, { attackersSucceeded: false, timeLimit: '7:42', timeSet: null, attackers: null })).to.equal('Defenders held 7:42');
    expect(outcomeText(2, { attackersSucceeded: null, timeLimit: '7:42', timeSet: null, attackers: 'B' })).to.equal('outcome unknown');
  });
});
