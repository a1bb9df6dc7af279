import type { CoreModule, ModuleContext } from '../app/module';
import { HostServices } from '../app/tokens';
import type { EventBus } from '../events/event-bus';
import type { Disposable } from '../plugin-api/disposable';
import { ChartService, type ChartServiceOptions } from './chart-service';
import { ChartServices } from './tokens';

/**
 * The `charts` core slice: one ChartService for the whole app, its cache emptied whenever a
 * round is imported (graphs of the current session change with every round).
 */
export function chartsModule(options: ChartServiceOptions = {}): CoreModule {
  let service: ChartService | undefined;
  let subscription: Disposable | undefined;
  return {
    name: 'charts',
    register(ctx: ModuleContext) {
      service = new ChartService(options);
      ctx.container.register(ChartServices.Charts.id, { useValue: service });
    },
    start(ctx: ModuleContext) {
      const events = ctx.container.resolve<EventBus>(HostServices.Events.id);
      const round = events.on('round.imported', () => service?.invalidate(), 'charts');
      const identities = events.on('identities.changed', () => service?.invalidate(), 'charts');
      subscription = { dispose: () => (round.dispose(), identities.dispose()) };
    },
    stop() {
      subscription?.dispose();
      subscription = undefined;
      service?.invalidate();
    },
  };
}
