import type { EChartsCoreOption } from 'echarts';
import { chartLabel } from './labels';
import { THEME } from './theme';
import type { RadarChartData, RadarPlayerStats } from './types';
import { stripColors } from '../parsing/names';

export const RADAR_IMAGE_SIZE = { width: 1000, height: 820 } as const;

interface Axis {
  name: string;
  /** A typical good value: the axis reaches at least this far, so two weak players don't look strong. */
  reference: number;
  value: (p: RadarPlayerStats) => number | null;
  format: (v: number) => string;
}

const AXES: Axis[] = [
  { name: 'K/D', reference: 2, value: (p) => p.killDeathRatio, format: (v) => v.toFixed(2) },
  { name: 'DPM', reference: 300, value: (p) => p.dpm, format: (v) => String(Math.round(v)) },
  { name: 'Accuracy', reference: 50, value: (p) => p.accuracy, format: (v) => `${v.toFixed(1)}%` },
  { name: 'Headshot %', reference: 40, value: (p) => p.headshotPercent, format: (v) => `${v.toFixed(1)}%` },
  { name: 'Revives / round', reference: 3, value: (p) => p.revivesPerRound, format: (v) => v.toFixed(2) },
  { name: 'Objectives / round', reference: 1, value: (p) => p.objectivesPerRound, format: (v) => v.toFixed(2) },
];

/**
 * Each axis is scaled 0..1 against max(reference, 1.15 x the better player), so the spokes are
 * comparable whatever their units; the real values are written under every axis name.
 */
export function buildRadarOption(data: RadarChartData, font: string): EChartsCoreOption {
  const [a, b] = data.players;
  const names = [chartLabel(a.name, 24), chartLabel(b.name, 24)];
  // Equal cleaned names would merge in the legend; tell them apart.
  if (names[0] === names[1]) names[1] = `${names[1]} (2)`;
  const colors = THEME.radar;

  const scales = AXES.map((axis) => Math.max(axis.reference, 1.15 * Math.max(axis.value(a) ?? 0, axis.value(b) ?? 0)));
  const normalised = (p: RadarPlayerStats) => AXES.map((axis, i) => (axis.value(p) ?? 0) / scales[i]!);
  const shown = (p: RadarPlayerStats, axis: Axis) => {
    const v = axis.value(p);
    return v === null ? 'n/a' : axis.format(v);
  };

  return {
    backgroundColor: THEME.background,
    textStyle: { fontFamily: font, color: THEME.text },
    title: {
      text: stripColors(data.title).trim() || 'Compare',
      left: 'center',
      top: 22,
      textStyle: { color: THEME.title, fontSize: 28, fontWeight: 'bold', fontFamily: font },
    },
    legend: {
      data: names,
      bottom: 30,
      itemWidth: 22,
      itemHeight: 14,
      itemGap: 40,
      textStyle: { color: THEME.text, fontSize: 18, fontFamily: font },
    },
    radar: {
      center: ['50%', '51%'],
      radius: '58%',
      startAngle: 90,
      splitNumber: 4,
      shape: 'polygon',
      indicator: AXES.map((axis) => ({ name: axis.name, max: 1, min: 0 })),
      axisName: {
        fontFamily: font,
        formatter: (name: string | undefined) => {
          const axis = AXES.find((x) => x.name === name)!;
          return `{title|${name}}\n{a|${shown(a, axis)}}{sep| vs }{b|${shown(b, axis)}}`;
        },
        rich: {
          title: { color: THEME.title, fontSize: 18, fontWeight: 'bold', fontFamily: font, lineHeight: 26, align: 'center' },
          a: { color: colors[0], fontSize: 16, fontWeight: 'bold', fontFamily: font },
          b: { color: colors[1], fontSize: 16, fontWeight: 'bold', fontFamily: font },
          sep: { color: THEME.mutedText, fontSize: 14, fontFamily: font },
        },
      },
      axisNameGap: 14,
      splitLine: { lineStyle: { color: THEME.axisLine } },
      splitArea: { areaStyle: { color: [THEME.card, THEME.background] } },
      axisLine: { lineStyle: { color: THEME.axisLine } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 7,
        data: [a, b].map((p, i) => ({
          name: names[i],
          value: normalised(p),
          lineStyle: { color: colors[i], width: 3 },
          itemStyle: { color: colors[i] },
          areaStyle: { color: colors[i], opacity: 0.22 },
        })),
      },
    ],
  };
}
