import { randomBytes } from 'node:crypto';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Logger } from '../../logging/logger';
import type { Pagination, ReplyAction } from '../../plugin-api/reply';
import { escapeName } from '../../text/escape';
import { actionButtons } from './action-buttons';
import { NO_MENTIONS, renderReply, type RenderedReply } from './render-reply';

const PREFIX = 'etbot-page';
const DEFAULT_TIMEOUT_SECONDS = 120;

interface Owner {
  id: string;
  name: string;
}

/** The paged message: how to change it once it is sent. */
export type EditPagedMessage = (payload: Partial<RenderedReply>) => Promise<unknown>;

/**
 * One paged reply: prev/next buttons that only the caller may press. The buttons go away after
 * `timeoutSeconds` without a press (each press restarts the wait).
 */
export class PageSession {
  readonly id = randomBytes(6).toString('hex');
  private timer: NodeJS.Timeout | null = null;
  private edit: EditPagedMessage | null = null;

  constructor(
    private readonly sessions: PaginationSessions,
    public pagination: Pagination,
    readonly owner: Owner,
    /** The shown page's action buttons: they stay when the page buttons go. */
    public actions: ReplyAction[] | undefined,
  ) {}

  get page(): number {
    return this.pagination.page;
  }

  buttons(): ActionRowBuilder<ButtonBuilder>[] {
    const { page, pageCount } = this.pagination;
    return [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(`${PREFIX}:${this.id}:${page - 1}`)
          .setLabel('◀ Prev')
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(page <= 0),
        new ButtonBuilder()
          .setCustomId(`${PREFIX}:${this.id}:label`)
          .setLabel(`${page + 1} / ${pageCount}`)
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(true),
        new ButtonBuilder()
          .setCustomId(`${PREFIX}:${this.id}:${page + 1}`)
          .setLabel('Next ▶')
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(page >= pageCount - 1),
      ),
    ];
  }

  /** Called once the message is sent: from now on the buttons work and time out. */
  attach(edit: EditPagedMessage): void {
    this.edit = edit;
    this.restartTimer();
  }

  restartTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    const seconds = this.pagination.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    this.timer = setTimeout(() => void this.expire(), seconds * 1000);
    this.timer.unref();
  }

  async expire(removeButtons = true): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.sessions.forget(this);
    if (removeButtons && this.edit)
      await this.edit({ components: actionButtons(this.actions), allowedMentions: NO_MENTIONS }).catch((err) =>
        this.sessions.logger.warn({ err }, 'could not remove page buttons'),
      );
  }
}

/** Every open paged reply, answering presses of their buttons. */
export class PaginationSessions {
  private readonly open = new Map<string, PageSession>();

  constructor(readonly logger: Logger) {}

  /** A session for a reply with more than one page, else null. */
  create(reply: { pagination?: Pagination; actions?: ReplyAction[] }, owner: Owner): PageSession | null {
    const { pagination } = reply;
    if (!pagination || pagination.pageCount <= 1) return null;
    const session = new PageSession(this, pagination, owner, reply.actions);
    this.open.set(session.id, session);
    return session;
  }

  forget(session: PageSession): void {
    this.open.delete(session.id);
  }

  get size(): number {
    return this.open.size;
  }

  static isPageButton(customId: string): boolean {
    return customId.startsWith(`${PREFIX}:`);
  }

  async handle(interaction: ButtonInteraction): Promise<void> {
    const [, id, target] = interaction.customId.split(':');
    const session = this.open.get(id ?? '');
    if (!session) {
      await interaction.reply({
        content: 'These page buttons have expired; run the command again.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    if (interaction.user.id !== session.owner.id) {
      await interaction.reply({
        content: `Only ${escapeName(session.owner.name)} can turn these pages; run the command yourself to browse.`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const page = Number(target);
    if (!Number.isInteger(page) || page < 0 || page >= session.pagination.pageCount) {
      await interaction.deferUpdate();
      return;
    }
    session.restartTimer();
    // Deferring first keeps the 3-second answer window even when the page is an image.
    await interaction.deferUpdate();
    try {
      const next = await session.pagination.goTo(page);
      session.pagination = next.pagination ?? { ...session.pagination, page };
      session.actions = next.actions;
      await interaction.editReply(renderReply(next, session.buttons(), 'edit'));
    } catch (err) {
      this.logger.error({ err, page }, 'page change failed');
      await interaction.followUp({
        content: 'Sorry, that page could not be shown. The error was logged.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
    }
  }

  async closeAll(): Promise<void> {
    for (const session of [...this.open.values()]) await session.expire(false);
  }
}
