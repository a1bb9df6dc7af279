import { ROUND_VALUE_FIELDS, type BotRule, type AwardResult, type RegisteredAward, type RoundValueField, type RoundValueRow } from 'etbot/plugin-api';

type Sums = Record<RoundValueField, number>;

interface PlayerRows {
  guid: string;
  name: string;
  rows: RoundValueRow[];
  totals: Sums;
}

/** Ratios and shares compare at the precision they are shown with, so equal-looking values tie. */
const TIE_PRECISION = 1e-6;

/** The awards for these rows (counted rows of the rounds in scope), in the order given; bots win none unless the bot rule includes them. */
export function computeAwards(awards: readonly RegisteredAward[], rows: readonly RoundValueRow[], bots: BotRule): AwardResult[] {
  const players = groupByPlayer(rows.filter((row) => !bots.leftOut({ guid: row.guid, name: row.name, otherNames: [row.nameInRound] })));
  const results: AwardResult[] = [];
  for (const { owner, definition } of awards) {
    const direction = definition.direction ?? 'highest';
    const candidates: { player: PlayerRows; value: number }[] = [];
    for (const player of players) {
      if (!meetsMinimums(player.totals, definition.minimums)) continue;
      const carrying = player.rows.filter((row) => definition.fields.every((field) => row.values[field] !== null));
      if (carrying.length === 0) continue;
      const combined =
        definition.aggregate === 'max' ? bestRound(carrying, definition.fields) : carrying.length === player.rows.length ? player.totals : sum(carrying);
      const value = definition.value ? definition.value(combined) : combined[definition.fields[0]!];
      if (value === null || !Number.isFinite(value)) continue;
      candidates.push({ player, value });
    }
    if (candidates.length === 0) continue;
    const best = candidates.reduce((acc, c) => (direction === 'highest' ? Math.max(acc, c.value) : Math.min(acc, c.value)), candidates[0]!.value);
    if (direction === 'highest' && best <= 0) continue;
    const winners = candidates
      .filter((c) => Math.abs(c.value - best) < TIE_PRECISION)
      .map((c) => ({ guid: c.player.guid, name: c.player.name }))
      .sort((a, b) => a.name.localeCompare(b.name) || (a.guid < b.guid ? -1 : 1));
    results.push({
      id: definition.id,
      title: definition.title,
      owner,
      value: best,
      formatted: (definition.format ?? formatCount)(best),
      winners,
    });
  }
  return results;
}

function groupByPlayer(rows: readonly RoundValueRow[]): PlayerRows[] {
  const byGuid = new Map<string, RoundValueRow[]>();
  for (const row of rows) {
    const list = byGuid.get(row.guid);
    if (list) list.push(row);
    else byGuid.set(row.guid, [row]);
  }
  return [...byGuid].map(([guid, list]) => ({ guid, name: list[0]!.name, rows: list, totals: sum(list) }));
}

/** Field sums; a field no row carries stays 0 here (awards reading it only see rows that carry it). */
function sum(rows: readonly RoundValueRow[]): Sums {
  const totals = {} as Sums;
  for (const field of ROUND_VALUE_FIELDS) totals[field] = 0;
  for (const row of rows) for (const field of ROUND_VALUE_FIELDS) totals[field] += row.values[field] ?? 0;
  return totals;
}

/** The fields of the player's round with the highest first field (its other fields from the same round). */
function bestRound(rows: readonly RoundValueRow[], fields: readonly RoundValueField[]): Sums {
  const first = fields[0]!;
  const best = rows.reduce((a, b) => ((b.values[first] ?? 0) > (a.values[first] ?? 0) ? b : a));
  return sum([best]);
}

function meetsMinimums(totals: Sums, minimums: Partial<Record<RoundValueField, number>> | undefined): boolean {
  if (!minimums) return true;
  return Object.entries(minimums).every(([field, min]) => totals[field as RoundValueField] >= (min ?? 0));
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
