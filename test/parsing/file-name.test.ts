import { expect } from 'chai';
import { classifyFileName, parseFileName } from '../../core/parsing';

describe('parsing: file names (spec §1, §9 "Which files count")', () => {
  it('reads date, time, map and round of a round file', () => {
    expect(parseFileName('2025-10-25-161002-supply-round-2.txt')).to.deep.equal({
      date: '2025-10-25',
      time: '161002',
      endedAtLocal: '2025-10-25T16:10:02',
      map: 'supply',
      round: 2,
    });
  });

  it('takes map names with _ - . + and even "-round-" inside (greedy map)', () => {
    const f = parseFileName('2024-08-13-231656-sw_goldrush-te.v2+fix-round-1.txt');
    expect(f).to.include({ map: 'sw_goldrush-te.v2+fix', round: 1 });
    expect(parseFileName('2024-08-13-231656-a-round-1-round-2.txt')).to.include({ map: 'a-round-1', round: 2 });
  });

  it('classifies the other files of a gamestats folder as ignored', () => {
    for (const name of [
      '2025-10-25-161002-supply-round-2-endstats.txt',
      '2025-10-25-161002-supply-round-2_ws.txt',
      'gametime-2025-10-25.json',
      '2025-10-25-161002-supply_engagements.txt',
      'notes.md',
      '2025-10-25-161002-supply-round-2.txt.tmp',
    ]) {
      expect(classifyFileName(name), name).to.equal('ignored');
    }
  });

  it('classifies round files as round', () => {
    expect(classifyFileName('2025-10-25-161002-supply-round-2.txt')).to.equal('round');
    expect(classifyFileName('2024-02-29-000000-x-round-1.txt')).to.equal('round'); // 2024 is a leap year
  });

  it('rejects other .txt names: bad pattern, impossible date or time, round not 1 or 2', () => {
    const cases: [string, RegExp][] = [
      ['random.txt', /does not match/],
      ['2025-10-25-161002-supply-round-3.txt', /round '3'/],
      ['2025-10-25-161002-supply-round-0.txt', /round '0'/],
      ['2025-02-29-161002-supply-round-1.txt', /impossible date/], // 2025 is not a leap year
      ['2025-13-01-161002-supply-round-1.txt', /impossible date/],
      ['2025-04-31-161002-supply-round-1.txt', /impossible date/],
      ['2025-10-25-246002-supply-round-1.txt', /impossible time/],
      ['2025-10-25-166002-supply-round-1.txt', /impossible time/],
      ['2025-10-25-161060-supply-round-1.txt', /impossible time/],
      ['2025-10-25-161002--round-1.txt', /does not match/],
      ['2025-10-25-16100-supply-round-1.txt', /does not match/],
    ];
    for (const [name, reason] of cases) {
      expect(classifyFileName(name), name).to.equal('invalid-round-name');
      const parsed = parseFileName(name);
      expect(parsed, name).to.be.a('string').that.matches(reason);
    }
  });
});
