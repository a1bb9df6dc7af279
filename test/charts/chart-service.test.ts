import { expect } from 'chai';
import pino from 'pino';
import { container } from 'tsyringe';
import { HostServices } from '../../core/app/tokens';
import { ChartService } from '../../core/charts/chart-service';
import { chartsModule } from '../../core/charts/module';
import { ChartServices } from '../../core/charts/tokens';
import { EventBus } from '../../core/events/event-bus';
import { countingInit } from './counting-init';
import { rejection } from './rejection';
import { sampleRadar, sampleSession } from './sample-data';

const barOption = (formatter: () => string) => ({
  xAxis: { type: 'category', data: ['a', 'b'] },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', data: [1, 2], label: { show: true, formatter } }],
});

describe('charts: chart service', () => {
  it('N concurrent requests for the same session share exactly one render', async () => {
    const counter = countingInit();
    const charts = new ChartService({ init: counter.init });
    const data = sampleSession(8, 12);
    // Separate but equal objects: the default key is a hash of the data, not object identity.
    const results = await Promise.all(Array.from({ length: 8 }, () => charts.renderSessionImage(structuredClone(data))));
    expect(counter.created()).to.equal(1);
    for (const png of results) expect(png.equals(results[0]!)).to.equal(true);
    expect(charts.stats()).to.include({ renders: 1, shared: 7 });
  });

  it('requests with the same explicit cache key share a render even with different data', async () => {
    const counter = countingInit();
    const charts = new ChartService({ init: counter.init });
    await Promise.all([
      charts.renderSessionImage(sampleSession(8, 12), { cacheKey: 'last-session' }),
      charts.renderSessionImage(sampleSession(2, 6), { cacheKey: 'last-session' }),
      charts.renderRadar(sampleRadar(), { cacheKey: 'last-session' }), // other kind: own namespace
    ]);
    expect(counter.created()).to.equal(2);
  });

  it('serves the cache until invalidate(), then renders again', async () => {
    const counter = countingInit();
    const charts = new ChartService({ init: counter.init });
    const first = await charts.renderRadar(sampleRadar());
    const cached = await charts.renderRadar(sampleRadar());
    expect(counter.created()).to.equal(1);
    expect(cached).to.equal(first);
    charts.invalidate();
    const fresh = await charts.renderRadar(sampleRadar());
    expect(counter.created()).to.equal(2);
    expect(fresh.equals(first)).to.equal(true);
  });

  it('always disposes the chart, also when the option throws while drawing', async () => {
    const counter = countingInit();
    const charts = new ChartService({ init: counter.init });
    const error = await rejection(
      charts.renderOption(
        barOption(() => {
          throw new Error('formatter exploded');
        }),
        { width: 300, height: 200 },
      ),
    );
    expect(error.message).to.equal('formatter exploded');
    expect(counter.created()).to.equal(1);
    expect(counter.live()).to.equal(0);

    await charts.renderOption(
      barOption(() => 'ok'),
      { width: 300, height: 200 },
    );
    await charts.renderSessionImage(sampleSession(8, 12));
    await charts.renderRadar(sampleRadar());
    expect(counter.created()).to.equal(4);
    expect(counter.live()).to.equal(0);
  });

  it('a failed render does not stop the renders queued behind it', async () => {
    const charts = new ChartService();
    const [failed, ok] = await Promise.allSettled([
      charts.renderOption(
        barOption(() => {
          throw new Error('bad');
        }),
        { width: 200, height: 100 },
      ),
      charts.renderOption(
        barOption(() => 'fine'),
        { width: 200, height: 100 },
      ),
    ]);
    expect(failed.status).to.equal('rejected');
    expect(ok.status).to.equal('fulfilled');
  });

  it('refuses a device pixel ratio outside (0, 4]', () => {
    expect(() => new ChartService({ devicePixelRatio: 0 })).to.throw(RangeError, 'devicePixelRatio must be in (0, 4], got 0');
  });

  describe('charts core module', () => {
    it('registers the service under its token and empties the cache on round.imported', async () => {
      const counter = countingInit();
      const child = container.createChildContainer();
      const logger = pino({ level: 'silent' });
      const events = new EventBus(logger);
      child.register(HostServices.Events.id, { useValue: events });
      const module = chartsModule({ init: counter.init });
      const ctx = { container: child, logger, mode: 'test' } as unknown as Parameters<typeof module.register>[0];
      expect(module.name).to.equal('charts');
      await module.register(ctx);
      await module.start!(ctx);
      const charts = child.resolve<ChartService>(ChartServices.Charts.id);
      expect(charts).to.be.instanceOf(ChartService);

      await charts.renderRadar(sampleRadar());
      await charts.renderRadar(sampleRadar());
      expect(counter.created()).to.equal(1);
      await events.emit('round.imported', {
        roundId: 1,
        file: 'x.txt',
        serverId: 'main',
        map: 'supply',
        round: 1,
        endedAt: '2026-11-23T20:00:00Z',
        rederivedRoundIds: [],
      });
      await charts.renderRadar(sampleRadar());
      expect(counter.created()).to.equal(2);

      await module.stop!(ctx);
      expect(events.listenerCount('round.imported')).to.equal(0);
      child.dispose();
    });
  });
});
