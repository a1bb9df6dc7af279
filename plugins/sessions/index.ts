import { definePlugin, QueryServices, SessionsServices } from 'etbot/plugin-api';
import { SessionReplyExtensions } from './reply-extensions';
import { sessionCommand } from './session-command';
import { sessionsCommand } from './sessions-command';

export default definePlugin({
  manifest: {
    id: 'sessions',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: '!sessions and !session: gaming sessions',
  },
  requires: [QueryServices.Sessions, QueryServices.DataStatus],
  register(api) {
    const sessions = api.services.get(QueryServices.Sessions);
    const status = api.services.get(QueryServices.DataStatus);
    // Plugins naming `sessions` in optionalDependsOn add files (the last-session graphs) to `!session`.
    const extensions = new SessionReplyExtensions();
    api.provide(SessionsServices.ReplyExtensions, extensions);
    api.command(sessionsCommand(sessions, status));
    api.command(sessionCommand(sessions, status, extensions));
  },
});
