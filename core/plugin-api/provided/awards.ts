import type { RoundValueField } from '../../queries/round-values';
import type { TimeWindow } from '../../queries/time-window';
import type { Disposable } from '../disposable';
import { createServiceToken } from '../services';

/**
 * One award, declared: which per-round values it reads, how a player's rounds combine, which way
 * is best, the minimums a player must reach, how the value reads.
 */
export interface AwardDefinition {
  /** `[a-z0-9][a-z0-9-]*`, unique in the registry. */
  id: string;
  /** What the reply shows: "Most damage given". */
  title: string;
  /**
   * The per-round values it reads. Only rounds whose era carries all of them count for it; when
   * no round does, the award is skipped (never shown as 0).
   */
  fields: readonly RoundValueField[];
  /** `sum` (default): a player's rounds added up; `max`: the player's best single round. */
  aggregate?: 'sum' | 'max';
  /**
   * The value compared, from the player's combined fields; default the first field. Return null
   * to leave the player out (e.g. no shots).
   */
  value?: (fields: Readonly<Record<RoundValueField, number>>) => number | null;
  /** Default `highest`. A `highest` award whose best value is 0 is skipped (nobody did it). */
  direction?: 'highest' | 'lowest';
  /** Sums a player must reach over the rounds in scope, e.g. `{ timePlayedSeconds: 600 }` or `{ shots: 100 }`. */
  minimums?: Partial<Record<RoundValueField, number>>;
  /** How the value reads; default an integer with thousands separators. */
  format?: (value: number) => string;
}

/** Which rounds awards are given for. */
export type AwardScope = { kind: 'sessions'; sessionIds: readonly number[] } | { kind: 'window'; window: TimeWindow; map?: string };

export interface AwardWinner {
  guid: string;
  name: string;
}

export interface AwardResult {
  id: string;
  title: string;
  /** The plugin that added the award. */
  owner: string;
  value: number;
  formatted: string;
  /** Everyone who reached the winning value (ties), by name. */
  winners: AwardWinner[];
}

export interface RegisteredAward {
  owner: string;
  definition: AwardDefinition;
}

/**
 * The award registry, provided by the `awards` plugin (name it in `dependsOn` to add awards, or
 * `optionalDependsOn` to show them). Omni-bots and `[BOT]` names never win.
 */
export interface AwardRegistry {
  /** Adds an award under the plugin's id; dispose the result when the plugin goes (`api.onDispose`). */
  add(owner: string, award: AwardDefinition): Disposable;
  /** Every registered award, in registration order. */
  list(): readonly RegisteredAward[];
  /** The awards for these rounds, in registration order; skipped ones are not there. */
  compute(scope: AwardScope): Promise<AwardResult[]>;
}

export const AwardsServices = {
  Registry: createServiceToken<AwardRegistry>('awards.registry'),
} as const;

/** `**Most gibs**: snake, slasher (12)`: one line per award, names through `escape`. */
export function formatAwardLine(award: AwardResult, escape: (text: string) => string): string {
  return `**${award.title}**: ${award.winners.map((w) => escape(w.name)).join(', ')} (${award.formatted})`;
}
