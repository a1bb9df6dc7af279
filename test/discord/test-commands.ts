import { createCanvas } from 'canvas';
import { defineCommand, type CommandDefinition } from '../../core/plugin-api/commands';
import { Colors, type Reply } from '../../core/plugin-api/reply';
import { escapeName } from '../../core/text/escape';

/** A real 4x4 PNG drawn with canvas. */
export function smallPng(): Buffer {
  const canvas = createCanvas(4, 4);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#3b82f6';
  ctx.fillRect(0, 0, 4, 4);
  return canvas.toBuffer('image/png');
}

function page(n: number, pageCount: number, timeoutSeconds?: number): Reply {
  return {
    embeds: [{ title: `Page ${n + 1}`, description: `rows ${n * 10 + 1}-${n * 10 + 10}`, color: Colors.neutral }],
    pagination: { page: n, pageCount, timeoutSeconds, goTo: async (p) => page(p, pageCount, timeoutSeconds) },
  };
}

export const echo = defineCommand({
  name: 'echo',
  aliases: ['say'],
  description: 'Repeats what you typed',
  args: [{ name: 'text', type: 'string', description: 'What to repeat', required: true }],
  run: (_ctx, args) => ({ text: `You said: ${escapeName(args.text)}` }),
});

export const card = defineCommand({
  name: 'card',
  description: 'A player card',
  args: [{ name: 'player', type: 'player', description: 'Player name', required: true }],
  run: (_ctx, args) => ({
    embeds: [
      {
        title: escapeName(args.player),
        color: Colors.primary,
        fields: [
          { name: 'Kills', value: '42', inline: true },
          { name: 'Deaths', value: '12', inline: true },
          { name: 'K/D', value: (42 / 12).toFixed(2), inline: true },
        ],
        footer: 'etbot test card',
      },
    ],
  }),
});

export const pages = defineCommand({
  name: 'pages',
  description: 'Three pages',
  run: () => page(0, 3),
});

export const shortPages = defineCommand({
  name: 'shortpages',
  description: 'Two pages whose buttons expire after one second',
  run: () => page(0, 2, 1),
});

export const boom = defineCommand({
  name: 'boom',
  description: 'Always throws',
  run: () => {
    throw new Error('kaboom: internal detail');
  },
});

export const secret = defineCommand({
  name: 'secret',
  description: 'Admins only',
  adminOnly: true,
  run: (ctx) => ({ text: `admin stuff done for ${escapeName(ctx.caller.name)}` }),
});

export const chart = defineCommand({
  name: 'chart',
  description: 'A slow command with an image',
  slow: true,
  run: async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return { embeds: [{ title: 'Chart', image: 'chart.png', color: Colors.success }], files: [{ name: 'chart.png', data: smallPng() }] };
  },
});

export const whois = defineCommand({
  name: 'whois',
  description: 'Names a Discord user',
  args: [{ name: 'user', type: 'user', description: 'A user', required: true }],
  run: (_ctx, args) => ({ text: `user id ${args.user}` }),
});

export const add = defineCommand({
  name: 'add',
  description: 'Adds an integer and a number',
  args: [
    { name: 'a', type: 'integer', description: 'Whole number', required: true, min: 0, max: 100 },
    { name: 'b', type: 'number', description: 'Any number', required: true },
    {
      name: 'mode',
      type: 'choice',
      description: 'How to show it',
      choices: [
        { name: 'Plain', value: 'plain' },
        { name: 'Fancy', value: 'fancy' },
      ],
    },
    { name: 'day', type: 'date', description: 'A day' },
  ],
  run: (_ctx, args) => ({ text: `${args.mode === 'fancy' ? '= ' : ''}${args.a + args.b}${args.day ? ` on ${args.day}` : ''}` }),
});

export const slowBoom = defineCommand({
  name: 'slowboom',
  description: 'A slow command that throws',
  slow: true,
  run: async () => {
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error('slow kaboom');
  },
});

/** A reply Discord cannot take (colour beyond 0xFFFFFF): the transport itself fails to render it. */
export const badEmbed = defineCommand({
  name: 'badembed',
  description: 'Returns an embed that cannot be rendered',
  run: () => ({ embeds: [{ title: 'broken', color: 0x1000000 }] }),
});

export const allTestCommands: CommandDefinition[] = [
  echo,
  card,
  pages,
  shortPages,
  boom,
  secret,
  chart,
  whois,
  add,
  badEmbed,
  slowBoom,
] as unknown as CommandDefinition[];
