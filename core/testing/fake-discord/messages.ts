import type { FakeWorld } from './fixtures';
import type { UploadedFile } from './multipart';
import { snowflake } from './snowflake';

export type MessagePayload = Record<string, any> & { id: string; channel_id: string };

interface AttachmentRef {
  id: string | number;
  filename?: string;
  description?: string;
}

/**
 * Builds message objects the way Discord answers a create/edit: the bot as author, attachments
 * made from the uploaded files (`files[N]` matches `attachments[].id === N`).
 */
export class MessageStore {
  private readonly byId = new Map<string, MessagePayload>();

  constructor(
    private readonly world: FakeWorld,
    private readonly baseUrl: () => string,
  ) {}

  get(id: string): MessagePayload | undefined {
    return this.byId.get(id);
  }

  put(message: MessagePayload): MessagePayload {
    this.byId.set(message.id, message);
    return message;
  }

  create(channelId: string, body: Record<string, any>, files: UploadedFile[], extra: Record<string, unknown> = {}): MessagePayload {
    const message: MessagePayload = {
      id: snowflake(),
      channel_id: channelId,
      guild_id: this.world.guildId,
      author: this.world.bot,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: body.message_reference ? 19 : 0,
      flags: 0,
      ...extra,
    };
    this.apply(message, body, files);
    return this.put(message);
  }

  edit(message: MessagePayload, body: Record<string, any>, files: UploadedFile[]): MessagePayload {
    this.apply(message, body, files);
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  private apply(message: MessagePayload, body: Record<string, any>, files: UploadedFile[]): void {
    for (const key of ['content', 'embeds', 'components', 'flags', 'message_reference', 'allowed_mentions'] as const) {
      if (body[key] !== undefined) message[key] = body[key];
    }
    if (Array.isArray(body.attachments)) {
      const kept: unknown[] = [];
      for (const ref of body.attachments as AttachmentRef[]) {
        const existing = (message.attachments as { id: string }[]).find((a) => a.id === String(ref.id));
        const file = files.find((f) => f.field === `files[${ref.id}]`);
        if (file) kept.push(this.attachment(file, ref.description));
        else if (existing) kept.push(existing);
      }
      message.attachments = kept;
    } else if (files.length > 0) {
      message.attachments = [...message.attachments, ...files.map((f) => this.attachment(f))];
    }
  }

  private attachment(file: UploadedFile, description?: string): Record<string, unknown> {
    const id = snowflake();
    const url = `${this.baseUrl()}/attachments/${id}/${file.name}`;
    return { id, filename: file.name, size: file.data.length, url, proxy_url: url, content_type: file.contentType, ...(description ? { description } : {}) };
  }
}
