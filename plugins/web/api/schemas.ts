// JSON schemas of the API: Fastify validates requests with them and @fastify/swagger writes the
// OpenAPI document from them. Responses list their main fields and allow the rest, so the
// document stays readable without repeating every total.

export const errorSchema = {
  type: 'object',
  description: 'Why the request failed',
  properties: { error: { type: 'string' } },
  required: ['error'],
} as const;

const errors = { 400: errorSchema, 404: errorSchema, 429: errorSchema } as const;

const openObject = (description: string, properties: Record<string, unknown> = {}) => ({ type: 'object', description, properties, additionalProperties: true });

const playerRef = { type: 'object', properties: { guid: { type: 'string' }, name: { type: 'string' } }, required: ['guid', 'name'] } as const;
const windowQuery = { type: 'string', maxLength: 40, description: 'all, 30d, 2025-10, 2025-10-05 or 2025-10-01..2025-10-31 (default all)' } as const;
const guidParams = {
  type: 'object',
  properties: { guid: { type: 'string', minLength: 1, maxLength: 160, description: 'The player GUID' } },
  required: ['guid'],
} as const;

export const searchPlayersSchema = {
  summary: 'Players whose name or an alias contains q, most recently seen first',
  tags: ['players'],
  querystring: { type: 'object', properties: { q: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['q'], additionalProperties: false },
  response: { 200: { type: 'object', properties: { query: { type: 'string' }, players: { type: 'array', items: playerRef } } }, ...errors },
} as const;

export const playerSchema = {
  summary: "A player's totals (as !stats), weapons, maps, other names and skill rating",
  tags: ['players'],
  params: guidParams,
  querystring: { type: 'object', properties: { window: windowQuery }, additionalProperties: false },
  response: {
    200: openObject('The profile', {
      player: playerRef,
      window: { type: 'string' },
      totals: openObject('Totals by the spec (kills, deaths, kd, dpm, accuracy...)'),
      display: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, value: { type: 'string' } } } },
      weapons: { type: 'array', items: openObject('Weapon totals') },
      maps: { type: 'array', items: openObject('Map totals') },
      otherNames: { type: 'array', items: { type: 'string' } },
      rating: { anyOf: [{ type: 'null' }, openObject('Skill rating (rating plugin)')] },
    }),
    ...errors,
  },
} as const;

export const historySchema = {
  summary: 'DPM and K/D per day played (counted rounds), oldest first',
  tags: ['players'],
  params: guidParams,
  response: { 200: openObject('History', { player: playerRef, points: { type: 'array', items: openObject('One day') } }), ...errors },
} as const;

export const statsSchema = {
  summary: 'The stats leaderboards rank by',
  tags: ['leaderboards'],
  response: { 200: { type: 'array', items: openObject('A stat', { key: { type: 'string' }, label: { type: 'string' } }) } },
} as const;

export const leaderboardSchema = {
  summary: 'One page of a leaderboard (as !top), over a time window',
  tags: ['leaderboards'],
  params: { type: 'object', properties: { stat: { type: 'string', maxLength: 32, description: 'kills, kd, dpm, ... or rating' } }, required: ['stat'] },
  querystring: {
    type: 'object',
    properties: {
      window: windowQuery,
      page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
      pageSize: { type: 'integer', minimum: 1, maximum: 100 },
    },
    additionalProperties: false,
  },
  response: {
    200: openObject('A page of the board', {
      stat: openObject('The stat'),
      window: { type: 'string' },
      minRounds: { type: 'integer' },
      page: { type: 'integer' },
      pageCount: { type: 'integer' },
      total: { type: 'integer' },
      entries: { type: 'array', items: openObject('A ranked player: rank, guid, name, value, display (as !top shows it)') },
    }),
    ...errors,
  },
} as const;

export const sessionListSchema = {
  summary: 'The gaming sessions of a month (default: the latest month)',
  tags: ['sessions'],
  querystring: { type: 'object', properties: { month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } }, additionalProperties: false },
  response: {
    200: openObject('Sessions', {
      month: { type: ['string', 'null'] },
      months: { type: 'array', items: { type: 'string' } },
      sessions: { type: 'array', items: openObject('A session') },
    }),
    ...errors,
  },
} as const;

export const sessionSchema = {
  summary: 'One session (number from the list, or last): maps with scores, teams, players',
  tags: ['sessions'],
  params: { type: 'object', properties: { which: { type: 'string', pattern: '^(last|[1-9][0-9]{0,8})$' } }, required: ['which'] },
  response: { 200: openObject('The session (as !session)'), ...errors },
} as const;

export const roundSchema = {
  summary: 'One round: map, time, outcome and its player rows',
  tags: ['rounds'],
  params: { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } }, required: ['id'] },
  response: { 200: openObject('The round'), ...errors },
} as const;

export const recordsSchema = {
  summary: 'All-time records (needs a records service; answers 404 with the reason without one)',
  tags: ['records'],
  response: { 404: errorSchema },
} as const;

export const extensionSchema = {
  summary: 'Routes other plugins add: /api/v1/x/<plugin id>/<path>',
  tags: ['extensions'],
  params: { type: 'object', properties: { '*': { type: 'string' } } },
  response: { 200: {}, ...errors },
} as const;
