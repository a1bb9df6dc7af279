import { ChartService } from '../core/charts/chart-service';
import { longestBlockMs } from './lib/timing';
import { sampleRadar, sampleSession } from '../test/charts/sample-data';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: number;
}

const WARMUP = 3;
const RUNS = 11;

async function medianMs(render: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await render();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await render();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Render times of the charts, cache emptied before every run so each one really draws. */
export async function benchCharts(): Promise<BenchResult[]> {
  const charts = new ChartService();
  const session = sampleSession(8, 12);
  const radar = sampleRadar();
  const sessionMs = await medianMs(() => {
    charts.invalidate();
    return charts.renderSessionImage(session);
  });
  const radarMs = await medianMs(() => {
    charts.invalidate();
    return charts.renderRadar(radar);
  });
  const cachedMs = await medianMs(() => charts.renderSessionImage(session));
  const blockedMs = await longestBlockMs(async () => {
    for (let i = 0; i < 5; i++) {
      charts.invalidate();
      await charts.renderSessionImage(session);
    }
  });
  return [
    { name: 'charts: six-graph session image, 12 players, 8 maps (median)', value: round(sessionMs), unit: 'ms', target: 400 },
    { name: 'charts: compare radar (median)', value: round(radarMs), unit: 'ms' },
    { name: 'charts: session image from cache (median)', value: round(cachedMs), unit: 'ms' },
    // What other commands wait at worst while a session image renders (PNG encoding is off-thread).
    { name: 'charts: longest event-loop block during session renders', value: round(blockedMs), unit: 'ms' },
  ];
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

if (require.main === module) {
  benchCharts().then(
    (results) => {
      for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit}${r.target !== undefined ? ` (target <= ${r.target})` : ''}`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
