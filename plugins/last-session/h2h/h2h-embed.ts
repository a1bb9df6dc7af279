import { Colors, type Embed, type EscapeText } from 'etbot/plugin-api';
import { fitLines } from '../summary/format';
import { recordText, type Record3 } from './record';
import type { PlayersHeadToHead } from './player-head-to-head';
import type { HeadToHead } from './team-head-to-head';

const byMapLines = (rows: { map: string; record: Record3 }[], esc: EscapeText) => rows.map((r) => `**${esc(r.map)}** — ${recordText(r.record)}`);

/** `!h2h` for two sides: the first side's sessions and maps won, lost and drawn, map by map, the last five meetings. */
export function headToHeadEmbed(first: string, second: string, h: HeadToHead, esc: EscapeText, together?: PlayersHeadToHead['together']): Embed {
  const meetings = h.lastMeetings.map(
    (m) => `#${m.sessionNumber} · ${m.date} — ${m.mapsWon}-${m.mapsLost}${m.mapsDrawn ? ` (${m.mapsDrawn} drawn)` : ''} in maps`,
  );
  const fields = [
    { name: 'Sessions', value: recordText(h.sessions), inline: true },
    { name: 'Maps', value: recordText(h.maps), inline: true },
    { name: together ? 'Map by map (opposite sides)' : 'Map by map', value: fitLines(byMapLines(h.byMap, esc)) },
    { name: 'Last five meetings', value: fitLines(meetings) },
  ];
  if (together) {
    fields.push({ name: 'Same side', value: recordText(together.maps) });
    fields.push({ name: 'Map by map (same side)', value: fitLines(byMapLines(together.byMap, esc)) });
  }
  return {
    title: `${esc(first)} vs ${esc(second)}`,
    description: `From **${esc(first)}**'s side, over every session. Maps with an unknown score are left out; a session is won on maps won.`,
    color: Colors.primary,
    fields,
  };
}
