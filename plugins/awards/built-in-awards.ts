import type { AwardDefinition } from 'etbot/plugin-api';

const ratio = (value: number) => value.toFixed(2);
const percent = (value: number) => `${value.toFixed(1)}%`;
const minutesSeconds = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
/** Ten minutes in the rounds in scope: ratios over less are luck. */
const TEN_MINUTES = { timePlayedSeconds: 600 };

/**
 * The built-in awards, in the order the reply lists them. Fields that eras lack (spec §3):
 * revivesGiven (38 only), repairs (37+), uselessKills (36+), deniedPlaytimeSeconds (37+; era 36's is inflated).
 */
export const BUILT_IN_AWARDS: readonly AwardDefinition[] = [
  { id: 'damage-given', title: 'Most damage given', fields: ['damageGiven'] },
  { id: 'damage-received', title: 'Most damage received', fields: ['damageReceived'] },
  {
    id: 'kills-per-minute',
    title: 'Most kills per minute',
    fields: ['kills', 'timePlayedSeconds'],
    value: (v) => (v.timePlayedSeconds > 0 ? (v.kills * 60) / v.timePlayedSeconds : null),
    minimums: TEN_MINUTES,
    format: ratio,
  },
  {
    id: 'kd',
    title: 'Best K/D',
    fields: ['kills', 'deaths'],
    value: (v) => (v.deaths === 0 ? v.kills : v.kills / v.deaths),
    minimums: TEN_MINUTES,
    format: ratio,
  },
  { id: 'revives-given', title: 'Most revives given', fields: ['revivesGiven'] },
  { id: 'times-revived', title: 'Most times revived', fields: ['timesRevived'] },
  { id: 'gibs', title: 'Most gibs', fields: ['gibs'] },
  { id: 'killing-spree', title: 'Longest killing spree', fields: ['killingSpree'], aggregate: 'max' },
  { id: 'death-spree', title: 'Worst death spree', fields: ['deathSpree'], aggregate: 'max' },
  { id: 'kill-assists', title: 'Most kill assists', fields: ['killAssists'] },
  { id: 'kill-steals', title: 'Most kill steals', fields: ['killSteals'] },
  { id: 'headshot-kills', title: 'Most headshot kills', fields: ['headshotKills'] },
  {
    id: 'accuracy',
    title: 'Highest accuracy',
    fields: ['hits', 'shots'],
    value: (v) => (v.shots > 0 ? (100 * v.hits) / v.shots : null),
    minimums: { shots: 100 },
    format: percent,
  },
  { id: 'headshots', title: 'Most headshots', fields: ['headshots'] },
  { id: 'playtime-denied', title: 'Most playtime denied', fields: ['deniedPlaytimeSeconds'], format: minutesSeconds },
  { id: 'useful-kills', title: 'Most useful kills', fields: ['usefulKills'] },
  { id: 'useless-kills', title: 'Most useless kills', fields: ['uselessKills'] },
  {
    id: 'least-time-dead',
    title: 'Least time dead',
    fields: ['timeDeadMinutes', 'timePlayedSeconds'],
    value: (v) => (v.timePlayedSeconds > 0 ? (100 * v.timeDeadMinutes * 60) / v.timePlayedSeconds : null),
    direction: 'lowest',
    minimums: TEN_MINUTES,
    format: (share) => `${percent(share)} of time played`,
  },
  { id: 'dynamites-planted', title: 'Most dynamites planted', fields: ['dynamitesPlanted'] },
  { id: 'dynamites-defused', title: 'Most dynamites defused', fields: ['dynamitesDefused'] },
  { id: 'objectives-stolen', title: 'Most objectives stolen', fields: ['objectivesStolen'] },
  { id: 'objectives-returned', title: 'Most objectives returned', fields: ['objectivesReturned'] },
  { id: 'repairs', title: 'Most constructions and repairs', fields: ['repairs'] },
  {
    id: 'multikills',
    title: 'Most multikills',
    fields: ['multikill2', 'multikill3', 'multikill4', 'multikill5', 'multikill6'],
    value: (v) => v.multikill2 + v.multikill3 + v.multikill4 + v.multikill5 + v.multikill6,
  },
  { id: 'self-kills', title: 'Most self kills', fields: ['selfKills'] },
  { id: 'team-damage', title: 'Most team damage', fields: ['teamDamageGiven'] },
  { id: 'xp', title: 'Most XP', fields: ['xp'] },
];
