import { writeFileSync } from 'node:fs';
import { ChartService } from '../../core/charts/chart-service';
import { sampleRadar, sampleSession } from './sample-data';

/** Writes the sample images for a human to look at: node dist/test/charts/write-samples.js */
async function main(): Promise<void> {
  const charts = new ChartService();
  const t0 = performance.now();
  writeFileSync('/tmp/etbot-session-sample.png', await charts.renderSessionImage(sampleSession(8, 12)));
  const t1 = performance.now();
  writeFileSync('/tmp/etbot-radar-sample.png', await charts.renderRadar(sampleRadar()));
  console.log(`session ${(t1 - t0).toFixed(0)} ms, radar ${(performance.now() - t1).toFixed(0)} ms`);
}

if (require.main === module) void main();
