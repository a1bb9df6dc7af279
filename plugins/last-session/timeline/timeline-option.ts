import type { TimelineData, TimelinePlayer } from './timeline-data';

// Big enough for 12+ lines on Discord, small enough that the PNG encodes fast (most of the render time).
export const TIMELINE_SIZE = { width: 1400, height: 900 } as const;

/** Lines drawn in colour; the others are muted so 12+ players stay readable. */
export const HIGHLIGHTED_PLAYERS = 5;

const FONT = "'DejaVu Sans', sans-serif";
const BACKGROUND = '#313338';
const TEXT = '#dbdee1';
const MUTED_TEXT = '#949ba4';
const GRID_LINE = '#3f4147';
const MUTED_LINE = '#5c6068';
const CALLER = '#ffffff';
const PALETTE = ['#5865f2', '#57f287', '#fee75c', '#f0883e', '#eb459e', '#3ba5e6', '#c27cf5'];
const MAP_BANDS = ['rgba(255,255,255,0.035)', 'rgba(255,255,255,0)'];

export interface TimelineOptionInput {
  data: TimelineData;
  title: string;
  /** The caller's GUID when linked: that line is drawn white and thick. */
  highlightGuid?: string | null;
}

/**
 * The echarts option of the timeline image: DPM per round with each highlighted player's session
 * form (dashed) on top, K/D per round below, the maps as alternating bands named along the axis.
 */
export function timelineOption({ data, title, highlightGuid }: TimelineOptionInput): Record<string, unknown> {
  const highlighted = new Set(data.players.slice(0, HIGHLIGHTED_PLAYERS).map((p) => p.guid));
  if (highlightGuid) highlighted.add(highlightGuid);
  const colours = new Map<string, string>();
  let next = 0;
  for (const p of data.players) if (highlighted.has(p.guid)) colours.set(p.guid, p.guid === highlightGuid ? CALLER : PALETTE[next++ % PALETTE.length]!);
  // Muted lines first, so the coloured ones are drawn over them.
  const order = [...data.players.filter((p) => !highlighted.has(p.guid)), ...data.players.filter((p) => highlighted.has(p.guid))];
  const labels = data.rounds.map((r) => `R${r.roundNumber}`);
  // K/D outliers of muted players (15-0 in a short round) would flatten everyone else's line.
  const kdValues = data.players.filter((p) => highlighted.has(p.guid)).flatMap((p) => p.kd.filter((v): v is number => v !== null));
  const kdMax = Math.max(2, Math.ceil(Math.max(0, ...kdValues)));
  const series: Record<string, unknown>[] = [];
  for (const p of order) {
    const colour = colours.get(p.guid);
    series.push(line(p, p.dpm, 0, colour, p.guid === highlightGuid));
    if (colour)
      series.push({ ...line(p, p.form, 0, colour, p.guid === highlightGuid), lineStyle: { color: colour, width: 2, type: 'dashed' }, symbol: 'none' });
    series.push(line(p, p.kd, 1, colour, p.guid === highlightGuid));
  }
  series.push(mapBands(data, 0), mapBands(data, 1));
  const axisCommon = { axisLine: { lineStyle: { color: MUTED_LINE } }, axisLabel: { color: MUTED_TEXT, fontSize: 13 } };
  const muted = data.players.length - highlighted.size;
  return {
    animation: false,
    backgroundColor: BACKGROUND,
    textStyle: { fontFamily: FONT, color: TEXT },
    title: [
      { text: title, left: 24, top: 16, textStyle: { color: '#f2f3f5', fontSize: 26, fontWeight: 'bold', fontFamily: FONT } },
      {
        text: `Top ${Math.min(HIGHLIGHTED_PLAYERS, data.players.length)} by session DPM in colour${muted > 0 ? `, ${muted} more in grey` : ''}${highlightGuid && highlighted.has(highlightGuid) ? ', you in white' : ''} · dashed: session form (running DPM)`,
        left: 24,
        top: 52,
        textStyle: { color: MUTED_TEXT, fontSize: 15, fontWeight: 'normal', fontFamily: FONT },
      },
      { text: 'DPM per round', left: 80, top: 112, textStyle: { color: TEXT, fontSize: 16, fontFamily: FONT } },
      { text: 'K/D per round', left: 80, top: 540, textStyle: { color: TEXT, fontSize: 16, fontFamily: FONT } },
    ],
    legend: {
      top: 84,
      left: 24,
      data: data.players.filter((p) => highlighted.has(p.guid)).map((p) => p.name),
      textStyle: { color: TEXT, fontSize: 14 },
      itemWidth: 22,
      inactiveColor: MUTED_LINE,
    },
    grid: [
      { left: 80, right: 40, top: 140, height: 360 },
      { left: 80, right: 40, top: 570, height: 270 },
    ],
    // A value axis with round i at i + 0.5, so a map's band runs from its first round's edge to its last's.
    xAxis: [0, 1].map((gridIndex) => ({
      type: 'value',
      gridIndex,
      min: 0,
      max: data.rounds.length,
      interval: 0.5,
      splitLine: { show: false },
      axisTick: { show: false },
      axisLine: axisCommon.axisLine,
      axisLabel: { ...axisCommon.axisLabel, formatter: (v: number) => (Number.isInteger(v) ? '' : (labels[Math.floor(v)] ?? '')) },
    })),
    yAxis: [0, 1].map((gridIndex) => ({
      type: 'value',
      gridIndex,
      min: 0,
      max: gridIndex === 1 ? kdMax : undefined,
      splitLine: { lineStyle: { color: GRID_LINE } },
      ...axisCommon,
    })),
    series,
  };
}

function line(p: TimelinePlayer, values: (number | null)[], grid: 0 | 1, colour: string | undefined, isCaller: boolean): Record<string, unknown> {
  return {
    type: 'line',
    name: p.name,
    xAxisIndex: grid,
    yAxisIndex: grid,
    data: values.map((v, i) => [i + 0.5, v]),
    connectNulls: true,
    silent: true,
    z: colour ? (isCaller ? 4 : 3) : 2,
    // Points on the DPM lines only: on K/D they add little and cost drawing time.
    symbol: colour && grid === 0 ? 'circle' : 'none',
    symbolSize: 7,
    itemStyle: { color: colour ?? MUTED_LINE },
    lineStyle: colour ? { color: colour, width: isCaller ? 4 : 3 } : { color: MUTED_LINE, width: 1.5, opacity: 0.55 },
  };
}

/** The maps as alternating background bands, each named at its top (in the DPM grid only). */
function mapBands(data: TimelineData, grid: 0 | 1): Record<string, unknown> {
  const bands: [Record<string, unknown>, Record<string, unknown>][] = [];
  let start = 0;
  for (let i = 1; i <= data.rounds.length; i++) {
    const round = data.rounds[start]!;
    if (i < data.rounds.length && data.rounds[i]!.map === round.map && data.rounds[i]!.roundNumber > data.rounds[i - 1]!.roundNumber) continue;
    bands.push([
      {
        xAxis: start,
        name: grid === 0 ? clip(round.map, Math.max(6, Math.floor(((i - start) * (TIMELINE_SIZE.width - 120)) / data.rounds.length / 9))) : '',
        itemStyle: { color: MAP_BANDS[bands.length % 2] },
      },
      { xAxis: i },
    ]);
    start = i;
  }
  return {
    type: 'line',
    xAxisIndex: grid,
    yAxisIndex: grid,
    data: [],
    silent: true,
    markArea: { silent: true, label: { color: TEXT, fontSize: 13, position: 'insideTop' }, data: bands },
  };
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
