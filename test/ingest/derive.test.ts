import { expect } from 'chai';
import { pairRounds, type PairableRound } from '../../core/ingest/derive/pairing';
import { aliveR2Only, deriveRoundPlayers, reconnected } from '../../core/ingest/derive/round-values';
import { groupSessions } from '../../core/ingest/derive/sessions';
import { attackersSucceeded, mapScore } from '../../core/ingest/derive/score';
import { persistentTeams } from '../../core/ingest/derive/teams';
import { localToUtcMs, utcIso } from '../../core/ingest/derive/local-time';
import { accuracy, dpm, kd, ratio2 } from '../../core/ingest/derive/ratios';
import type { CumulativeValues, PerRoundValues, RawPlayer } from '../../core/ingest/derive/types';

const MIN = 60_000;
const T0 = Date.UTC(2025, 10, 7, 20, 0, 0);

function round(id: number, map: string, n: number, minutes: number): PairableRound {
  return { id, map, roundNumber: n, endedAtMs: T0 + minutes * MIN, fileName: `f${String(id).padStart(3, '0')}` };
}

function player(guid: string, c: Partial<CumulativeValues>, weapons: RawPlayer['weapons'] = [], team = 1): RawPlayer {
  const cumulative: CumulativeValues = {
    kills: 0,
    deaths: 0,
    hits: 0,
    shots: 0,
    headshots: 0,
    damageGiven: 0,
    damageReceived: 0,
    teamDamageGiven: 0,
    teamDamageReceived: 0,
    gibs: 0,
    selfKills: 0,
    teamKills: 0,
    teamGibs: 0,
    alivePercent: 0,
    timePlayedTenths: 0,
    ...c,
  };
  const perRound = { xp: 7, killAssists: 2, revivesGiven: null } as unknown as PerRoundValues;
  return { guid, lineNumber: 2, rawName: guid, cleanName: guid, isBot: false, team, era: 37, weapons, cumulative, perRound };
}

describe('derivations (pure)', () => {
  describe('pairing', () => {
    it('pairs the same map, R1 strictly earlier, R2 at most the window later (inclusive)', () => {
      const pairs = pairRounds([round(1, 'supply', 1, 0), round(2, 'supply', 2, 45), round(3, 'goldrush', 1, 50), round(4, 'goldrush', 2, 95.0001)], 45);
      // 45 min exactly pairs; 45.0001 min does not.
      expect([...pairs]).to.deep.equal([[2, 1]]);
    });

    it('never pairs an R2 with an R1 ending at the same instant or later', () => {
      expect(pairRounds([round(1, 'm', 2, 0), round(2, 'm', 1, 0), round(3, 'm', 1, 5)], 45).size).to.equal(0);
    });

    it('takes the nearest candidates first, each round in at most one pair', () => {
      // R1s at 0 and 20, R2s at 25 and 40. Gaps: (0,25)=25 (0,40)=40 (20,25)=5 (20,40)=20.
      // Nearest first: (20,25) pairs; then (0,40) is the only one left with both free.
      const pairs = pairRounds([round(1, 'm', 1, 0), round(2, 'm', 1, 20), round(3, 'm', 2, 25), round(4, 'm', 2, 40)], 45);
      expect([...pairs].sort()).to.deep.equal([
        [3, 2],
        [4, 1],
      ]);
    });

    it('leaves an R2 whose only R1 is taken by a nearer R2 without a partner (an orphan)', () => {
      // R1 at 0; R2s at 10 and 30: the R2 at 10 is nearer.
      const pairs = pairRounds([round(1, 'm', 1, 0), round(2, 'm', 2, 30), round(3, 'm', 2, 10)], 45);
      expect([...pairs]).to.deep.equal([[3, 1]]);
    });
  });

  describe('R2 values', () => {
    const r1 = [
      player('A', { kills: 5, deaths: 3, hits: 20, shots: 50, damageGiven: 1000, damageReceived: 800, alivePercent: 80, timePlayedTenths: 100 }, [
        { weapon: 4, hits: 20, shots: 50, kills: 5, deaths: 3, headshots: 2 },
      ]),
      player('R', { kills: 9, deaths: 2, damageGiven: 900, damageReceived: 100, timePlayedTenths: 100 }),
      player('S', { kills: 1, deaths: 1, damageGiven: 100, damageReceived: 100, timePlayedTenths: 50 }, [], 1),
    ];
    const r2 = [
      player(
        'A',
        { kills: 12, deaths: 4, hits: 50, shots: 120, damageGiven: 2500, damageReceived: 1000, alivePercent: 70, timePlayedTenths: 199 },
        [
          { weapon: 4, hits: 30, shots: 70, kills: 8, deaths: 4, headshots: 3 },
          { weapon: 11, hits: 20, shots: 50, kills: 4, deaths: 0, headshots: 0 },
        ],
        2,
      ),
      // Kills went down (9 -> 3): reconnected, the R2 line is already R2-only.
      player('R', { kills: 3, deaths: 5, damageGiven: 950, damageReceived: 400, timePlayedTenths: 99 }),
      // Spectator with frozen R1 stats: no time in R2.
      player('S', { kills: 1, deaths: 1, damageGiven: 100, damageReceived: 100, timePlayedTenths: 50 }, [], 3),
      player('N', { kills: 2, timePlayedTenths: 40 }),
    ];

    it('subtracts cumulative values, keeps per-round values and recomputes alive %', () => {
      const [a] = deriveRoundPlayers(r2, r1, 'r2');
      expect(a!.derivation).to.equal('r2-minus-r1');
      expect(a!.cumulative).to.include({ kills: 7, deaths: 1, hits: 30, shots: 70, damageGiven: 1500, damageReceived: 200, timePlayedTenths: 99 });
      // (70 x 199 - 80 x 100) / (199 - 100) = (13930 - 8000) / 99 = 59.8989...
      expect(a!.cumulative.alivePercent).to.be.closeTo(59.899, 0.001);
      expect(a!.timePlayedSeconds).to.equal(99 * 6);
      // Weapon 4: (30-20, 70-50, 8-5, 4-3, 3-2); weapon 11 is new in R2: as written.
      expect(a!.weapons.map((w) => w.derived)).to.deep.equal([
        { weapon: 4, hits: 10, shots: 20, kills: 3, deaths: 1, headshots: 1 },
        { weapon: 11, hits: 20, shots: 50, kills: 4, deaths: 0, headshots: 0 },
      ]);
      expect(a!.raw.perRound.xp).to.equal(7);
    });

    it('takes a reconnected player, a substitute and an orphan as written; a frozen spectator has no time', () => {
      const derived = deriveRoundPlayers(r2, r1, 'r2');
      expect(derived.map((p) => p.derivation)).to.deep.equal(['r2-minus-r1', 'r2-reconnect', 'r2-minus-r1', 'r2-substitute']);
      expect(derived[1]!.cumulative).to.include({ kills: 3, deaths: 5, timePlayedTenths: 99 });
      expect(derived[2]!.counted).to.equal(false);
      expect(derived[2]!.cumulative.timePlayedTenths).to.equal(0);
      expect(derived[3]!.cumulative).to.include({ kills: 2, timePlayedTenths: 40 });
      expect(deriveRoundPlayers(r2, null, 'orphan').map((p) => [p.derivation, p.cumulative.kills])).to.deep.equal([
        ['orphan', 12],
        ['orphan', 3],
        ['orphan', 1],
        ['orphan', 2],
      ]);
    });

    it('detects a reconnect from any of kills, deaths, damage given, damage received or time going down', () => {
      const base = r1[0]!.cumulative;
      expect(reconnected(base, { ...base })).to.equal(false);
      for (const key of ['kills', 'deaths', 'damageGiven', 'damageReceived', 'timePlayedTenths'] as const) {
        expect(reconnected(base, { ...base, [key]: base[key] - 1 }), key).to.equal(true);
      }
      // Other fields going down do not count as a reconnect.
      expect(reconnected(base, { ...base, shots: base.shots - 1, gibs: -1 })).to.equal(false);
    });

    it('gives alive % 0 when there was no time in R2', () => {
      expect(aliveR2Only(80, 100, 80, 100)).to.equal(0);
    });
  });

  describe('sessions', () => {
    it('starts a new session only after a gap strictly greater than the setting', () => {
      const r = (id: number, minutes: number) => ({ id, endedAtMs: T0 + minutes * MIN, fileName: `f${id}` });
      // Gaps: 60 (same session), 60.5 (new), 10 (same).
      expect(groupSessions([r(4, 140.5), r(1, 0), r(2, 60), r(3, 120.5)], 60)).to.deep.equal([
        [1, 2],
        [3, 4],
      ]);
    });

    it('regroups when a backfilled round bridges two sessions', () => {
      const r = (id: number, minutes: number) => ({ id, endedAtMs: T0 + minutes * MIN, fileName: `f${id}` });
      expect(groupSessions([r(1, 0), r(2, 100)], 60)).to.have.length(2);
      expect(groupSessions([r(1, 0), r(2, 100), r(3, 50)], 60)).to.deep.equal([[1, 3, 2]]);
    });
  });

  describe('outcome and stopwatch score', () => {
    it('reads attackers succeeded from winnerteam != defenderteam, unknown for 0', () => {
      expect([attackersSucceeded(1, 1), attackersSucceeded(1, 2), attackersSucceeded(2, 1), attackersSucceeded(1, 0)]).to.deep.equal([false, true, true, null]);
    });

    it('scores 1-1 for two holds, 2-0 to R2 attackers who succeed, else 2-0 to R1 attackers', () => {
      expect(mapScore(false, false)).to.deep.equal({ r1Attackers: 1, r2Attackers: 1 });
      expect(mapScore(true, true)).to.deep.equal({ r1Attackers: 0, r2Attackers: 2 });
      expect(mapScore(false, true)).to.deep.equal({ r1Attackers: 0, r2Attackers: 2 });
      expect(mapScore(true, false)).to.deep.equal({ r1Attackers: 2, r2Attackers: 0 });
      expect(mapScore(null, true)).to.equal(null);
      expect(mapScore(true, null)).to.equal(null);
    });
  });

  describe('persistent teams', () => {
    it('seeds from the first R1 and places later players with the team they played beside most', () => {
      const teams = persistentTeams([
        { roundNumber: 2, players: [{ guid: 'early', team: 1 }] }, // before the first R1: placed later
        {
          roundNumber: 1,
          players: [
            { guid: 'a1', team: 1 },
            { guid: 'a2', team: 1 },
            { guid: 'b1', team: 2 },
            { guid: 'b2', team: 2 },
            { guid: 'spec', team: 3 },
          ],
        },
        // Sides swap in R2: a1, a2 now on 2; newcomer n on 2 with them -> A.
        {
          roundNumber: 2,
          players: [
            { guid: 'a1', team: 2 },
            { guid: 'a2', team: 2 },
            { guid: 'n', team: 2 },
            { guid: 'b1', team: 1 },
          ],
        },
        // m on side 1 with b2 (B) and a1 (A) and n (A): A 2, B 1 -> A.
        {
          roundNumber: 1,
          players: [
            { guid: 'b2', team: 1 },
            { guid: 'a1', team: 1 },
            { guid: 'n', team: 1 },
            { guid: 'm', team: 1 },
          ],
        },
      ]);
      expect(Object.fromEntries(teams)).to.deep.equal({ a1: 'A', a2: 'A', b1: 'B', b2: 'B', n: 'A', m: 'A', early: 'A' });
    });
  });

  describe('local time', () => {
    it('converts server local time to UTC with the zone, including DST', () => {
      expect(utcIso(localToUtcMs('2025-10-25T16:10:02', 'UTC'))).to.equal('2025-10-25T16:10:02Z');
      // Berlin: CEST (+2) in summer, CET (+1) in winter.
      expect(utcIso(localToUtcMs('2025-07-01T20:00:00', 'Europe/Berlin'))).to.equal('2025-07-01T18:00:00Z');
      expect(utcIso(localToUtcMs('2025-12-01T20:00:00', 'Europe/Berlin'))).to.equal('2025-12-01T19:00:00Z');
      // 02:30 on 2025-10-26 happens twice: the earlier (CEST) instant.
      expect(utcIso(localToUtcMs('2025-10-26T02:30:00', 'Europe/Berlin'))).to.equal('2025-10-26T00:30:00Z');
      // 02:30 on 2025-03-30 does not exist: read with the offset before the gap (+1).
      expect(utcIso(localToUtcMs('2025-03-30T02:30:00', 'Europe/Berlin'))).to.equal('2025-03-30T01:30:00Z');
    });
  });

  describe('ratios', () => {
    it('rounds half up to 2 decimals exactly', () => {
      expect(ratio2(1, 8)).to.equal(0.13); // 0.125 -> 0.13
      expect(ratio2(2, 3)).to.equal(0.67);
      expect(ratio2(1005, 1000)).to.equal(1.01); // 1.005 in binary is below 1.005; exact integers are not
      expect(kd(7, 0)).to.equal(7);
      expect(kd(45, 31)).to.equal(1.45);
      expect(accuracy(0, 0)).to.equal(null);
      expect(accuracy(103, 291)).to.equal(35.4);
      expect(dpm(2218, 594)).to.equal(224.04);
    });
  });
});
