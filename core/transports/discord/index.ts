export { DiscordBot, restBase, slashValues, type DiscordBotOptions, type DiscordConfig } from './discord-bot';
export { discordModule, DiscordServices } from './discord-module';
export { escapeName, stripEscapes } from '../../text/escape';
export { PlayerIndexToken, type PlayerIndex } from './player-index';
export { renderReply, NO_MENTIONS, type RenderedReply } from './render-reply';
export { slashCommandData, slashOption } from './slash-command-data';
export { discordCaller } from './caller';
