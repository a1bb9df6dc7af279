import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildPayload, type FakeWorld } from './fixtures';
import { snowflake } from './snowflake';

interface Dispatch {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, replayed from the client's sequence on RESUME. */
  log: Dispatch[];
}

/**
 * The gateway half of the fake: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeat ACK, RESUME
 * (replaying what the client missed), and `drop()` to cut the socket with a resumable code.
 * Events: 'identify' (payload d), 'resume' (payload d), 'ready' (after READY + GUILD_CREATE).
 */
export class FakeGateway extends EventEmitter {
  readonly heartbeatIntervalMs = 41_250;
  identifyCount = 0;
  resumeCount = 0;
  /** The intents of the last IDENTIFY. */
  lastIntents: number | null = null;

  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | null = null;
  /** True once the current socket has identified or resumed. */
  private live = false;
  private session: Session | null = null;

  constructor(
    private readonly world: FakeWorld,
    private readonly url: () => string,
  ) {
    super();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** Sends a dispatch now, or keeps it for replay when the client resumes. */
  dispatch(t: string, d: unknown): void {
    if (!this.session) throw new Error(`fake gateway: no session to dispatch ${t} on (the client has not identified)`);
    const payload: Dispatch = { op: 0, t, s: ++this.session.seq, d };
    this.session.log.push(payload);
    if (this.live) this.send(payload);
  }

  /** Closes the socket like Discord does when it drops a connection; 4000 lets the client resume. */
  drop(code = 4000): void {
    this.live = false;
    this.socket?.close(code, 'dropped by the fake');
    this.socket = null;
  }

  /** Forgets the session so the next RESUME fails and the client must identify again. */
  forgetSession(): void {
    this.session = null;
  }

  get connected(): boolean {
    return this.live;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    // A newer connection replaces an older one (one shard).
    if (this.socket && this.socket !== ws) this.socket.terminate();
    this.socket = ws;
    this.live = false;
    ws.on('message', (raw) => this.onMessage(ws, raw.toString()));
    ws.on('close', () => {
      if (this.socket === ws) {
        this.socket = null;
        this.live = false;
      }
    });
    this.send({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } }, ws);
  }

  private onMessage(ws: WebSocket, text: string): void {
    let payload: { op: number; d: any };
    try {
      payload = JSON.parse(text);
    } catch {
      ws.close(4002, 'decode error');
      return;
    }
    switch (payload.op) {
      case 1:
        this.send({ op: 11 }, ws);
        break;
      case 2:
        this.identify(ws, payload.d);
        break;
      case 6:
        this.resume(ws, payload.d);
        break;
      default:
        break;
    }
  }

  private identify(ws: WebSocket, d: { token: string; intents: number }): void {
    this.identifyCount++;
    this.lastIntents = d.intents;
    this.emit('identify', d);
    this.session = { id: snowflake(), seq: 0, log: [] };
    this.live = true;
    this.dispatch('READY', {
      v: 10,
      user: this.world.bot,
      guilds: [{ id: this.world.guildId, unavailable: true }],
      session_id: this.session.id,
      resume_gateway_url: this.url(),
      shard: [0, 1],
      application: { id: this.world.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
    });
    this.dispatch('GUILD_CREATE', guildPayload(this.world));
    this.emit('ready');
  }

  private resume(ws: WebSocket, d: { session_id: string; seq: number }): void {
    this.emit('resume', d);
    const session = this.session;
    if (!session || session.id !== d.session_id) {
      this.send({ op: 9, d: false }, ws);
      return;
    }
    this.resumeCount++;
    for (const missed of session.log.filter((p) => p.s > d.seq)) this.send(missed, ws);
    this.live = true;
    this.dispatch('RESUMED', null);
  }

  private send(payload: object, ws: WebSocket | null = this.socket): void {
    if (ws && ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }
}
