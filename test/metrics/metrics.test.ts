import { expect } from 'chai';
import net from 'node:net';
import path from 'node:path';
import { percentile } from '../../core/metrics/percentiles';
import type { OpsMetrics } from '../../core/metrics/ops-metrics';
import { MetricsServices } from '../../core/metrics/tokens';
import { createTestBot, memoryLogger, type TestBot } from '../../core/testing';
import { FakeClock } from '../support/fake-clock';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');
const LATENCY_PLUGIN = path.resolve(__dirname, 'plugins/latency-plugin.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('percentile (nearest rank)', () => {
  it('picks the sample at rank ceil(p/100 * n)', () => {
    const samples = [100, 20, 30, 40, 50, 60, 70, 80, 90, 10];
    expect(percentile(samples, 50)).to.equal(50);
    expect(percentile(samples, 95)).to.equal(100);
    expect(percentile(samples, 90)).to.equal(90);
    expect(percentile([7], 95)).to.equal(7);
    expect(percentile([], 50)).to.equal(null);
  });
});

describe('metrics: counts, the hourly log and the Prometheus endpoint', () => {
  let bot: TestBot;
  let port: number;
  let logs: () => string;

  before(async () => {
    port = await freePort();
    const logger = memoryLogger('info');
    logs = logger.lines;
    bot = await createTestBot({
      plugins: ['admin', { path: LATENCY_PLUGIN }],
      fixtures: false,
      clock: new FakeClock(Date.UTC(2025, 2, 1, 12, 0, 0)),
      config: { metrics: { port } },
      logger: logger.logger,
    });
    // 20 fixture files imported; 10 replies of 100..1000 ms of fake time; one refusal; one failure.
    const run = (line: string, admin = true) => bot.run(line, { admin });
    await run(`!import ${FIXTURES}`);
    for (let ms = 100; ms <= 1000; ms += 100) await run(`!wait ${ms}`);
    await run('!status', false);
    await run('!boom');
    await run('!nosuchcommand');
  });
  after(async () => bot?.stop());

  it('counts imports, commands, errors and reply latency percentiles', () => {
    const metrics = bot.app.container.resolve<OpsMetrics>(MetricsServices.Metrics.id);
    const total = metrics.snapshot().total;
    // Latencies of the answered commands: import 0 ms (fake time did not move), then 100..1000.
    // p50: rank ceil(0.5 * 11) = 6 -> 500; p95: rank ceil(0.95 * 11) = 11 -> 1000.
    expect(total).to.deep.equal({ imports: 20, rejects: 0, duplicates: 0, commands: 13, errors: 1, latencyP50Ms: 500, latencyP95Ms: 1000 });
  });

  it('serves them on 127.0.0.1 for Prometheus', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).to.equal(200);
    const body = await res.text();
    expect(body).to.contain('etbot_files_total{result="imported"} 20');
    expect(body).to.contain('etbot_files_total{result="rejected"} 0');
    expect(body).to.contain('etbot_commands_total{outcome="ok"} 11');
    expect(body).to.contain('etbot_commands_total{outcome="denied"} 1');
    expect(body).to.contain('etbot_commands_total{outcome="error"} 1');
    expect(body).to.contain('etbot_errors_total 1');
    expect(body).to.contain('etbot_command_duration_seconds_count 11');
    expect(body).to.contain('etbot_command_duration_seconds_sum 5.5');
    expect(body).to.contain('etbot_cache_lookups{result="hit"}');
    expect(body).to.contain('etbot_process_resident_memory_bytes');
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).to.equal(404);
    expect(logs()).to.contain(`metrics: Prometheus endpoint on http://127.0.0.1:${port}/metrics`);
  });

  it("logs the hour's figures and starts a new window", async () => {
    await bot.runJob('admin', 'metrics-log');
    expect(logs()).to.contain(
      'metrics since 2025-03-01T12:00:00.000Z: 20 imports, 0 rejects, 0 duplicates, 13 commands (reply p50 500ms, p95 1000ms), 1 command errors, 0 failed job runs',
    );
    const metrics = bot.app.container.resolve<OpsMetrics>(MetricsServices.Metrics.id);
    expect(metrics.snapshot().window).to.include({ imports: 0, commands: 0, errors: 0, latencyP50Ms: null });
    expect(metrics.snapshot().total.commands).to.equal(13);
  });
});
