import { AnnouncementServices, AwardsServices, CoreServices, definePlugin, LastSessionServices } from 'etbot/plugin-api';
import { announcerOptionsSchema, type AnnouncerOptions } from './options';
import { RoundAnnouncer } from './round-announcer';

export default definePlugin<AnnouncerOptions>({
  manifest: {
    id: 'announcer',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: 'Posts each new round, map results and the session summary to a channel',
    // Every post (a round's too) is made of the summaries last-session provides.
    dependsOn: ['last-session'],
    // The session post names the top awards; new records are posted as the records plugin finds them.
    optionalDependsOn: ['awards', 'records'],
  },
  configSchema: announcerOptionsSchema as never,
  register(api) {
    const config = api.services.get(CoreServices.Config);
    const channelId = api.options.channelId ?? config.discord.announceChannelId;
    if (!channelId) {
      api.logger.info('announcer is off: set its channelId option or discord.announceChannelId');
      return;
    }
    const announcer = new RoundAnnouncer(
      api.services.get(LastSessionServices.SessionSummary),
      api.services.get(AnnouncementServices.Announcements),
      api.services.get(CoreServices.Clock),
      api.logger,
      {
        channelId,
        maxAgeHours: api.options.maxAgeHours,
        sessionSummary: api.options.sessionSummary,
        graceSeconds: api.options.graceSeconds,
        sessionGapMinutes: config.import.sessionGapMinutes,
        prefix: config.discord.prefix,
        awards: api.services.getOptional(AwardsServices.Registry),
      },
    );
    api.on('round.imported', (event) => announcer.onRoundImported(event));
    api.on('records.set', (event) => announcer.onRecordsSet(event));
    api.onDispose(async () => {
      announcer.dispose();
      await announcer.idle();
    });
  },
});
