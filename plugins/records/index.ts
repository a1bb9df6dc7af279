import { CoreServices, definePlugin, QueryServices } from 'etbot/plugin-api';
import { Records1766000000000 } from './data/1766000000000-records';
import { recordsEntities } from './data/entities';
import { findNewRecords } from './new-records';
import { recordsOptionsSchema, type RecordsOptions } from './options';
import { pbCommand } from './pb-command';
import { RecordBook } from './record-book';
import { recordsCommand } from './records-command';

export default definePlugin<RecordsOptions>({
  manifest: {
    id: 'records',
    version: '1.0.0',
    apiVersion: '^2.0.0',
    description: '!records and !pb: the record book (single rounds, stopwatch times per map) and personal bests',
  },
  configSchema: recordsOptionsSchema as never,
  requires: [QueryServices.RoundValues, QueryServices.MatchResults, QueryServices.PlayerResolver, QueryServices.DataStatus, QueryServices.Bots],
  entities: recordsEntities,
  migrations: [Records1766000000000],
  register(api) {
    const values = api.services.get(QueryServices.RoundValues);
    const clock = api.services.get(CoreServices.Clock);
    const bots = api.services.get(QueryServices.Bots);
    const book = new RecordBook(values, api.storage, api.logger, bots);
    const started = book.sync();
    const ready = async () => {
      await started.catch(() => undefined);
      await book.idle();
    };
    const announced = new Set<number>();

    api.on('round.imported', (event) =>
      book.roundImported(event, async () => {
        const [header] = await values.headers([event.roundId]);
        if (!header || announced.has(event.roundId)) return;
        if (Date.parse(header.endedAtUtc) < clock.now() - api.options.liveMaxAgeHours * 3_600_000) return;
        announced.add(event.roundId);
        const records = await findNewRecords(header, values, book.store, bots);
        if (records.length > 0)
          await api.emit('records.set', { roundId: header.roundId, file: header.fileName, map: header.map, endedAt: header.endedAtLocal, records });
      }),
    );
    api.on('identities.changed', (event) => book.roundsRewritten(event.roundIds));
    api.job({ name: 'sync', every: api.options.syncEvery, run: () => book.sync() });
    api.onDispose(() => book.stop());

    api.command(recordsCommand(book, ready, api.services.get(QueryServices.DataStatus), api.services.get(QueryServices.MatchResults)));
    api.command(pbCommand(values, api.services.get(QueryServices.PlayerResolver)));
  },
});
