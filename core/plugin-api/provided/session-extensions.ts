import type { SessionDetail } from '../../queries/sessions';
import type { Disposable } from '../disposable';
import type { ReplyFile } from '../reply';
import { createServiceToken } from '../services';

/** Adds something (an image, typically) to `!session`'s reply for one session. */
export type SessionReplyExtension = (session: SessionDetail) => Promise<ReplyFile | null>;

/**
 * The extension point of `!session`, provided by the `sessions` plugin (name it in
 * `optionalDependsOn`): `!session` attaches the file every registered function returns.
 */
export interface SessionReplyExtensionPoint {
  /** Registers `extension` under the plugin's id; dispose the result when the plugin goes (`api.onDispose`). */
  add(owner: string, extension: SessionReplyExtension): Disposable;
}

export const SessionsServices = {
  ReplyExtensions: createServiceToken<SessionReplyExtensionPoint>('sessions.reply-extensions'),
} as const;
