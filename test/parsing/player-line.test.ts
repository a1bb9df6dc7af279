import { expect } from 'chai';
import { parseStatsFile, type ParsedRound } from '../../core/parsing';
import { EXT_38, ext, file, HEADER_R1, line, R1_NAME, WEAPONS_3 } from './examples';

function parse(...lines: string[]): ParsedRound {
  const r = parseStatsFile(R1_NAME, file(HEADER_R1, ...lines));
  if (!r.ok) throw new Error(r.reason);
  return r.round;
}

const GOOD = line('ABCDEF12', '^1Sn^7ake', '1');

/** Parses GOOD plus one bad line and returns the warning for the bad one (line 3). */
function warningFor(bad: string): string {
  const round = parse(GOOD, bad);
  expect(round.players.map((p) => p.guid)).to.deep.equal(['ABCDEF12']);
  expect(round.warnings).to.have.length(1);
  expect(round.warnings[0]!.line).to.equal(3);
  return round.warnings[0]!.reason;
}

function withField(index: number, value: string): string {
  const fields = [...EXT_38];
  fields[index] = value;
  return line('12345678', 'y', '2', WEAPONS_3, fields.join('\t'));
}

describe('parsing: player lines (spec §3, §9 "Line checks")', () => {
  it('reads a 38-field line: identity, names, team, weapons in bit order, sums and every named field', () => {
    const [p] = parse(GOOD).players;
    expect(p).to.deep.include({
      lineNumber: 2,
      guid: 'ABCDEF12',
      guid8: 'ABCDEF12',
      isBot: false,
      rawName: '^1Sn^7ake',
      cleanName: 'Snake',
      team: 1,
      era: 38,
      // sums worked out in examples.ts: hits 0+100+3, shots 2+400+6, kills 0+10+2, deaths 1+5+0, hs 0+20+0
      hits: 103,
      shots: 408,
      kills: 12,
      deaths: 6,
      headshots: 20,
      timePlayedTenths: 103, // field 22 = 10.3 minutes
    });
    expect(p!.weapons).to.deep.equal([
      { weapon: 0, hits: 0, shots: 2, kills: 0, deaths: 1, headshots: 0 },
      { weapon: 4, hits: 100, shots: 400, kills: 10, deaths: 5, headshots: 20 },
      { weapon: 11, hits: 3, shots: 6, kills: 2, deaths: 0, headshots: 0 },
    ]);
    expect(p!.ext).to.deep.equal({
      damageGiven: 2500,
      damageReceived: 1800,
      teamDamageGiven: 40,
      teamDamageReceived: 30,
      gibs: 3,
      selfKills: 1,
      teamKills: 0,
      teamGibs: 0,
      alivePercent: 75.5,
      xp: 60,
      killingSpree: 4,
      deathSpree: 2,
      killAssists: 5,
      killSteals: 1,
      headshotKills: 3,
      objectivesStolen: 0,
      objectivesReturned: 1,
      dynamitesPlanted: 2,
      dynamitesDefused: 0,
      timesRevived: 4,
      ignoredBulletsFired: 500,
      ignoredDpm: 0,
      timePlayedMinutes: 10.3,
      ignoredTankMeatshield: 0,
      ignoredTimeDeadPercent: 24.5,
      timeDeadMinutes: 2.5,
      ignoredKd: 2,
      usefulKills: 9,
      deniedPlaytimeSeconds: 45,
      multikill2: 1,
      multikill3: 0,
      multikill4: 0,
      multikill5: 0,
      multikill6: 0,
      uselessKills: 2,
      fullSelfKills: 1,
      repairs: 3,
      revivesGiven: 5,
    });
  });

  it('tells the era by field count; fields an era lacks are null', () => {
    const [p37, p36, p33] = parse(
      line('AAAAAAA1', 'a', '1', WEAPONS_3, ext(37)),
      line('AAAAAAA2', 'b', '1', WEAPONS_3, ext(36)),
      line('AAAAAAA3', 'c', '1', WEAPONS_3, ext(33)),
    ).players;
    expect(p37!.era).to.equal(37);
    expect(p37!.ext).to.include({ repairs: 3, revivesGiven: null, fullSelfKills: 1, deniedPlaytimeSeconds: 45 });
    expect(p36!.era).to.equal(36);
    expect(p36!.ext).to.include({ repairs: null, revivesGiven: null, fullSelfKills: 1, uselessKills: 2 });
    // Era 33: fields 28-32 are the multikills 2..6 (here 1 0 0 0 0); no denied playtime and later.
    expect(p33!.era).to.equal(33);
    expect(p33!.ext).to.include({
      usefulKills: 9,
      multikill2: 1,
      multikill3: 0,
      deniedPlaytimeSeconds: null,
      uselessKills: null,
      fullSelfKills: null,
      repairs: null,
      revivesGiven: null,
    });
  });

  it('gives bots the identity OMNIBOT0 + clean name, so two bots are two players', () => {
    const players = parse(line('OMNIBOT0', '^7[BOT]^1Bolt', '2'), line('OMNIBOT0', '[BOT]Nut', '1')).players;
    expect(players.map((p) => [p.guid, p.guid8, p.isBot])).to.deep.equal([
      ['OMNIBOT0[BOT]Bolt', 'OMNIBOT0', true],
      ['OMNIBOT0[BOT]Nut', 'OMNIBOT0', true],
    ]);
  });

  it('keeps names with spaces, quotes, ?, / and colour codes like ^/ raw and clean', () => {
    const [a, b] = parse(line('0000000A', '^4Doc ^7"Holli^4day^7"', '1'), line('0000000B', "^/o'^?ne / two?", '3')).players;
    expect([a!.rawName, a!.cleanName]).to.deep.equal(['^4Doc ^7"Holli^4day^7"', 'Doc "Holliday"']);
    expect([b!.rawName, b!.cleanName, b!.team]).to.deep.equal(["^/o'^?ne / two?", "o'ne / two?", 3]);
  });

  it('accepts teams 0-3 and keeps a time-dead % over 100 as data', () => {
    const players = parse(
      line('00000000', 'free', '0'),
      line(
        '00000001',
        'spec',
        '3',
        WEAPONS_3,
        (() => {
          const f = [...EXT_38];
          f[24] = '136.6';
          return f.join('\t');
        })(),
      ),
    ).players;
    expect(players.map((p) => p.team)).to.deep.equal([0, 3]);
    expect(players[1]!.ext.ignoredTimeDeadPercent).to.equal(136.6);
  });

  it('accepts a mask of 0 with no weapon tokens', () => {
    const [p] = parse(line('00000000', 'idle', '1', '0')).players;
    expect(p!.weapons).to.deep.equal([]);
    expect([p!.kills, p!.shots]).to.deep.equal([0, 0]);
  });

  it('reads mask bit 27 (syringe) as weapon 27', () => {
    // 134217728 = 2^27: one weapon, 6 tokens
    const [p] = parse(line('00000000', 'medic', '2', '134217728 4 5 0 0 0')).players;
    expect(p!.weapons).to.deep.equal([{ weapon: 27, hits: 4, shots: 5, kills: 0, deaths: 0, headshots: 0 }]);
  });

  describe('skips a bad line with a warning naming the line and the reason', () => {
    it('too few backslash fields', () => {
      expect(warningFor('ABCDEF13\\name\\0\\1')).to.match(/fewer than 5/);
    });
    it('GUID not 8 upper-case hex digits', () => {
      expect(warningFor(line('abcdef12', 'x', '1'))).to.match(/GUID 'abcdef12'/);
      expect(warningFor(line('ABCDEF1', 'x', '1'))).to.match(/GUID 'ABCDEF1'/);
      expect(warningFor(line('ABCDEF1G', 'x', '1'))).to.match(/GUID/);
      expect(warningFor(line('OMNIBOT1', 'x', '1'))).to.match(/GUID/);
    });
    it('team outside 0-3', () => {
      expect(warningFor(line('ABCDEF13', 'x', '4'))).to.match(/team '4' is not 0-3/);
      expect(warningFor(line('ABCDEF13', 'x', '11'))).to.match(/team '11'/);
      expect(warningFor(line('ABCDEF13', 'x', ''))).to.match(/team ''/);
    });
    it('token count that does not fit the mask', () => {
      expect(warningFor(line('ABCDEF13', 'x', '1', '2065 0 2 0 1 0 100 400 10 5 20 3 6 2 0'))).to.equal(
        'weapon block has 15 tokens, expected 16 for mask 2065',
      );
      expect(warningFor(line('ABCDEF13', 'x', '1', `${WEAPONS_3} 7`))).to.equal('weapon block has 17 tokens, expected 16 for mask 2065');
    });
    it('mask bits above 27', () => {
      expect(warningFor(line('ABCDEF13', 'x', '1', '268435456 1 1 1 1 1'))).to.match(/mask 268435456 has bits above 27/);
    });
    it('weapon tokens that are not non-negative integers', () => {
      for (const bad of ['2065 0 2 0 1 0 100 400 10 5 20 3 6 2 0 -1', '2065 0 2 0 1 0 100 400.5 10 5 20 3 6 2 0 0', '2065 x', '2065  0 2']) {
        expect(warningFor(line('ABCDEF13', 'x', '1', bad)), bad).to.match(/is not a non-negative integer/);
      }
      expect(warningFor(line('ABCDEF13', 'x', '1', '2065 0 2 0 1 0 100 99999999999 10 5 20 3 6 2 0 0'))).to.match(/out of range/);
    });
    it('an unknown extended field count', () => {
      expect(warningFor(line('ABCDEF13', 'x', '1', WEAPONS_3, EXT_38.slice(0, 35).join('\t')))).to.equal(
        'line has 35 extended fields, expected 33, 36, 37 or 38',
      );
      expect(warningFor(line('ABCDEF13', 'x', '1', WEAPONS_3, [...EXT_38, '0'].join('\t')))).to.match(/more than 38/);
      expect(warningFor(`ABCDEF13\\x\\0\\1\\${WEAPONS_3}`)).to.match(/no extended fields/);
    });
    it('an extended field that is not a decimal number', () => {
      for (const bad of ['abc', '1e5', 'nan', '-nan', '', '1.', '.5', '1.2.3', '+1']) {
        expect(warningFor(withField(23, bad)), bad).to.match(/extended field 23 .* is not a decimal number/);
      }
    });
    it('a count field that is not integral (0-7, 9, 12, 17, 19, 37)', () => {
      for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 17, 19, 37]) {
        expect(warningFor(withField(i, '2.5')), `field ${i}`).to.equal(`extended field ${i} '2.5' must be an integer`);
      }
    });
    it('a second line for the same GUID (the first is kept)', () => {
      const round = parse(GOOD, line('ABCDEF12', 'other name', '2'));
      expect(round.players).to.have.length(1);
      expect(round.players[0]!.cleanName).to.equal('Snake');
      expect(round.warnings).to.deep.equal([{ line: 3, reason: 'second line for player ABCDEF12 in this file' }]);
    });
    it('an empty line that is not the final newline', () => {
      const round = parse(GOOD, '', line('12345678', 'y', '2'));
      expect(round.players.map((p) => p.lineNumber)).to.deep.equal([2, 4]);
      expect(round.warnings).to.deep.equal([{ line: 3, reason: 'empty line' }]);
      const trailing = parseStatsFile(R1_NAME, `${HEADER_R1}\n${GOOD}\n\n`);
      if (!trailing.ok) throw new Error(trailing.reason);
      expect(trailing.round.warnings).to.deep.equal([{ line: 3, reason: 'empty line' }]);
    });
  });

  it('accepts decimals written as integers and integral values written with .0 in count fields', () => {
    const [p] = parse(withField(0, '2500.0')).players;
    expect(p!.ext.damageGiven).to.equal(2500);
    const [q] = parse(withField(10, '4.5')).players; // killing spree is not in the integral list
    expect(q!.ext.killingSpree).to.equal(4.5);
  });

  it('rejects a file none of whose lines is valid, naming the first problem', () => {
    const r = parseStatsFile(R1_NAME, file(HEADER_R1, line('ABCDEF13', 'x', '9')));
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.reason).to.equal("file has no valid player line: none of 1 player lines is valid (line 2: team '9' is not 0-3)");
  });

  it('reads a file without a final newline, and LF and CRLF the same way', () => {
    const lf = `${HEADER_R1}\n${GOOD}\n${line('12345678', 'y', '2')}\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const noFinal = lf.slice(0, -1);
    const a = parseStatsFile(R1_NAME, lf);
    expect(parseStatsFile(R1_NAME, crlf)).to.deep.equal(a);
    expect(parseStatsFile(R1_NAME, noFinal)).to.deep.equal(a);
    expect(parseStatsFile(R1_NAME, Buffer.from(crlf))).to.deep.equal(a);
    if (!a.ok) throw new Error(a.reason);
    expect(a.round.players).to.have.length(2);
    expect(a.round.warnings).to.deep.equal([]);
  });

  it('decodes a Buffer as UTF-8', () => {
    const r = parseStatsFile(R1_NAME, Buffer.from(file(HEADER_R1, line('ABCDEF12', '^2Grün^7wald', '1')), 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.round.players[0]!.cleanName).to.equal('Grünwald');
  });
});
