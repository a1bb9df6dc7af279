import type { Embed, EscapeText, SessionRoundStatsService } from 'etbot/plugin-api';
import type { SessionReport } from '../summary/types';
import type { SessionTeamNames } from '../teams/carry-names';
import type { TeamNamesService } from '../teams/team-names-service';
import { missingEraFields, sumPlayerRows, type EraField, type PlayerSums } from './player-sums';
import { STAT_VIEWS, type StatViewKey } from './stat-views';
import { statViewEmbed } from './view-embed';

export interface SessionViewsDeps {
  stats: SessionRoundStatsService;
  teamNames: TeamNamesService | null;
}

/** The `!last_session` views that need every per-round field: objectives, support, sprees, combat, time. */
export class SessionViews {
  constructor(private readonly deps: SessionViewsDeps) {}

  async players(report: SessionReport): Promise<{ players: PlayerSums[]; missing: Set<EraField> }> {
    const rows = await this.deps.stats.ofSession(report.sessionId);
    const team = new Map(report.players.map((p) => [p.guid, p.team]));
    return {
      players: sumPlayerRows(
        rows,
        (guid) => team.get(guid) ?? null,
        report.players.map((p) => p.guid),
      ),
      missing: missingEraFields(rows),
    };
  }

  private async teamNames(sessionId: number): Promise<SessionTeamNames> {
    return this.deps.teamNames ? this.deps.teamNames.ofSession(sessionId) : {};
  }

  async embed(report: SessionReport, key: StatViewKey, esc: EscapeText): Promise<Embed> {
    const [{ players, missing }, names] = await Promise.all([this.players(report), this.teamNames(report.sessionId)]);
    const teamNames = { A: names.A?.name, B: names.B?.name };
    return statViewEmbed(STAT_VIEWS[key], { number: report.number, date: report.date, teamNames }, players, missing, esc);
  }
}
