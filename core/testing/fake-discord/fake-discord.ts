import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { channelPayload, createWorld, guildPayload, memberPayload, MEMBER_PERMISSIONS, type FakeUser, type FakeWorld } from './fixtures';
import { FakeGateway } from './gateway';
import { MessageStore, type MessagePayload } from './messages';
import { parseMultipart, type UploadedFile } from './multipart';
import { snowflake } from './snowflake';

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the `payload_json` of a multipart body; null when there was none. */
  body: any;
  files: UploadedFile[];
  /** Whether an Authorization header came with it (never its value). */
  authorized: boolean;
  /** What the fake answered (JSON), e.g. the created message with its id. */
  response?: any;
}

export interface InteractionHandle {
  id: string;
  token: string;
}

interface InteractionState {
  id: string;
  type: number;
  channelId: string;
  user: FakeUser;
  /** The message `@original` refers to: the reply, or the message a pressed button is on. */
  originalMessageId?: string;
}

type Handler = (req: RecordedRequest, params: string[]) => { status: number; json?: unknown };

const API_PREFIX = '/api/v10';

/**
 * A small Discord on 127.0.0.1 for a real discord.js client: REST under `apiUrl` and the gateway
 * on the same port. Tests inject gateway events and wait for the REST calls the bot makes.
 */
export class FakeDiscord {
  readonly world: FakeWorld = createWorld();
  readonly requests: RecordedRequest[] = [];
  readonly gateway: FakeGateway;
  /** Application commands as last written: key `global` or a guild id. */
  readonly commands = new Map<string, any[]>();

  private readonly server: Server;
  private readonly messages: MessageStore;
  private readonly interactions = new Map<string, InteractionState>();
  private readonly claimed = new Set<RecordedRequest>();
  private readonly requestEvents = new EventEmitter();
  private readonly routes: [string, RegExp, Handler][];
  private port = 0;

  /** With `token`, REST calls made with another bot token get 401, as Discord answers a wrong token. */
  constructor(private readonly options: { token?: string } = {}) {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.gateway = new FakeGateway(this.world, () => this.gatewayUrl);
    this.server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/gateway')) this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    this.messages = new MessageStore(this.world, () => `http://127.0.0.1:${this.port}/cdn`);
    this.routes = this.buildRoutes();
  }

  /** REST base for discord.js: `new Client({ rest: { api: fake.apiUrl } })`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Resolves with the first recorded request (past or future) that matches and that no earlier
   * call returned; rejects after `timeoutMs` naming what it waited for.
   */
  waitForRequest(predicate: (req: RecordedRequest) => boolean, timeoutMs = 10_000, what = 'a matching request'): Promise<RecordedRequest> {
    const take = (): RecordedRequest | undefined => {
      const found = this.requests.find((r) => !this.claimed.has(r) && predicate(r));
      if (found) this.claimed.add(found);
      return found;
    };
    const already = take();
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const onRequest = (): void => {
        const found = take();
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.requests.map((r) => `${r.method} ${r.path}`).join(', ');
        reject(new Error(`fake Discord: no ${what} within ${timeoutMs} ms; requests so far: ${seen || 'none'}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.requestEvents.off('request', onRequest);
      };
      this.requestEvents.on('request', onRequest);
    });
  }

  /** Waits for the next message the bot posts to a channel (create, not edit). */
  waitForChannelMessage(channelId = this.world.channelId, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`, timeoutMs, `message posted in ${channelId}`);
  }

  /** Waits for the bot's interaction callback (reply, defer, update, autocomplete result). */
  waitForCallback(interaction: InteractionHandle, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
      timeoutMs,
      `callback of interaction ${interaction.id}`,
    );
  }

  /** Waits for an edit of the interaction's original response (after a defer, or a page change). */
  waitForOriginalEdit(interaction: InteractionHandle, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${this.world.applicationId}/${interaction.token}/messages/@original`,
      timeoutMs,
      `edit of the original response of interaction ${interaction.id}`,
    );
  }

  /** A message the bot sent or edited, as the fake stores it. */
  message(id: string): MessagePayload | undefined {
    return this.messages.get(id);
  }

  /** The message an interaction's `@original` points to, once there is one. */
  originalMessage(interaction: InteractionHandle): MessagePayload | undefined {
    const id = this.interactions.get(interaction.token)?.originalMessageId;
    return id ? this.messages.get(id) : undefined;
  }

  // ---- gateway injection -------------------------------------------------------------------

  /** A user writes `content` in a guild channel (MESSAGE_CREATE). */
  sendUserMessage(content: string, opts: { user?: FakeUser; roleIds?: string[]; channelId?: string } = {}): MessagePayload {
    const author = opts.user ?? this.world.users.alice;
    const message: MessagePayload = {
      id: snowflake(),
      channel_id: opts.channelId ?? this.world.channelId,
      guild_id: this.world.guildId,
      author,
      member: { ...memberPayload(author, opts.roleIds ?? []), user: undefined },
      content,
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
      type: 0,
      flags: 0,
    };
    this.messages.put(message);
    this.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /** A user runs `/name` with options (INTERACTION_CREATE, application command). */
  sendSlashCommand(name: string, options: SlashOption[] = [], opts: InteractionOptions = {}): InteractionHandle {
    return this.sendInteraction(2, { ...this.commandData(name, options), resolved: this.resolvedUsers(options) }, opts);
  }

  /** A user types into an autocomplete option; mark that option `focused: true`. */
  sendAutocomplete(name: string, options: SlashOption[], opts: InteractionOptions = {}): InteractionHandle {
    return this.sendInteraction(4, this.commandData(name, options), opts);
  }

  /** A user presses a button with `customId` on a message the bot sent. */
  pressButton(messageId: string, customId: string, opts: InteractionOptions = {}): InteractionHandle {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`fake Discord: no message ${messageId} to press a button on`);
    const handle = this.sendInteraction(3, { custom_id: customId, component_type: 2 }, { channelId: message.channel_id, ...opts }, message);
    this.interactions.get(handle.token)!.originalMessageId = messageId;
    return handle;
  }

  /** The user a user option resolves to. */
  private resolvedUsers(options: SlashOption[]): Record<string, unknown> | undefined {
    const users = options.filter((o) => o.type === 6);
    if (users.length === 0) return undefined;
    const all = Object.values(this.world.users);
    const resolved: Record<string, Record<string, unknown>> = { users: {}, members: {} };
    for (const option of users) {
      const u = all.find((x) => x.id === option.value) ?? { ...this.world.users.bob, id: String(option.value) };
      resolved.users![u.id] = u;
      resolved.members![u.id] = { ...memberPayload(u, []), user: undefined };
    }
    return resolved;
  }

  private commandData(name: string, options: SlashOption[]): Record<string, unknown> {
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    return { id: registered?.id ?? snowflake(), name, type: 1, options };
  }

  private sendInteraction(type: number, data: Record<string, unknown>, opts: InteractionOptions, message?: MessagePayload): InteractionHandle {
    const user = opts.user ?? this.world.users.alice;
    const channelId = opts.channelId ?? this.world.channelId;
    const handle = { id: snowflake(), token: `tok${randomBytes(12).toString('hex')}` };
    this.interactions.set(handle.token, { id: handle.id, type, channelId, user });
    this.gateway.dispatch('INTERACTION_CREATE', {
      id: handle.id,
      application_id: this.world.applicationId,
      type,
      data,
      guild_id: this.world.guildId,
      guild: { id: this.world.guildId, locale: 'en-US', features: [] },
      channel_id: channelId,
      channel: channelPayload(this.world, channelId),
      member: memberPayload(user, opts.roleIds ?? []),
      token: handle.token,
      version: 1,
      app_permissions: MEMBER_PERMISSIONS,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.world.guildId },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
      ...(message ? { message } : {}),
    });
    return handle;
  }

  // ---- REST ---------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname),
      query: Object.fromEntries(url.searchParams),
      body: null,
      files: [],
      authorized: typeof req.headers.authorization === 'string' && req.headers.authorization.length > 0,
    };
    const type = req.headers['content-type'] ?? '';
    try {
      if (type.startsWith('multipart/form-data')) {
        const parsed = parseMultipart(raw, type);
        recorded.body = parsed.fields.payload_json ? JSON.parse(parsed.fields.payload_json) : null;
        recorded.files = parsed.files;
      } else if (raw.length > 0) {
        recorded.body = JSON.parse(raw.toString('utf8'));
      }
    } catch (err) {
      this.answer(res, 400, { message: `fake Discord: unreadable body: ${(err as Error).message}`, code: 50109 });
      return;
    }

    const wrongToken = this.options.token !== undefined && recorded.authorized && req.headers.authorization !== `Bot ${this.options.token}`;
    let result: { status: number; json?: unknown } = wrongToken
      ? { status: 401, json: { message: '401: Unauthorized', code: 0 } }
      : { status: 404, json: { message: `404: Not Found (fake Discord has no ${recorded.method} ${recorded.path})`, code: 0 } };
    for (const [method, pattern, handler] of wrongToken ? [] : this.routes) {
      const match = method === recorded.method ? pattern.exec(recorded.path) : null;
      if (match) {
        result = handler(recorded, match.slice(1));
        break;
      }
    }
    recorded.response = result.json;
    this.requests.push(recorded);
    this.answer(res, result.status, result.json);
    this.requestEvents.emit('request', recorded);
  }

  private answer(res: ServerResponse, status: number, json: unknown): void {
    if (json === undefined) {
      res.writeHead(status).end();
      return;
    }
    const body = JSON.stringify(json);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  }

  private buildRoutes(): [string, RegExp, Handler][] {
    const ok = (json: unknown) => ({ status: 200, json });
    const noContent = { status: 204 };
    const notFound = (what: string) => ({ status: 404, json: { message: `Unknown ${what}`, code: 10008 } });
    const app = this.world.applicationId;
    return [
      [
        'GET',
        /^\/gateway\/bot$/,
        () => ok({ url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }),
      ],
      ['GET', /^\/gateway$/, () => ok({ url: this.gatewayUrl })],
      ['GET', /^\/users\/@me$/, () => ok(this.world.bot)],
      [
        'GET',
        /^\/applications\/@me$/,
        () => ok({ id: app, name: 'etbot', flags: 0, bot_public: false, bot_require_code_grant: false, description: '', owner: this.world.users.admin }),
      ],
      ['GET', /^\/applications\/(\d+)\/commands$/, () => ok(this.commands.get('global') ?? [])],
      ['PUT', /^\/applications\/(\d+)\/commands$/, (r) => ok(this.overwriteCommands('global', r.body))],
      ['GET', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, (_r, [, guild]) => ok(this.commands.get(guild!) ?? [])],
      ['PUT', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, (r, [, guild]) => ok(this.overwriteCommands(guild!, r.body))],
      ['GET', /^\/guilds\/(\d+)$/, () => ok(guildPayload(this.world))],
      [
        'GET',
        /^\/guilds\/(\d+)\/members\/(\d+)$/,
        (_r, [, userId]) => {
          const u = [this.world.bot, ...Object.values(this.world.users)].find((x) => x.id === userId);
          return u ? ok(memberPayload(u, [])) : notFound('member');
        },
      ],
      ['GET', /^\/channels\/(\d+)$/, (_r, [channel]) => ok(channelPayload(this.world, channel!))],
      ['POST', /^\/channels\/(\d+)\/typing$/, () => noContent],
      ['POST', /^\/channels\/(\d+)\/messages$/, (r, [channel]) => ok(this.messages.create(channel!, r.body ?? {}, r.files))],
      ['GET', /^\/channels\/(\d+)\/messages\/(\d+)$/, (_r, [, id]) => (this.messages.get(id!) ? ok(this.messages.get(id!)) : notFound('message'))],
      [
        'PATCH',
        /^\/channels\/(\d+)\/messages\/(\d+)$/,
        (r, [, id]) => {
          const message = this.messages.get(id!);
          return message ? ok(this.messages.edit(message, r.body ?? {}, r.files)) : notFound('message');
        },
      ],
      ['DELETE', /^\/channels\/(\d+)\/messages\/(\d+)$/, () => noContent],
      ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (r, [, token]) => this.interactionCallback(r, token!)],
      [
        'GET',
        /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
        (_r, [, token]) => {
          const message = this.originalMessage({ id: '', token: token! });
          return message ? ok(message) : notFound('message');
        },
      ],
      [
        'PATCH',
        /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
        (r, [, token]) => {
          const message = this.originalMessage({ id: '', token: token! });
          return message ? ok(this.messages.edit(message, r.body ?? {}, r.files)) : notFound('message');
        },
      ],
      ['DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, () => noContent],
      [
        'POST',
        /^\/webhooks\/(\d+)\/([^/]+)$/,
        (r, [, token]) => {
          const state = this.interactions.get(token!);
          if (!state) return notFound('webhook');
          return ok(this.messages.create(state.channelId, r.body ?? {}, r.files, { webhook_id: app, application_id: app }));
        },
      ],
      [
        'PATCH',
        /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(\d+)$/,
        (r, [, , id]) => {
          const message = this.messages.get(id!);
          return message ? ok(this.messages.edit(message, r.body ?? {}, r.files)) : notFound('message');
        },
      ],
    ];
  }

  private overwriteCommands(key: string, body: unknown): any[] {
    const previous = this.commands.get(key) ?? [];
    const written = (Array.isArray(body) ? body : []).map((command: any) => ({
      type: 1,
      options: [],
      default_member_permissions: null,
      nsfw: false,
      ...command,
      id: previous.find((p) => p.name === command.name)?.id ?? snowflake(),
      application_id: this.world.applicationId,
      ...(key === 'global' ? {} : { guild_id: key }),
      version: snowflake(),
    }));
    this.commands.set(key, written);
    return written;
  }

  /** 204 with no body, as Discord answers unless `with_response=true`. */
  private interactionCallback(r: RecordedRequest, token: string): { status: number; json?: unknown } {
    const state = this.interactions.get(token);
    if (!state) return { status: 404, json: { message: 'Unknown interaction', code: 10062 } };
    const type = r.body?.type as number;
    const data = r.body?.data ?? {};
    if (type === 4 || type === 5) {
      const message = this.messages.create(state.channelId, type === 5 ? { flags: (data.flags ?? 0) | 128 } : data, r.files, {
        webhook_id: this.world.applicationId,
        application_id: this.world.applicationId,
        interaction_metadata: { id: state.id, type: state.type, user: state.user, authorizing_integration_owners: { '0': this.world.guildId } },
      });
      state.originalMessageId = message.id;
    } else if (type === 7 && state.originalMessageId) {
      this.messages.edit(this.messages.get(state.originalMessageId)!, data, r.files);
    }
    if (r.query.with_response === 'true') {
      const message = state.originalMessageId ? this.messages.get(state.originalMessageId) : undefined;
      return { status: 200, json: { interaction: { id: state.id, type: state.type }, resource: { type, ...(message ? { message } : {}) } } };
    }
    return { status: 204 };
  }
}

export interface SlashOption {
  name: string;
  /** 3 string, 4 integer, 5 boolean, 6 user, 10 number. */
  type: number;
  value: string | number | boolean;
  focused?: boolean;
}

export interface InteractionOptions {
  user?: FakeUser;
  roleIds?: string[];
  channelId?: string;
}
