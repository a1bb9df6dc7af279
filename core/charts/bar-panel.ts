import type { CellBox } from './session-layout';
import { THEME } from './theme';

export interface PanelSeries {
  name: string;
  color: string;
  /** null draws no bar and labels it "n/a". */
  values: (number | null)[];
  label: (value: number) => string;
}

export interface BarPanelSpec {
  title: string;
  categories: string[];
  series: PanelSeries[];
  axisLabel: (value: number) => string;
  /** Fixed tick spacing (e.g. whole minutes for durations); echarts picks one when absent. */
  interval?: number;
}

export interface PanelParts {
  title: object;
  legend?: object;
  grid: object;
  xAxis: object;
  yAxis: object;
  series: object[];
  graphic: object[];
}

/** Room on the right of each panel for the value written after the longest bar. */
const VALUE_LABEL_ROOM = 64;

/**
 * One horizontal bar chart inside a card: categories top to bottom, one bar per series in each
 * category, the value written after every bar when the rows are tall enough to read it.
 */
export function barPanel(spec: BarPanelSpec, cell: CellBox, index: number, canvasWidth: number, canvasHeight: number, font: string): PanelParts {
  const top = cell.y + 56;
  const bottom = cell.y + cell.height - 14;
  const rows = Math.max(1, spec.categories.length);
  const rowHeight = (bottom - top - 24) / rows;
  const barsPerRow = spec.series.length;
  const labelSize = rowHeight / barsPerRow >= 12 ? 12 : 10;
  const showValues = rowHeight / barsPerRow >= 8;
  const nameSize = rowHeight >= 22 ? 14 : rowHeight >= 16 ? 12 : 10;

  const card = {
    type: 'rect',
    shape: { x: cell.x, y: cell.y, width: cell.width, height: cell.height, r: 12 },
    style: { fill: THEME.card, stroke: THEME.cardBorder, lineWidth: 1 },
    z: -10,
  };
  const graphic: object[] = [card];
  if (spec.categories.length === 0) {
    graphic.push({
      type: 'text',
      x: cell.x + cell.width / 2,
      y: cell.y + cell.height / 2,
      style: { text: 'No data', fill: THEME.mutedText, font: `16px ${font}`, textAlign: 'center', textVerticalAlign: 'middle' },
    });
  }

  return {
    graphic,
    title: {
      text: spec.title,
      left: cell.x + 20,
      top: cell.y + 16,
      textStyle: { color: THEME.title, fontSize: 19, fontWeight: 'bold', fontFamily: font },
    },
    legend:
      barsPerRow > 1
        ? {
            data: spec.series.map((s) => s.name),
            right: canvasWidth - (cell.x + cell.width) + 20,
            top: cell.y + 18,
            itemWidth: 16,
            itemHeight: 12,
            itemGap: 18,
            textStyle: { color: THEME.text, fontSize: 14, fontFamily: font },
          }
        : undefined,
    grid: {
      left: cell.x + 16,
      right: canvasWidth - (cell.x + cell.width) + VALUE_LABEL_ROOM,
      top,
      bottom: canvasHeight - bottom,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'value',
      gridIndex: index,
      min: 0,
      splitNumber: 5,
      ...(spec.interval
        ? { interval: spec.interval, max: (e: { max: number }) => Math.max(spec.interval!, Math.ceil(e.max / spec.interval!) * spec.interval!) }
        : {}),
      axisLabel: { color: THEME.mutedText, fontSize: 12, fontFamily: font, formatter: spec.axisLabel },
      splitLine: { lineStyle: { color: THEME.gridLine } },
      axisLine: { show: false },
    },
    yAxis: {
      type: 'category',
      gridIndex: index,
      inverse: true,
      data: spec.categories,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: THEME.axisLine } },
      // interval 0: echarts would otherwise skip every other name when rows get tight.
      axisLabel: { color: THEME.text, fontSize: nameSize, fontFamily: font, margin: 10, interval: 0 },
    },
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      xAxisIndex: index,
      yAxisIndex: index,
      barGap: '12%',
      barCategoryGap: barsPerRow > 1 ? '24%' : '30%',
      barMaxWidth: barsPerRow > 1 ? 20 : 28,
      itemStyle: { color: s.color, borderRadius: [0, 3, 3, 0] },
      label: {
        show: showValues,
        position: 'right',
        distance: 5,
        color: THEME.text,
        fontSize: labelSize,
        fontFamily: font,
        formatter: (p: { value: number }) => s.label(p.value),
      },
      data: s.values.map((v) => (v === null ? { value: 0, label: { formatter: 'n/a', color: THEME.mutedText } } : v)),
    })),
  };
}
