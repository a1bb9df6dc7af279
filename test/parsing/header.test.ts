import { expect } from 'chai';
import { parseStatsFile } from '../../core/parsing';
import { file, HEADER_R1, line, R1_NAME, R2_NAME } from './examples';

const PLAYER = line('ABCDEF12', 'x', '1');

function reasonFor(name: string, header: string): string {
  const r = parseStatsFile(name, file(header, PLAYER));
  if (r.ok) throw new Error('expected a rejection');
  expect(r.fileName).to.equal(name);
  return r.reason;
}

describe('parsing: header (spec §2, §9 "Header checks")', () => {
  it('reads the 8 header fields', () => {
    const r = parseStatsFile(R1_NAME, file(HEADER_R1, PLAYER));
    if (!r.ok) throw new Error(r.reason);
    expect(r.round.header).to.deep.equal({
      serverName: '^1my ^7server',
      serverNameClean: 'my server',
      map: 'supply',
      config: 'legacy6',
      round: 1,
      defenderTeam: 1,
      winnerTeam: 2,
      timeLimit: '12:00',
      nextTimeLimit: '9:37',
      timeLimitSeconds: 720, // 12 * 60
      nextTimeLimitSeconds: 577, // 9 * 60 + 37
      playtimeMs: null,
    });
    expect(r.round.file).to.deep.equal({
      name: R1_NAME,
      date: '2025-10-25',
      time: '155210',
      endedAtLocal: '2025-10-25T15:52:10',
      map: 'supply',
      round: 1,
    });
  });

  it('reads the optional 9th field playtime_ms, including 0 and negative values', () => {
    for (const [text, value] of [
      ['591359', 591359],
      ['0', 0],
      ['-25889', -25889],
    ] as const) {
      const r = parseStatsFile(R1_NAME, file(`${HEADER_R1}\\${text}`, PLAYER));
      if (!r.ok) throw new Error(r.reason);
      expect(r.round.header.playtimeMs).to.equal(value);
    }
  });

  it('keeps 0:00 and uptimes like 71:05 in nextTimeLimit as data, and an empty config', () => {
    const r = parseStatsFile(R2_NAME, file('srv\\supply\\\\2\\1\\0\\9:37\\71:05', PLAYER));
    if (!r.ok) throw new Error(r.reason);
    expect(r.round.header).to.include({ config: '', winnerTeam: 0, nextTimeLimit: '71:05', nextTimeLimitSeconds: 4265 }); // 71*60+5
    const zero = parseStatsFile(R2_NAME, file('srv\\supply\\x\\2\\2\\1\\9:37\\0:00', PLAYER));
    if (!zero.ok) throw new Error(zero.reason);
    expect(zero.round.header).to.include({ defenderTeam: 2, nextTimeLimit: '0:00', nextTimeLimitSeconds: 0 });
  });

  it('rejects a header with a wrong field count', () => {
    expect(reasonFor(R1_NAME, 'srv\\supply\\x\\1\\1\\2')).to.equal('header has 6 fields, expected 8 or 9');
    expect(reasonFor(R1_NAME, `${HEADER_R1}\\1\\2`)).to.equal('header has 10 fields, expected 8 or 9');
  });

  it('rejects a map or round that differs from the file name', () => {
    expect(reasonFor('2025-10-25-155210-goldrush-round-1.txt', HEADER_R1)).to.equal("map in header 'supply' differs from file name 'goldrush'");
    expect(reasonFor(R2_NAME, HEADER_R1)).to.match(/round in header '1' differs from file name's round 2/);
  });

  it('rejects bad defenderteam, winnerteam, time limits and playtime_ms', () => {
    expect(reasonFor(R1_NAME, 'srv\\supply\\x\\1\\0\\2\\12:00\\9:37')).to.match(/defenderteam '0'/);
    expect(reasonFor(R1_NAME, 'srv\\supply\\x\\1\\\\2\\12:00\\9:37')).to.match(/defenderteam ''/);
    expect(reasonFor(R1_NAME, 'srv\\supply\\x\\1\\1\\3\\12:00\\9:37')).to.match(/winnerteam '3'/);
    expect(reasonFor(R1_NAME, 'srv\\supply\\x\\1\\1\\2\\12:60\\9:37')).to.match(/timelimit '12:60'/);
    expect(reasonFor(R1_NAME, 'srv\\supply\\x\\1\\1\\2\\12\\9:37')).to.match(/timelimit '12'/);
    expect(reasonFor(R1_NAME, 'srv\\supply\\x\\1\\1\\2\\12:00\\9:7')).to.match(/nextTimeLimit '9:7'/);
    expect(reasonFor(R1_NAME, `${HEADER_R1}\\12.5`)).to.match(/playtime_ms '12.5' is not an integer/);
  });

  it('rejects an empty file, a header-only file, and a bad file name', () => {
    const empty = parseStatsFile(R1_NAME, '');
    expect(empty).to.deep.equal({ ok: false, fileName: R1_NAME, reason: 'file is empty' });
    const headerOnly = parseStatsFile(R1_NAME, `${HEADER_R1}\n`);
    expect(headerOnly.ok).to.equal(false);
    if (!headerOnly.ok) expect(headerOnly.reason).to.match(/no valid player line/);
    const badName = parseStatsFile('supply.txt', file(HEADER_R1, PLAYER));
    expect(badName.ok).to.equal(false);
  });
});
