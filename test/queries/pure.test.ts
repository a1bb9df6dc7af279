import { expect } from 'chai';
import { UsageError } from '../../core/plugin-api/errors';
import { escapeLike } from '../../core/queries/like';
import { kdRatio, percent, perMinute, ratio2 } from '../../core/queries/ratios';
import { describeWindow, parseTimeWindow, windowCondition } from '../../core/queries/time-window';
import { findLeaderboardStat, LEADERBOARD_STATS } from '../../core/queries/leaderboard-stats';
import { clip, formatDuration } from '../../core/queries/format';

describe('queries: ratios round half up from sums', () => {
  it('rounds .xx5 up where binary floats would not', () => {
    // 1.005 as a float is 1.00499999...; 201/200 = 1.005 exactly -> 1.01.
    expect(ratio2(201, 200)).to.equal(1.01);
    // 100 x 1 / 8 = 12.5 -> 12.5; 100 x 1 / 3 = 33.333 -> 33.33; 100 x 2 / 3 = 66.667 -> 66.67.
    expect(percent(1, 8)).to.equal(12.5);
    expect(percent(1, 3)).to.equal(33.33);
    expect(percent(2, 3)).to.equal(66.67);
  });

  it('K/D is kills when deaths is 0; accuracy and DPM are null without shots or time', () => {
    expect(kdRatio(7, 0)).to.equal(7);
    expect(kdRatio(11, 4)).to.equal(2.75);
    expect(percent(0, 0)).to.equal(null);
    expect(perMinute(100, 0)).to.equal(null);
    // 2200 damage in 1800 s: 2200 x 60 / 1800 = 73.333 -> 73.33.
    expect(perMinute(2200, 1800)).to.equal(73.33);
  });
});

describe('queries: time windows', () => {
  const now = Date.parse('2025-11-20T12:34:56Z');

  it('parses all, days, a range, a day and a month', () => {
    expect(parseTimeWindow('all', now)).to.deep.equal({ kind: 'all' });
    expect(parseTimeWindow('30d', now)).to.deep.equal({ kind: 'days', days: 30, sinceUtc: '2025-10-21T12:34:00Z' });
    expect(parseTimeWindow('2025-10-01..2025-10-31', now)).to.deep.equal({ kind: 'range', from: '2025-10-01', to: '2025-10-31' });
    expect(parseTimeWindow('2025-10-05', now)).to.deep.equal({ kind: 'range', from: '2025-10-05', to: '2025-10-05' });
    expect(parseTimeWindow('2024-02', now)).to.deep.equal({ kind: 'range', from: '2024-02-01', to: '2024-02-29' });
    expect(parseTimeWindow('kills', now)).to.equal(null);
  });

  it('rejects impossible dates and reversed ranges with a usage error', () => {
    expect(() => parseTimeWindow('2025-02-30', now)).to.throw(UsageError, /not a real date/);
    expect(() => parseTimeWindow('2025-10-31..2025-10-01', now)).to.throw(UsageError, /ends before it starts/);
    expect(() => parseTimeWindow('0d', now)).to.throw(UsageError);
  });

  it('a range includes its last day (local dates)', () => {
    expect(windowCondition({ kind: 'range', from: '2025-10-01', to: '2025-10-31' })).to.deep.equal({
      sql: ' AND r.ended_at_local >= ? AND r.ended_at_local < ?',
      params: ['2025-10-01', '2025-11-01'],
    });
    expect(describeWindow({ kind: 'range', from: '2025-10-01', to: '2025-10-31' })).to.equal('2025-10-01 to 2025-10-31');
  });
});

describe('queries: small helpers', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('100%_a\\b')).to.equal('100\\%\\_a\\\\b');
  });

  it("clips long lists to Discord's limits at a line end", () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n'); // 10 lines of 6 chars
    expect(clip(text, 1000)).to.equal(text);
    // Limit 50: room for 50 - 24 = 26 characters of lines: 3 lines of 7 (with the newline).
    expect(clip(text, 50)).to.equal('line 0\nline 1\nline 2\n…and 7 more');
  });

  it('shows time played as hours and minutes', () => {
    // 45,300 s = 12 h 35 min; 59 s = 0 min.
    expect(formatDuration(45_300)).to.equal('12h 35m');
    expect(formatDuration(59)).to.equal('0m');
  });

  it('offers every required board and finds them by common words', () => {
    const keys = LEADERBOARD_STATS.map((s) => s.key);
    for (const k of [
      'kills',
      'kd',
      'dpm',
      'accuracy',
      'headshots',
      'damage',
      'rounds',
      'time',
      'revives',
      'gibs',
      'objectives',
      'efficiency',
      'multikills',
      'usefulkills',
      'denied',
      'xp',
      'teamwork',
    ]) {
      expect(keys).to.include(k);
    }
    expect(findLeaderboardStat('K/D')?.key).to.equal('kd');
    expect(findLeaderboardStat('time played')?.key).to.equal('time');
    expect(findLeaderboardStat('nope')).to.equal(undefined);
  });
});
