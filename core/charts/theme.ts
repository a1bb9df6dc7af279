/** Colours and sizes tuned for Discord's dark theme (#313338 chat, #2b2d31 cards). */
export const THEME = {
  background: '#313338',
  card: '#2b2d31',
  cardBorder: '#3f4147',
  title: '#f2f3f5',
  text: '#dbdee1',
  mutedText: '#949ba4',
  gridLine: '#3f4147',
  axisLine: '#4e5058',
  series: {
    kills: '#57f287',
    deaths: '#ed4245',
    dpm: '#5865f2',
    accuracy: '#fee75c',
    timePlayed: '#3ba5e6',
    timeDead: '#a0a4ab',
    damageGiven: '#f0883e',
    damageReceived: '#c27cf5',
    weapon: '#eb459e',
  },
  /** Two clearly different hues for the compare radar. */
  radar: ['#3ba5e6', '#f0883e'] as const,
} as const;
