import { snowflake } from './snowflake';

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface FakeWorld {
  applicationId: string;
  bot: FakeUser;
  guildId: string;
  channelId: string;
  /** A second text channel, for channel-rule tests. */
  otherChannelId: string;
  roles: { everyone: string; admin: string; member: string };
  users: { alice: FakeUser; bob: FakeUser; admin: FakeUser };
}

/** View, send, embed links, attach files, read history, use application commands. */
export const MEMBER_PERMISSIONS = ((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 31n)).toString();

export function user(username: string, bot = false): FakeUser {
  return { id: snowflake(), username, global_name: username, discriminator: '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

export function createWorld(): FakeWorld {
  const guildId = snowflake();
  return {
    applicationId: snowflake(),
    bot: user('etbot', true),
    guildId,
    channelId: snowflake(),
    otherChannelId: snowflake(),
    roles: { everyone: guildId, admin: snowflake(), member: snowflake() },
    users: { alice: user('alice'), bob: user('bob'), admin: user('carol') },
  };
}

export function memberPayload(u: FakeUser, roleIds: readonly string[]): Record<string, unknown> {
  return {
    user: u,
    nick: null,
    roles: [...roleIds],
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    permissions: MEMBER_PERMISSIONS,
  };
}

function textChannel(world: FakeWorld, id: string, name: string, position: number): Record<string, unknown> {
  return {
    id,
    type: 0,
    guild_id: world.guildId,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
}

function role(id: string, name: string, position: number, permissions: string): Record<string, unknown> {
  return { id, name, color: 0, colors: { primary_color: 0 }, hoist: false, position, permissions, managed: false, mentionable: false, flags: 0 };
}

export function channelPayload(world: FakeWorld, channelId: string): Record<string, unknown> {
  return channelId === world.otherChannelId ? textChannel(world, channelId, 'other', 1) : textChannel(world, world.channelId, 'stats', 0);
}

export function guildPayload(world: FakeWorld): Record<string, unknown> {
  return {
    id: world.guildId,
    name: 'Fake ET Guild',
    icon: null,
    owner_id: world.users.admin.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: '2024-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 4,
    roles: [
      role(world.roles.everyone, '@everyone', 0, MEMBER_PERMISSIONS),
      role(world.roles.member, 'member', 1, '0'),
      role(world.roles.admin, 'stats-admin', 2, '0'),
    ],
    emojis: [],
    stickers: [],
    channels: [channelPayload(world, world.channelId), channelPayload(world, world.otherChannelId)],
    threads: [],
    members: [memberPayload(world.bot, [])],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
