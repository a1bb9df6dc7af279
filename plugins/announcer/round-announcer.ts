import {
  escapeName,
  formatAwardLine,
  type AnnouncementSink,
  type AwardRegistry,
  type Clock,
  type EventMap,
  type Logger,
  type SessionSummaryService,
} from 'etbot/plugin-api';

export interface RoundAnnouncerOptions {
  channelId: string;
  maxAgeHours: number;
  sessionSummary: boolean;
  graceSeconds: number;
  /** config `import.sessionGapMinutes`. */
  sessionGapMinutes: number;
  prefix: string;
  /** The awards plugin's registry, when it is enabled: the session post names the top awards. */
  awards?: AwardRegistry;
}

/** The awards a session post names, when the session has them (the rest are one `!awards` away). */
const TOP_AWARDS = ['damage-given', 'kd', 'killing-spree', 'revives-given', 'accuracy', 'gibs', 'objectives-stolen'];

/** How many round ids / content hashes / sessions to remember for the once-only guard. */
const REMEMBER = 2000;
export const SESSION_IMAGE_NAME = 'session.png';

/**
 * Posts each newly imported round once (guarded by round id and by file content, so a file
 * delivered twice or taken over by an earlier-named copy is not posted again), skips rounds older
 * than `maxAgeHours` (backfills), and posts the session summary with the six graphs once no round
 * has arrived for the session gap (a timer on the app's clock, one per game server).
 */
export class RoundAnnouncer {
  private readonly postedRounds = new RememberSet<number>(REMEMBER);
  private readonly postedContent = new RememberSet<string>(REMEMBER);
  private readonly postedSessions = new RememberSet<string>(REMEMBER);
  private readonly postedRecordRounds = new RememberSet<number>(REMEMBER);
  private readonly postedRecordContent = new RememberSet<string>(REMEMBER);
  private readonly timers = new Map<string, unknown>();
  private chain: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly summary: SessionSummaryService,
    private readonly sink: AnnouncementSink,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: RoundAnnouncerOptions,
  ) {}

  /** `round.imported` handler: resolves once the round's post (if any) is done. */
  onRoundImported(event: EventMap['round.imported']): Promise<void> {
    return this.serial(() => this.announceRound(event.roundId));
  }

  /** `records.set` handler: posts a live round's new records once (same guards as a round's post). */
  onRecordsSet(event: EventMap['records.set']): Promise<void> {
    return this.serial(() => this.announceRecords(event));
  }

  /** Everything queued so far has been posted (or failed and been logged). */
  idle(): Promise<void> {
    return this.chain;
  }

  dispose(): void {
    this.disposed = true;
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
  }

  private async announceRound(roundId: number): Promise<void> {
    if (this.postedRounds.has(roundId)) return;
    const round = await this.summary.round(roundId);
    if (!round) return;
    if (round.contentHash && this.postedContent.has(round.contentHash)) {
      this.postedRounds.add(roundId);
      return;
    }
    const endedMs = Date.parse(round.endedAtUtc);
    if (endedMs < this.clock.now() - this.options.maxAgeHours * 3_600_000) {
      this.logger.debug({ roundId, endedAt: round.endedAt }, 'announcer: round too old to announce (backfill)');
      return;
    }
    this.postedRounds.add(roundId);
    if (round.contentHash) this.postedContent.add(round.contentHash);
    await this.sink.post(this.options.channelId, { embeds: [this.summary.roundEmbed(round, escapeName)] });
    if (this.options.sessionSummary) this.armSessionEnd(round.serverId, roundId, endedMs);
  }

  private async announceRecords(event: EventMap['records.set']): Promise<void> {
    if (this.postedRecordRounds.has(event.roundId)) return;
    const round = await this.summary.round(event.roundId);
    if (!round) return;
    if (round.contentHash && this.postedRecordContent.has(round.contentHash)) return;
    if (Date.parse(round.endedAtUtc) < this.clock.now() - this.options.maxAgeHours * 3_600_000) return;
    this.postedRecordRounds.add(event.roundId);
    if (round.contentHash) this.postedRecordContent.add(round.contentHash);
    const lines = event.records.map((r) => {
      const who = r.kind === 'personal-best' ? `personal best of ${escapeName(r.name)}` : r.guid ? escapeName(r.name) : 'attackers';
      return `**${escapeName(r.title)}**: ${r.formatted} · ${who}${r.previous === null ? '' : ` (was ${r.previous})`}`;
    });
    await this.sink.post(this.options.channelId, {
      embeds: [{ title: `New record! · ${escapeName(round.map)} round ${round.roundNumber}`, description: lines.join('\n'), footer: round.endedAt }],
    });
  }

  /** (Re)starts the server's session-end timer: the gap after the round's end, plus the grace. */
  private armSessionEnd(serverId: string, roundId: number, endedMs: number): void {
    const previous = this.timers.get(serverId);
    if (previous !== undefined) this.clock.clearTimeout(previous);
    const due = endedMs + this.options.sessionGapMinutes * 60_000 + this.options.graceSeconds * 1000;
    const handle = this.clock.setTimeout(
      () => {
        if (this.timers.get(serverId) === handle) this.timers.delete(serverId);
        void this.serial(() => this.announceSessionEnd(serverId, roundId));
      },
      Math.max(0, due - this.clock.now()),
    );
    this.timers.set(serverId, handle);
  }

  private async announceSessionEnd(serverId: string, roundId: number): Promise<void> {
    const round = await this.summary.round(roundId);
    if (!round || round.sessionId === null) return;
    const session = await this.summary.session(round.sessionId);
    if (!session) return;
    const endMs = Date.parse(session.endUtc);
    const gapMs = this.options.sessionGapMinutes * 60_000;
    if (this.clock.now() < endMs + gapMs) {
      // A later round joined the session (its own import re-armed the timer if it was announced).
      if (!this.timers.has(serverId)) this.armSessionEnd(serverId, roundId, endMs);
      return;
    }
    const key = `${serverId}|${session.startUtc}`;
    if (this.postedSessions.has(key)) return;
    this.postedSessions.add(key);
    let image: Buffer | null = null;
    try {
      image = await this.summary.renderImage(session);
    } catch (err) {
      this.logger.warn({ err, sessionId: session.sessionId }, 'announcer: the six-graph image could not be rendered');
    }
    const embed = this.summary.sessionOverviewEmbed(session, escapeName, {
      title: `Session over · ${session.date}`,
      image: image ? SESSION_IMAGE_NAME : undefined,
      prefix: this.options.prefix,
    });
    const awards = await this.topAwards(session.sessionId);
    if (awards) embed.fields = [...(embed.fields ?? []), { name: 'Awards', value: awards }];
    await this.sink.post(this.options.channelId, {
      embeds: [embed],
      files: image ? [{ name: SESSION_IMAGE_NAME, data: image, description: `Six graphs of session #${session.number}` }] : undefined,
    });
  }

  private async topAwards(sessionId: number): Promise<string | null> {
    if (!this.options.awards) return null;
    try {
      const all = await this.options.awards.compute({ kind: 'sessions', sessionIds: [sessionId] });
      const top = all.filter((a) => TOP_AWARDS.includes(a.id)).map((a) => formatAwardLine(a, escapeName));
      return top.length > 0 ? `${top.join('\n')}\n\`${this.options.prefix}awards\` for all of them` : null;
    } catch (err) {
      this.logger.warn({ err, sessionId }, 'announcer: the awards could not be computed');
      return null;
    }
  }

  /** Runs posts one after another so they arrive in order; a failure is logged, not thrown. */
  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(async () => {
      if (this.disposed) return;
      try {
        await work();
      } catch (err) {
        this.logger.error({ err }, 'announcer: could not post');
      }
    });
    this.chain = next;
    return next;
  }
}

/** A set that forgets its oldest entries beyond a limit. */
class RememberSet<T> {
  private readonly items = new Set<T>();
  constructor(private readonly limit: number) {}
  has(item: T): boolean {
    return this.items.has(item);
  }
  add(item: T): void {
    this.items.add(item);
    if (this.items.size > this.limit) this.items.delete(this.items.values().next().value as T);
  }
}
