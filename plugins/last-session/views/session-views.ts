import type { Embed, EscapeText, SessionRoundStatsService } from 'etbot/plugin-api';
import type { SessionTeamNames } from '../teams/carry-names';
import type { TeamNamesService } from '../teams/team-names-service';
import { missingEraFields, sumPlayerRows, type EraField, type PlayerSums } from './player-sums';
import { STAT_VIEWS, type StatViewKey } from './stat-views';
import { statViewEmbed } from './view-embed';

export interface SessionViewsDeps {
  stats: SessionRoundStatsService;
  teamNames: TeamNamesService | null;
}

/**
 * The `!last_session` views that need every per-round field: objectives, support, sprees, combat,
 * time. Built from the session's rows alone (not the whole summary), so a view is two small reads.
 */
export class SessionViews {
  constructor(private readonly deps: SessionViewsDeps) {}

  async players(sessionId: number): Promise<{ players: PlayerSums[]; missing: Set<EraField> }> {
    const rows = await this.deps.stats.ofSession(sessionId);
    return { players: sumPlayerRows(rows), missing: missingEraFields(rows) };
  }

  /** The view's embed page, or null when there is no such session. */
  async embed(sessionId: number, key: StatViewKey, esc: EscapeText): Promise<Embed | null> {
    const [header, { players, missing }, names] = await Promise.all([this.deps.stats.header(sessionId), this.players(sessionId), this.teamNames(sessionId)]);
    if (!header) return null;
    const teamNames = { A: names.A?.name, B: names.B?.name };
    return statViewEmbed(STAT_VIEWS[key], { number: header.number, date: header.startLocal.slice(0, 10), teamNames }, players, missing, esc);
  }

  private async teamNames(sessionId: number): Promise<SessionTeamNames> {
    return this.deps.teamNames ? this.deps.teamNames.ofSession(sessionId) : {};
  }
}
