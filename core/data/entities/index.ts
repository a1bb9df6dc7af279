import { GamingSession } from './gaming-session';
import { Match } from './match';
import { Player } from './player';
import { PlayerAlias } from './player-alias';
import { PlayerRound } from './player-round';
import { Round } from './round';
import { SessionTeamMember } from './session-team-member';
import { StatsFile } from './stats-file';
import { WeaponRound } from './weapon-round';
import { FetchedRemoteFile } from './fetched-remote-file';
import { PlayerLink } from './player-link';
import { PlayerIdentity } from './player-identity';

export { GamingSession, Match, Player, PlayerAlias, PlayerIdentity, PlayerRound, Round, SessionTeamMember, StatsFile, WeaponRound };
export type { StatsFileStatus } from './stats-file';
export type { RoundStatus } from './round';
export type { Derivation } from './player-round';

/** Every core entity. Add new ones here (one line each). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes as Function
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
  PlayerIdentity,
];
