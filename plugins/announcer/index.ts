import { AnnouncementServices } from '../../core/announcements';
import { CoreServices } from '../../core/app/tokens';
import { definePlugin, PLUGIN_API_VERSION } from '../../core/plugin-api';
import { SessionSummaryServices } from '../../core/session-summary';
import { announcerOptionsSchema, type AnnouncerOptions } from './options';
import { RoundAnnouncer } from './round-announcer';

export default definePlugin<AnnouncerOptions>({
  manifest: {
    id: 'announcer',
    version: '1.0.0',
    apiVersion: `^${PLUGIN_API_VERSION.split('.')[0]}.0.0`,
    description: 'Posts each new round, map results and the session summary to a channel',
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
      api.services.get(SessionSummaryServices.SessionSummary),
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
      },
    );
    api.on('round.imported', (event) => announcer.onRoundImported(event));
    api.onDispose(async () => {
      announcer.dispose();
      await announcer.idle();
    });
  },
});
