import type { Era } from '../types';
import { createCommunity, identityOf, type Member, type NameVariant } from './community';
import { cumulativeView, emptyCounters, type Counters } from './counters';
import { fileStamp, fromWallTime, isoLocal, toWallTime } from './local-time';
import { formatHeader, formatMinutesSeconds, formatPlayerLine, type HeaderValues, type WrittenLine } from './lua-format';
import { planSessions, type MapPlan, type SessionPlan } from './plan';
import { Rng } from './rng';
import { simulateRound, type Participant } from './simulate-round';
import { buildTruth, type SimRound, type SimRow, type Truth } from './truth';
import { checkConsistency } from './self-check';

export interface GenerateOptions {
  seed: number;
  sessions: number;
  /** Extended field count for every session; by default sessions cycle 37, 38, 36, 33. */
  era?: Era;
  /** Local date of the first session, 'YYYY-MM-DD' (default 2025-11-07). */
  startDate?: string;
  /** IANA zone of the simulated server clock (default 'UTC'). */
  timezone?: string;
}

export interface GeneratedFile {
  name: string;
  content: string;
}

/** What the generator wrote into one file, number by number (for round-trip tests). */
export interface WrittenFile {
  name: string;
  era: Era;
  header: HeaderValues;
  lines: (WrittenLine & { cleanName: string; identity: string })[];
}

export interface GenerateResult {
  files: GeneratedFile[];
  truth: Truth;
  written: WrittenFile[];
}

const SERVER_NAME = '^1et^7bot ^3fixture ^7server';
const CONFIG = 'legacy6';

/** The server clock's 'about 3 s after the round ended' (§1). */
const FILE_DELAY_MS = 3000;

/** Lua: roundNum((tp / 1000) / 60, 1) expressed in tenths. */
export function tenthsOfMs(ms: number): number {
  return Math.floor((ms / 1000 / 60) * 10 + 0.5);
}

/**
 * Simulates K evenings of stopwatch on one server and returns the files its Lua would have
 * written, plus the ground truth computed from the simulation (never from the files).
 */
export function generateFixtures(options: GenerateOptions): GenerateResult {
  const rng = new Rng(options.seed);
  const timezone = options.timezone ?? 'UTC';
  const members = createCommunity(rng);
  const byKey = new Map(members.map((m) => [m.key, m]));
  const plans = planSessions(rng, members, options.sessions, options.era, options.startDate ?? '2025-11-07');
  const files: GeneratedFile[] = [];
  const written: WrittenFile[] = [];
  const simRounds: SimRound[] = [];

  plans.forEach((plan, sessionIndex) => {
    const [y, mo, d] = plan.date.split('-').map(Number) as [number, number, number];
    const start = fromWallTime(
      { year: y, month: mo, day: d, hour: Math.floor(plan.startMinute / 60), minute: plan.startMinute % 60, second: rng.int(0, 59) },
      timezone,
    );
    const session = new SessionRun(rng, plan, byKey, sessionIndex + 1, start, timezone);
    for (const [mapIndex, mapPlan] of plan.maps.entries()) session.playMap(mapPlan, mapIndex);
    files.push(...session.files);
    written.push(...session.written);
    simRounds.push(...session.rounds);
  });

  const truth = buildTruth(simRounds, plans.length);
  checkConsistency(truth);
  return { files, truth, written };
}

interface Played {
  participant: Participant;
  counters: Counters;
}

class SessionRun {
  readonly files: GeneratedFile[] = [];
  readonly written: WrittenFile[] = [];
  readonly rounds: SimRound[] = [];
  private readonly teamA: string[];
  private readonly teamB: string[];
  private clock: number;

  constructor(
    private readonly rng: Rng,
    private readonly plan: SessionPlan,
    private readonly byKey: Map<string, Member>,
    private readonly sessionNumber: number,
    startMs: number,
    private readonly timezone: string,
  ) {
    this.teamA = [...plan.teamA];
    this.teamB = [...plan.teamB];
    this.clock = startMs;
  }

  playMap(mp: MapPlan, mapIndex: number): void {
    const rng = this.rng;
    const era = this.plan.era;
    const { defender, timeLimitSeconds: T, map } = mp.info;
    const attacker = (3 - defender) as 1 | 2;
    if (mp.renameAtStart) this.member(mp.renameAtStart.key).name = { ...mp.renameAtStart.name };
    const sideOfA: 1 | 2 = mapIndex % 2 === 0 ? 1 : 2;

    // Round 1
    this.clock += rng.int(60, 150) * 1000;
    const d1 = mp.r1AttackersSucceed ? rng.int(Math.round(T * 0.35), T - 5) : T;
    const r1Players = this.roundParticipants(sideOfA, d1, new Set(), undefined, undefined, mp.reconnectInR2);
    const r1Counters = simulateRound(rng, r1Players, d1 * 1000, attacker);
    const r1: Played[] = r1Players.map((participant, i) => ({ participant, counters: r1Counters[i]! }));
    const r1End = this.clock + d1 * 1000;
    const r1Header: HeaderValues = {
      serverName: SERVER_NAME,
      map,
      config: CONFIG,
      round: 1,
      defenderTeam: defender,
      winnerTeam: mp.r1WinnerUnknown ? 0 : mp.r1AttackersSucceed ? attacker : defender,
      timeLimit: formatMinutesSeconds(T),
      nextTimeLimit: formatMinutesSeconds(d1),
      playtimeMs: this.playtime(d1, mp.negativePlaytimeR1 === true),
    };
    const r1Lines = r1.map(({ participant: p, counters }) => ({
      key: p.member.key,
      line: formatPlayerLine(p.member.guid8, p.member.name.raw, 0, p.side, counters, era),
      cleanName: p.member.name.clean,
      identity: identityOf(p.member),
    }));
    let r1File: string | null = null;
    if (!mp.r1Missing) {
      r1File = this.emit(r1End, map, 1, r1Header, r1Lines);
      this.rounds.push({
        file: r1File,
        map,
        round: 1,
        endedAt: this.endedAt(r1End),
        instantMs: r1End + FILE_DELAY_MS,
        orphan: false,
        pairedWith: null,
        session: this.sessionNumber,
        rows: r1.map(({ participant: p, counters }) => this.row(p.member, tenthsOfMs(counters.teamTimeMs), counters)),
        orphanPlayers: 0,
        score: null,
      });
    }
    if (mp.noR2) {
      this.clock = r1End + rng.int(60, 150) * 1000;
      return;
    }

    // Round 2: sides swap; the time to beat is R1's.
    if (mp.leaverAfterR1) this.removeFromTeams(mp.leaverAfterR1);
    const tl2 = d1;
    const d2 = mp.r2AttackersSucceed ? rng.int(Math.round(tl2 * 0.35), tl2 - 3) : tl2;
    this.clock = r1End + rng.int(25, 40) * 1000 + rng.int(30, 90) * 1000;
    const spectator = mp.spectatorInR2?.key;
    const excluded = new Set(spectator ? [spectator] : []);
    const sub = mp.substituteInR2;
    if (sub && !this.teamA.includes(sub) && !this.teamB.includes(sub)) (this.teamA.length <= this.teamB.length ? this.teamA : this.teamB).push(sub);
    const r2Players = this.roundParticipants((3 - sideOfA) as 1 | 2, d2, excluded, mp.reconnectInR2, mp.substituteInR2);
    const r2Counters = simulateRound(rng, r2Players, d2 * 1000, attacker);
    const r2End = this.clock + d2 * 1000;
    const r1ByKey = new Map(r1.map((p) => [p.participant.member.key, p]));

    const r2Lines: { key: string; line: WrittenLine; cleanName: string; identity: string }[] = [];
    const rows: SimRow[] = [];
    let orphanPlayers = 0;
    r2Players.forEach((p, i) => {
      const c2 = r2Counters[i]!;
      const before = r1ByKey.get(p.member.key);
      const tempName = mp.r2OnlyName?.key === p.member.key ? mp.r2OnlyName.name : undefined;
      const name = tempName ?? p.member.name;
      const reconnect = mp.reconnectInR2 === p.member.key;
      let view: Counters;
      let tenths: number;
      let overrides = {};
      if (before && !reconnect) {
        view = cumulativeView(before.counters, c2);
        tenths = tenthsOfMs(view.teamTimeMs) - tenthsOfMs(before.counters.teamTimeMs);
      } else {
        view = c2; // a substitute, or a reconnect whose counters restarted
        tenths = tenthsOfMs(c2.teamTimeMs);
        // A reconnect keeps the client slot's dead-time total but restarts time played: over 100 %.
        if (reconnect) {
          overrides = { timeDeadPercent: (1000 + rng.int(50, 900)) / 10 };
          if (tenths >= tenthsOfMs(before!.counters.teamTimeMs)) throw new Error('generator: a reconnect must show less time than R1');
        }
      }
      const line = formatPlayerLine(p.member.guid8, name.raw, 1, p.side, view, era, overrides);
      r2Lines.push({ key: p.member.key, line, cleanName: name.clean, identity: identityOf(p.member) });
      rows.push(this.row(p.member, tenths, c2, name));
      if (tenthsOfMs(view.teamTimeMs) > 0) orphanPlayers++;
    });
    if (spectator) {
      const m = this.member(spectator);
      if (mp.spectatorInR2?.rename) m.name = { ...mp.spectatorInR2.rename };
      const before = r1ByKey.get(spectator)!;
      const view = cumulativeView(before.counters, emptyCounters()); // frozen R1 stats, no time added
      view.teamTimeMs = before.counters.teamTimeMs;
      view.aliveMs = before.counters.aliveMs;
      const line = formatPlayerLine(m.guid8, m.name.raw, 1, 3, view, era);
      r2Lines.push({ key: spectator, line, cleanName: m.name.clean, identity: identityOf(m) });
      rows.push(this.row(m, 0, emptyCounters()));
      if (tenthsOfMs(view.teamTimeMs) > 0) orphanPlayers++;
    }
    const r2AttackersSucceed = mp.r2AttackersSucceed;
    const r2Header: HeaderValues = {
      serverName: SERVER_NAME,
      map,
      config: CONFIG,
      round: 2,
      defenderTeam: defender,
      winnerTeam: mp.r2WinnerUnknown ? 0 : r2AttackersSucceed ? attacker : defender,
      timeLimit: formatMinutesSeconds(tl2),
      nextTimeLimit: mp.r2NextTimeLimit ?? formatMinutesSeconds(d2),
      playtimeMs: this.playtime(d2, false),
    };
    const r2File = this.emit(r2End, map, 2, r2Header, rng.shuffle(r2Lines));
    let score: SimRound['score'] = null;
    if (r1File !== null) {
      this.rounds.find((r) => r.file === r1File)!.pairedWith = r2File;
      if (r1Header.winnerTeam !== 0 && r2Header.winnerTeam !== 0) {
        if (!mp.r1AttackersSucceed && !r2AttackersSucceed) score = { r1Attackers: 1, r2Attackers: 1 };
        else if (r2AttackersSucceed) score = { r1Attackers: 0, r2Attackers: 2 };
        else score = { r1Attackers: 2, r2Attackers: 0 };
      }
    }
    this.rounds.push({
      file: r2File,
      map,
      round: 2,
      endedAt: this.endedAt(r2End),
      instantMs: r2End + FILE_DELAY_MS,
      orphan: r1File === null,
      pairedWith: r1File,
      session: this.sessionNumber,
      rows,
      orphanPlayers,
      score,
    });
    this.clock = r2End + rng.int(40, 200) * 1000;
  }

  private member(key: string): Member {
    return this.byKey.get(key)!;
  }

  private row(m: Member, tenths: number, counters: Counters, name: NameVariant = m.name): SimRow {
    return { identity: identityOf(m), cleanName: name.clean, tenths, counters, hasRevivesField: this.plan.era === 38 };
  }

  private removeFromTeams(key: string): void {
    for (const team of [this.teamA, this.teamB]) {
      const i = team.indexOf(key);
      if (i >= 0) team.splice(i, 1);
    }
  }

  /** Everyone on the two teams; a few join late; a reconnect or substitute joins part-way. */
  private roundParticipants(sideOfA: 1 | 2, durationS: number, excluded: Set<string>, reconnect?: string, substitute?: string, onTime?: string): Participant[] {
    const rng = this.rng;
    const durationMs = durationS * 1000;
    const out: Participant[] = [];
    for (const [team, side] of [
      [this.teamA, sideOfA],
      [this.teamB, (3 - sideOfA) as 1 | 2],
    ] as const) {
      for (const key of team) {
        if (excluded.has(key)) continue;
        let joinMs = 0;
        if (key === reconnect) joinMs = Math.floor(durationMs * (0.3 + 0.2 * rng.next()));
        else if (key === substitute) joinMs = Math.floor(durationMs * 0.15 * rng.next());
        else if (key !== onTime && rng.chance(0.08)) joinMs = Math.floor(durationMs * (0.05 + 0.25 * rng.next()));
        const leaveMs = durationMs - rng.int(0, 1500);
        out.push({ member: this.member(key), side, joinMs, leaveMs });
      }
    }
    return out;
  }

  private playtime(durationS: number, negative: boolean): number | null {
    if (this.plan.era !== 38) return null;
    return negative ? -this.rng.int(1000, 60000) : durationS * 1000 - this.rng.int(0, 20000);
  }

  private endedAt(roundEndMs: number): string {
    return isoLocal(toWallTime(roundEndMs + FILE_DELAY_MS, this.timezone));
  }

  private emit(
    roundEndMs: number,
    map: string,
    round: 1 | 2,
    header: HeaderValues,
    lines: { line: WrittenLine; cleanName: string; identity: string }[],
  ): string {
    const name = `${fileStamp(toWallTime(roundEndMs + FILE_DELAY_MS, this.timezone))}-${map}-round-${round}.txt`;
    const ordered = round === 1 ? this.rng.shuffle([...lines]) : lines; // Lua pairs(): any order
    this.files.push({ name, content: formatHeader(header) + ordered.map((l) => l.line.text).join('') });
    this.written.push({
      name,
      era: this.plan.era,
      header,
      lines: ordered.map((l) => ({ ...l.line, cleanName: l.cleanName, identity: l.identity })),
    });
    return name;
  }
}
