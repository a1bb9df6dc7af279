import { GamingSession } from './gaming-session';
import { Match } from './match';
import { Player } from './player';
import { PlayerAlias } from './player-alias';
import { PlayerRound } from './player-round';
import { Round } from './round';
import { SessionTeamMember } from './session-team-member';
import { StatsFile } from './stats-file';
import { WeaponRound } from './weapon-round';
import { FetchedRemoteFile } from '../../collectors/data/fetched-remote-file';
import { PlayerLink } from '../../links/player-link';
import { AdminAction } from '../../audit/admin-action';

export { GamingSession, Match, Player, PlayerAlias, PlayerRound, Round, SessionTeamMember, StatsFile, WeaponRound };
export type { StatsFileStatus } from './stats-file';
export type { RoundStatus } from './round';
export type { Derivation } from './player-round';

/** Every core entity. Add new ones here (one line each). */
export const coreEntities: Function[] = [
  StatsFile,
  Round,
  Player,
  PlayerAlias,
  PlayerRound,
  WeaponRound,
  Match,
  GamingSession,
  SessionTeamMember,
  FetchedRemoteFile,
  PlayerLink,
  AdminAction,
];
