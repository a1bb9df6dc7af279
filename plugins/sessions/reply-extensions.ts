import {
  toDisposable,
  type Disposable,
  type ReplyFile,
  type SessionDetail,
  type SessionReplyExtension,
  type SessionReplyExtensionPoint,
} from 'etbot/plugin-api';

/**
 * The extension point of `!session`: a plugin (the last-session graphs, for instance) registers a
 * function that renders a file for a session; `!session` attaches what every registered function
 * returns. Provided to other plugins as `SessionsServices.ReplyExtensions`.
 */
export class SessionReplyExtensions implements SessionReplyExtensionPoint {
  private readonly extensions = new Map<string, SessionReplyExtension>();

  add(owner: string, extension: SessionReplyExtension): Disposable {
    this.extensions.set(owner, extension);
    return toDisposable(() => {
      if (this.extensions.get(owner) === extension) this.extensions.delete(owner);
    });
  }

  get size(): number {
    return this.extensions.size;
  }

  /** Files from every extension; one that fails is reported through `onError` and skipped. */
  async files(session: SessionDetail, onError: (owner: string, err: unknown) => void): Promise<ReplyFile[]> {
    const results = await Promise.all(
      [...this.extensions].map(async ([owner, extension]) => {
        try {
          return await extension(session);
        } catch (err) {
          onError(owner, err);
          return null;
        }
      }),
    );
    return results.filter((f): f is ReplyFile => f !== null);
  }
}
