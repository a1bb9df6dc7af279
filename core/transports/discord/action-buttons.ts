import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { ACTION_LIMITS } from '../../commands/reply-actions';
import type { ReplyAction } from '../../plugin-api/reply';

const PREFIX = 'etbot-run:';

/**
 * A reply's actions as one row of buttons. The custom id carries the command line itself, so a
 * button works for anyone, for as long as the message exists and across restarts: pressing it is
 * the same as typing that line (the runner checks permissions, channels and cooldowns).
 */
export function actionButtons(actions: readonly ReplyAction[] | undefined): ActionRowBuilder<ButtonBuilder>[] {
  const fitting = (actions ?? []).filter((a) => a.command.length <= ACTION_LIMITS.command && a.label.length <= ACTION_LIMITS.label);
  if (fitting.length === 0) return [];
  return [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      fitting
        .slice(0, ACTION_LIMITS.count)
        .map((a) => new ButtonBuilder().setCustomId(`${PREFIX}${a.command}`).setLabel(a.label).setStyle(ButtonStyle.Secondary)),
    ),
  ];
}

export function isActionButton(customId: string): boolean {
  return customId.startsWith(PREFIX);
}

/** The command line a pressed action button runs. */
export function actionLine(customId: string): string {
  return customId.slice(PREFIX.length);
}
