import { AttachmentBuilder, EmbedBuilder, type ActionRowBuilder, type ButtonBuilder } from 'discord.js';
import type { Embed, Reply } from '../../plugin-api/reply';
import { actionButtons } from './action-buttons';

/** Nothing the bot sends pings anyone (see escape.ts for the escaping rule). */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

/** What every send, reply, edit and update of the transport is made of. */
export interface RenderedReply {
  content: string;
  embeds: EmbedBuilder[];
  files: AttachmentBuilder[];
  components: ActionRowBuilder<ButtonBuilder>[];
  allowedMentions: typeof NO_MENTIONS;
  /** Set on edits so the previous page's images go away. */
  attachments?: [];
}

// Discord's limits; longer text would make the whole message fail.
const LIMITS = { content: 2000, title: 256, description: 4096, fieldName: 256, fieldValue: 1024, footer: 2048, fields: 25, embeds: 10 };

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function toEmbed(embed: Embed): EmbedBuilder {
  const builder = new EmbedBuilder();
  if (embed.title) builder.setTitle(clip(embed.title, LIMITS.title));
  if (embed.description) builder.setDescription(clip(embed.description, LIMITS.description));
  if (embed.color !== undefined) builder.setColor(embed.color);
  if (embed.fields?.length) {
    builder.addFields(
      embed.fields.slice(0, LIMITS.fields).map((f) => ({
        name: clip(f.name || '\u200b', LIMITS.fieldName),
        value: clip(f.value || '\u200b', LIMITS.fieldValue),
        inline: f.inline ?? false,
      })),
    );
  }
  if (embed.footer) builder.setFooter({ text: clip(embed.footer, LIMITS.footer) });
  if (embed.image) builder.setImage(`attachment://${embed.image}`);
  return builder;
}

/** Turns a transport-neutral Reply into a discord.js message payload; its actions' buttons go below `components` (page buttons). */
export function renderReply(reply: Reply, components: ActionRowBuilder<ButtonBuilder>[] = [], mode: 'send' | 'edit' = 'send'): RenderedReply {
  const embeds = (reply.embeds ?? []).slice(0, LIMITS.embeds).map(toEmbed);
  const files = (reply.files ?? []).map((f) => new AttachmentBuilder(f.data, { name: f.name, ...(f.description ? { description: f.description } : {}) }));
  let content = clip(reply.text ?? '', LIMITS.content);
  if (!content && embeds.length === 0 && files.length === 0) content = 'Done.';
  return {
    content,
    embeds,
    files,
    components: [...components, ...actionButtons(reply.actions)],
    allowedMentions: NO_MENTIONS,
    ...(mode === 'edit' ? { attachments: [] as [] } : {}),
  };
}
