import { expect } from 'chai';
import fc from 'fast-check';
import { parseFileName, parseStatsFile, type Era, type ExtendedFields } from '../../core/parsing';
import { generateFixtures } from '../../core/parsing/generator';

/** Spec §3 field names by index 0..37 (written here by hand, not taken from the parser). */
const NAMES: (keyof ExtendedFields)[] = [
  'damageGiven',
  'damageReceived',
  'teamDamageGiven',
  'teamDamageReceived',
  'gibs',
  'selfKills',
  'teamKills',
  'teamGibs',
  'alivePercent',
  'xp',
  'killingSpree',
  'deathSpree',
  'killAssists',
  'killSteals',
  'headshotKills',
  'objectivesStolen',
  'objectivesReturned',
  'dynamitesPlanted',
  'dynamitesDefused',
  'timesRevived',
  'ignoredBulletsFired',
  'ignoredDpm',
  'timePlayedMinutes',
  'ignoredTankMeatshield',
  'ignoredTimeDeadPercent',
  'timeDeadMinutes',
  'ignoredKd',
  'usefulKills',
  'deniedPlaytimeSeconds',
  'multikill2',
  'multikill3',
  'multikill4',
  'multikill5',
  'multikill6',
  'uselessKills',
  'fullSelfKills',
  'repairs',
  'revivesGiven',
];

/** File position -> spec index: era 33 puts the multikills (29-33) right after 27. */
function specIndex(era: Era, position: number): number {
  return era === 33 && position >= 28 ? position + 1 : position;
}

describe('parsing: generator output parses back to what was simulated (property)', () => {
  it('holds for many seeds, all eras, and a few zones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom<Era | undefined>(33, 36, 37, 38, undefined),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('UTC', 'Europe/Ljubljana', 'America/New_York'),
        (seed, era, sessions, timezone) => {
          const result = generateFixtures({ seed, sessions, ...(era ? { era } : {}), timezone, startDate: '2025-10-20' });
          expect(result.files.length).to.equal(result.written.length);
          result.written.forEach((w, fileIndex) => {
            const content = result.files[fileIndex]!.content;
            const r = parseStatsFile(w.name, content);
            if (!r.ok) expect.fail(`${w.name}: ${r.reason}`);
            const round = r.round;
            expect(round.warnings).to.deep.equal([]);
            expect(round.header).to.deep.include({
              map: w.header.map,
              round: w.header.round,
              defenderTeam: w.header.defenderTeam,
              winnerTeam: w.header.winnerTeam,
              timeLimit: w.header.timeLimit,
              nextTimeLimit: w.header.nextTimeLimit,
              playtimeMs: w.header.playtimeMs,
              config: w.header.config,
            });
            expect(round.players.length).to.equal(w.lines.length);
            round.players.forEach((p, i) => {
              const line = w.lines[i]!;
              expect(p.era).to.equal(w.era);
              expect([p.guid8, p.guid, p.rawName, p.cleanName, p.team]).to.deep.equal([line.guid8, line.identity, line.rawName, line.cleanName, line.team]);
              expect(p.weapons).to.deep.equal(line.weapons);
              const expected: Record<string, number | null> = Object.fromEntries(NAMES.map((n) => [n, null]));
              line.fields.forEach((v, pos) => (expected[NAMES[specIndex(w.era, pos)]!] = v));
              expect(p.ext).to.deep.equal(expected);
              expect(p.timePlayedTenths).to.equal(Math.round(line.fields[22]! * 10));
            });
          });
          for (const t of result.truth.rounds) {
            const f = parseFileName(t.file);
            if (typeof f === 'string') expect.fail(f);
            expect(f.endedAtLocal).to.equal(t.endedAt);
          }
        },
      ),
      { numRuns: 60, seed: 20251107 },
    );
  });
});
