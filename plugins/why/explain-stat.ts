import { formatDuration, type Totals } from 'etbot/plugin-api';

export interface StatExplanation {
  /** How players type it: `kd`, `dpm`, ... */
  keys: readonly string[];
  label: string;
  /** The sums and the formula applied to them. */
  explain(t: Totals): string[];
}

const fixed2 = (v: number | null) => (v === null ? '-' : v.toFixed(2));
const COUNTED = (t: Totals) =>
  `Sums over ${t.rounds} counted rounds: rows with time played above 0; orphan R2s (their numbers cover two rounds) left out (spec §9 Counting).`;
const RATIO_RULE = 'Ratios come from the sums, never averaged per round, rounded half up to 2 decimals (spec §5, §9 Ratios).';

/** The `!stats` numbers `!why` can take apart. */
export const STAT_EXPLANATIONS: readonly StatExplanation[] = [
  {
    keys: ['kd', 'k/d', 'kdr'],
    label: 'K/D',
    explain: (t) => [
      t.deaths === 0 ? `K/D = kills = ${t.kills} (no deaths) = ${fixed2(t.kd)}` : `K/D = kills / deaths = ${t.kills} / ${t.deaths} = ${fixed2(t.kd)}`,
      'kills = the sum of weapon kills, deaths = the sum of deaths by weapon.',
      COUNTED(t),
      RATIO_RULE,
    ],
  },
  {
    keys: ['dpm'],
    label: 'DPM',
    explain: (t) => [
      `DPM = damage given × 60 / seconds played = ${t.damageGiven} × 60 / ${t.timePlayedSeconds} = ${fixed2(t.dpm)}`,
      `seconds played = the files' time played (0.1 min) × 60, ${formatDuration(t.timePlayedSeconds)} in all.`,
      COUNTED(t),
      RATIO_RULE,
    ],
  },
  {
    keys: ['accuracy', 'acc'],
    label: 'accuracy',
    explain: (t) => [
      `accuracy = 100 × hits / shots = 100 × ${t.hits} / ${t.shots} = ${fixed2(t.accuracy)}%`,
      'hits and shots = sums over the weapons.',
      COUNTED(t),
      RATIO_RULE,
    ],
  },
  {
    keys: ['headshots', 'hs', 'headshot%'],
    label: 'headshot %',
    explain: (t) => [`headshot % = 100 × head hits / hits = 100 × ${t.headshots} / ${t.hits} = ${fixed2(t.headshotPercent)}%`, COUNTED(t), RATIO_RULE],
  },
  {
    keys: ['efficiency', 'eff'],
    label: 'efficiency',
    explain: (t) => [
      `efficiency = 100 × kills / (kills + deaths) = 100 × ${t.kills} / (${t.kills} + ${t.deaths}) = ${fixed2(t.efficiency)}%`,
      COUNTED(t),
      RATIO_RULE,
    ],
  },
  {
    keys: ['kills'],
    label: 'kills',
    explain: (t) => [`kills = ${t.kills}: the sum of weapon kills.`, COUNTED(t)],
  },
  {
    keys: ['deaths'],
    label: 'deaths',
    explain: (t) => [`deaths = ${t.deaths}: the sum of deaths by weapon.`, COUNTED(t)],
  },
  {
    keys: ['revives'],
    label: 'revives given',
    explain: (t) => [
      t.revivesGiven === null
        ? 'revives given: unknown; none of these rounds comes from a file with the revives field (field 37, written by newer server scripts only).'
        : `revives given = ${t.revivesGiven}: the sum of field 37 over the rounds whose files have it (older files lack it and add nothing).`,
      COUNTED(t),
    ],
  },
];

export function findStatExplanation(word: string): StatExplanation | undefined {
  const key = word.toLowerCase();
  return STAT_EXPLANATIONS.find((s) => s.keys.includes(key));
}
