import {
  ALL_TIME,
  describeWindow,
  findLeaderboardStat,
  formatDuration,
  formatLocalTime,
  formatRatio,
  LEADERBOARD_STATS,
  parseTimeWindow,
  UsageError,
  type Clock,
  type LeaderboardService,
  type PlayerLookupService,
  type PlayerRoundsService,
  type PlayerStatsService,
  type SessionRowsService,
  type SessionService,
  type SkillRating,
  type TimeWindow,
} from 'etbot/plugin-api';
import { boardValue, scoreText, totalsFields } from './display';
import { HttpError } from './http-error';

export interface SiteServices {
  players: PlayerLookupService;
  playerStats: PlayerStatsService;
  boards: LeaderboardService;
  sessions: SessionService;
  sessionRows: SessionRowsService;
  playerRounds: PlayerRoundsService;
  clock: Clock;
  /** The rating plugin's service while it is enabled. */
  rating: () => SkillRating | undefined;
}

const RATING_MIN_MAPS = 10;
const GUID = /^[A-Za-z0-9[\]._ -]{1,160}$/;

/** The numbers every page and API route shows, read through the same services and formatters as the commands. */
export class SiteData {
  constructor(
    private readonly s: SiteServices,
    private readonly pageSize: number,
    /** Per stat key, as the leaderboards plugin's option of the same name. */
    private readonly minRounds: Record<string, number> = {},
  ) {}

  parseWindow(text: string | undefined): TimeWindow {
    if (text === undefined || text === '') return ALL_TIME;
    try {
      const window = parseTimeWindow(text, this.s.clock.now());
      if (window) return window;
    } catch (err) {
      if (err instanceof UsageError) throw new HttpError(400, err.message);
      throw err;
    }
    throw new HttpError(400, `'${text}' is not a time window (all, 30d, 2025-10, 2025-10-05, 2025-10-01..2025-10-31)`);
  }

  stats(): { key: string; label: string; description: string; order: 'asc' | 'desc'; minRounds: number }[] {
    const list = LEADERBOARD_STATS.map((s) => ({ key: s.key, label: s.label, description: s.description, order: s.order, minRounds: s.minRounds }));
    if (!this.s.rating()) return list;
    return [
      ...list,
      { key: 'rating', label: 'skill rating', description: 'Stopwatch skill rating (minimum 10 rated maps)', order: 'desc', minRounds: RATING_MIN_MAPS },
    ];
  }

  async searchPlayers(q: string) {
    const text = q.trim();
    if (text === '') throw new HttpError(400, 'q must not be empty');
    return { query: text, players: await this.s.players.suggest(text, 25) };
  }

  private async player(guid: string) {
    if (!GUID.test(guid)) throw new HttpError(400, `'${guid}' is not a GUID`);
    const player = await this.s.players.byGuid(guid);
    if (!player) throw new HttpError(404, `no player with GUID ${guid}`);
    return player;
  }

  async profile(guid: string, windowText?: string) {
    const window = this.parseWindow(windowText);
    const player = await this.player(guid);
    // The profile reads (and caches) the weapons: asking for them after it costs no query.
    const profile = await this.s.playerStats.profile(player, window);
    const [weapons, maps] = await Promise.all([this.s.playerStats.weapons(player, window), this.s.playerStats.maps(player, window)]);
    const rating = this.s.rating();
    let ratingView = null;
    if (rating) {
      const [summary, rank] = await Promise.all([rating.player(player.guid), rating.rankOf(player.guid, { minMaps: RATING_MIN_MAPS })]);
      ratingView = {
        rating: summary.shown,
        uncertainty: summary.uncertainty,
        maps: summary.rating.maps,
        wins: summary.rating.wins,
        draws: summary.rating.draws,
        losses: summary.rating.losses,
        rank: rank?.rank ?? null,
        recent: summary.recent,
      };
    }
    return {
      player: profile.player,
      window: describeWindow(window),
      totals: profile.totals,
      display: totalsFields(profile.totals, profile.firstSeen, profile.lastSeen),
      firstSeen: profile.firstSeen,
      lastSeen: profile.lastSeen,
      favouriteMap: profile.favouriteMap,
      weapons,
      maps,
      otherNames: profile.otherNames,
      rating: ratingView,
    };
  }

  /** DPM and K/D per day the player played (counted rounds), oldest first. */
  async history(guid: string) {
    const player = await this.player(guid);
    const rows = await this.s.playerRounds.ofPlayers([player.guid]);
    const days = new Map<string, { kills: number; deaths: number; damage: number; seconds: number; rounds: number }>();
    for (const r of rows) {
      if (!r.inTotals) continue;
      const day = r.endedAtLocal.slice(0, 10);
      const d = days.get(day) ?? { kills: 0, deaths: 0, damage: 0, seconds: 0, rounds: 0 };
      d.kills += r.kills;
      d.deaths += r.deaths;
      d.damage += r.damageGiven;
      d.seconds += r.timePlayedSeconds;
      d.rounds += 1;
      days.set(day, d);
    }
    const points = [...days]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, d]) => ({
        day,
        rounds: d.rounds,
        dpm: d.seconds > 0 ? Math.round((d.damage * 6000) / d.seconds) / 100 : null,
        kd: d.deaths > 0 ? Math.round((d.kills * 100) / d.deaths) / 100 : d.kills,
      }));
    return { player, points };
  }

  async leaderboard(statText: string, options: { window?: string; page?: number; pageSize?: number }) {
    const page = options.page ?? 1;
    const pageSize = options.pageSize ?? this.pageSize;
    if (statText === 'rating') return this.ratingBoard(options.window, page, pageSize);
    const stat = findLeaderboardStat(statText);
    if (!stat) throw new HttpError(404, `no leaderboard '${statText}'; stats: ${LEADERBOARD_STATS.map((s) => s.key).join(', ')}`);
    const window = this.parseWindow(options.window);
    const board = await this.s.boards.board(stat, { window, minRounds: this.minRounds[stat.key] });
    const pageCount = Math.max(1, Math.ceil(board.entries.length / pageSize));
    if (page > pageCount) throw new HttpError(404, `there ${pageCount === 1 ? 'is 1 page' : `are ${pageCount} pages`}`);
    const entries = board.entries.slice((page - 1) * pageSize, page * pageSize).map((e) => ({
      rank: e.rank,
      guid: e.player.guid,
      name: e.player.name,
      value: e.value,
      display: boardValue(stat, e.value),
      rounds: e.totals.rounds,
      kills: e.totals.kills,
      deaths: e.totals.deaths,
      kd: formatRatio(e.totals.kd),
      dpm: formatRatio(e.totals.dpm),
      timePlayed: formatDuration(e.totals.timePlayedSeconds),
    }));
    return {
      stat: { key: stat.key, label: stat.label, order: stat.order },
      window: describeWindow(window),
      minRounds: board.minRounds,
      page,
      pageCount,
      total: board.entries.length,
      entries,
    };
  }

  private async ratingBoard(windowText: string | undefined, page: number, pageSize: number) {
    const rating = this.s.rating();
    if (!rating) throw new HttpError(404, 'the rating plugin is not enabled');
    if (this.parseWindow(windowText).kind !== 'all') throw new HttpError(400, 'the skill rating is all time only: leave out the time window');
    await rating.ready();
    const board = await rating.leaderboard({ minMaps: RATING_MIN_MAPS, offset: (page - 1) * pageSize, limit: pageSize });
    const pageCount = Math.max(1, Math.ceil(board.total / pageSize));
    if (page > pageCount) throw new HttpError(404, `there ${pageCount === 1 ? 'is 1 page' : `are ${pageCount} pages`}`);
    return {
      stat: { key: 'rating', label: 'skill rating', order: 'desc' as const },
      window: 'all time',
      minRounds: RATING_MIN_MAPS,
      page,
      pageCount,
      total: board.total,
      entries: board.rows.map((r) => ({
        rank: r.rank,
        guid: r.guid,
        name: r.name,
        value: r.rating,
        display: `${r.rating} (±${r.uncertainty}, ${r.maps} maps, ${r.wins}-${r.draws}-${r.losses})`,
        rounds: r.maps,
        kills: null,
        deaths: null,
        kd: null,
        dpm: null,
        timePlayed: null,
      })),
    };
  }

  async sessionMonths() {
    return this.s.sessions.months();
  }

  async sessionList(monthText?: string) {
    if (monthText !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(monthText)) throw new HttpError(400, `month must be YYYY-MM, got '${monthText}'`);
    const months = await this.s.sessions.months();
    const month = monthText ?? months[0] ?? null;
    const sessions = month ? await this.s.sessions.listMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))) : [];
    return {
      month,
      months,
      sessions: sessions.map((s) => ({
        ...s,
        startText: formatLocalTime(s.start),
        duration: formatDuration(s.durationSeconds),
        scoreText: scoreText(s.score),
      })),
    };
  }

  async session(which: string) {
    const detail = which === 'last' ? await this.s.sessions.last() : await this.s.sessions.byNumber(Number(which));
    if (!detail) throw new HttpError(404, which === 'last' ? 'no gaming sessions yet' : `no session #${which}`);
    return {
      ...detail,
      startText: formatLocalTime(detail.start),
      endText: formatLocalTime(detail.end),
      duration: formatDuration(detail.durationSeconds),
      scoreText: scoreText(detail.score),
      players: detail.players.map((p) => ({ ...p, kdText: formatRatio(p.kd), dpmText: formatRatio(p.dpm) })),
    };
  }

  async round(id: number) {
    const rows = await this.s.sessionRows.round(id);
    if (!rows) throw new HttpError(404, `no round ${id}`);
    const { round, partner, players } = rows;
    const ofRound = players.filter((p) => p.roundId === round.id);
    return {
      id: round.id,
      map: round.map,
      roundNumber: round.roundNumber,
      endedAt: round.endedAtLocal,
      server: round.serverName,
      sessionId: round.sessionId,
      orphan: round.orphan,
      attackersSucceeded: round.attackersSucceeded,
      partnerRoundId: partner?.id ?? null,
      players: ofRound.map((p) => ({
        guid: p.guid,
        name: p.name,
        side: p.side,
        kills: p.kills,
        deaths: p.deaths,
        damageGiven: p.damageGiven,
        timePlayedSeconds: p.timePlayedSeconds,
        inTotals: p.inTotals,
      })),
    };
  }
}
