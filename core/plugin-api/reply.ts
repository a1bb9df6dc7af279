/** Transport-neutral reply: the console prints it, Discord turns it into embeds, files and buttons. */
export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  title?: string;
  description?: string;
  /** 0xRRGGBB */
  color?: number;
  fields?: EmbedField[];
  footer?: string;
  /** Name of a file in the reply's `files` to show inside the embed. */
  image?: string;
}

export interface ReplyFile {
  /** File name with extension, e.g. `last-session.png`. */
  name: string;
  data: Buffer;
  description?: string;
}

export interface Pagination {
  /** 0-based index of the page this reply shows. */
  page: number;
  pageCount: number;
  /** Builds the reply for another page (same command, same caller). */
  goTo(page: number): Promise<Reply>;
  /** How long the page buttons stay active; default 120 s. */
  timeoutSeconds?: number;
}

/**
 * A button under the reply that runs another command line, as whoever presses it (Discord: the
 * answer only they see); the console prints the line instead. Shown only while that command exists.
 */
export interface ReplyAction {
  /** The button's text, e.g. `Why?` (at most 80 characters). */
  label: string;
  /** The command line without the prefix, e.g. `why last` (at most 90 characters). */
  command: string;
}

export interface Reply {
  text?: string;
  embeds?: Embed[];
  files?: ReplyFile[];
  pagination?: Pagination;
  /** Buttons that run another command (at most 5). */
  actions?: ReplyAction[];
  /** Only the caller sees it (slash commands); the console ignores it. */
  ephemeral?: boolean;
  /** The command could not do what was asked (usage, permission, failure); the CLI exits non-zero. */
  isError?: boolean;
}

export const Colors = {
  primary: 0x3b82f6,
  success: 0x22c55e,
  warning: 0xf59e0b,
  error: 0xef4444,
  neutral: 0x64748b,
} as const;
