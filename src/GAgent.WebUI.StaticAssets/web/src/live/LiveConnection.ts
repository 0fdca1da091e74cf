import type { Notification, RunEvent } from '../api/types';
import { backoffDelay } from './backoff';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'offline';

/** Where a session's event stream stands: the run seen last and its last sequence number. */
export interface ResumePoint {
  runId: string;
  sequence: number;
}

export interface LiveConnectionOptions {
  /** Builds the socket URL (it fetches a fresh single-use token each time). */
  connectUrl: () => Promise<string>;
  onEvent: (event: RunEvent) => void;
  /** State notifications: CUSTOM events outside any run (sessions, run status, approvals resolved, ...). */
  onNotification?: (notification: Notification) => void;
  onStatus?: (status: LiveStatus) => void;
  onError?: (code: string, message: string) => void;
  /** The server no longer has the events needed to resume a session: reload its messages. */
  onResync?: (sessionId: string) => void;
  createSocket?: (url: string) => WebSocket;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
  pingIntervalMs?: number;
}

const runEventTypes = /^(RUN_|TEXT_MESSAGE_|TOOL_CALL_|REASONING_|CUSTOM$|STEP_|STATE_|MESSAGES_)/;

/**
 * One WebSocket to /api/ws carrying the live events of the sessions the UI follows. It reconnects with backoff after
 * any drop and re-subscribes every session from the last sequence it delivered, so nothing is lost or repeated:
 * events at or below a session's resume point are dropped.
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private readonly sessions = new Map<string, ResumePoint | null>();
  private attempt = 0;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;
  private closed = false;
  private opening = false;
  private status: LiveStatus = 'connecting';
  private requestCounter = 0;
  private readonly pendingSubscribes = new Map<string, string>();
  private watching = false;

  constructor(private readonly options: LiveConnectionOptions) {}

  get currentStatus(): LiveStatus {
    return this.status;
  }

  start(): void {
    this.closed = false;
    void this.open();
  }

  close(): void {
    this.closed = true;
    this.clearTimers();
    this.socket?.close(1000, 'closing');
    this.socket = null;
  }

  /** Follows a session; with a resume point, continues that run after its sequence. */
  follow(sessionId: string, resume: ResumePoint | null = null): void {
    this.sessions.set(sessionId, resume);
    this.sendSubscribe(sessionId);
  }

  /** Also receives global state notifications (sent again after every reconnect). */
  watch(): void {
    this.watching = true;
    this.send({ type: 'watch' });
  }

  unfollow(sessionId: string): void {
    if (this.sessions.delete(sessionId)) this.send({ type: 'unsubscribe', sessionId });
  }

  resumePoint(sessionId: string): ResumePoint | null {
    return this.sessions.get(sessionId) ?? null;
  }

  /** Sends a client message when the socket is open; returns false otherwise. */
  send(message: Record<string, unknown>): string | null {
    if (!this.socket || this.socket.readyState !== 1) return null;
    const clientRequestId = `c${++this.requestCounter}`;
    this.socket.send(JSON.stringify({ clientRequestId, ...message }));
    return clientRequestId;
  }

  /** Retries now (e.g. after the API key changed or the browser came back online). */
  reconnectNow(): void {
    if (this.closed) return;
    this.attempt = 0;
    this.clearTimers();
    if (this.opening || (this.socket && this.socket.readyState <= 1)) return;
    void this.open();
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    this.setStatus(this.attempt === 0 && this.status === 'connecting' ? 'connecting' : 'reconnecting');
    let url: string;
    this.opening = true;
    try {
      url = await this.options.connectUrl();
    } catch {
      this.opening = false;
      this.scheduleReconnect();
      return;
    }
    this.opening = false;
    if (this.closed) return;
    const socket = (this.options.createSocket ?? ((u) => new WebSocket(u)))(url);
    const previous = this.socket;
    this.socket = socket;
    previous?.close(1000, 'replaced');
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.setStatus('open');
      this.send({ type: 'hello' });
      if (this.watching) this.send({ type: 'watch' });
      for (const sessionId of this.sessions.keys()) this.sendSubscribe(sessionId);
      this.startPing();
    };
    socket.onmessage = (message) => {
      if (this.socket === socket) this.receive(String(message.data));
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopPing();
      if (!this.closed) this.scheduleReconnect();
    };
    socket.onerror = () => {
      // onclose follows and schedules the retry
    };
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    this.setStatus(this.attempt >= 3 ? 'offline' : 'reconnecting');
    const delay = backoffDelay(this.attempt++, 500, 15000, this.options.random);
    const setTimer = this.options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.retryTimer = setTimer(() => {
      this.retryTimer = null;
      void this.open();
    }, delay);
  }

  private startPing(): void {
    this.stopPing();
    const interval = this.options.pingIntervalMs ?? 60000;
    const setTimer = this.options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    const tick = () => {
      this.send({ type: 'ping' });
      this.pingTimer = setTimer(tick, interval);
    };
    this.pingTimer = setTimer(tick, interval);
  }

  private stopPing(): void {
    if (this.pingTimer !== null) (this.options.clearTimer ?? ((h) => clearTimeout(h as number)))(this.pingTimer);
    this.pingTimer = null;
  }

  private clearTimers(): void {
    this.stopPing();
    if (this.retryTimer !== null) (this.options.clearTimer ?? ((h) => clearTimeout(h as number)))(this.retryTimer);
    this.retryTimer = null;
  }

  private sendSubscribe(sessionId: string): void {
    const resume = this.sessions.get(sessionId);
    const id = this.send(
      resume
        ? { type: 'subscribe', sessionId, runId: resume.runId, afterSequence: resume.sequence }
        : { type: 'subscribe', sessionId },
    );
    if (id && resume) this.pendingSubscribes.set(id, sessionId);
  }

  private receive(data: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    const type = String(message.type ?? '');
    const requestId = typeof message.clientRequestId === 'string' ? message.clientRequestId : null;
    const subscribedSession = requestId ? this.pendingSubscribes.get(requestId) : undefined;
    if (requestId) this.pendingSubscribes.delete(requestId);
    if (type === 'error') {
      if (subscribedSession && message.code === 'run_not_found' && this.sessions.has(subscribedSession)) {
        // The run we were in has been forgotten: follow the session afresh and let the app reload its messages.
        this.sessions.set(subscribedSession, null);
        this.sendSubscribe(subscribedSession);
        this.options.onResync?.(subscribedSession);
        return;
      }
      this.options.onError?.(String(message.code ?? 'error'), String(message.message ?? ''));
      return;
    }
    if (!runEventTypes.test(type)) return;
    if (type === 'CUSTOM' && typeof message.runId !== 'string') {
      // A state notification: not part of a run's journal, so it never moves a resume point.
      this.options.onNotification?.(message as unknown as Notification);
      return;
    }
    const event = message as unknown as RunEvent;
    const sessionId = event.sessionId ?? event.threadId;
    if (!sessionId || !this.sessions.has(sessionId)) return;
    const resume = this.sessions.get(sessionId);
    if (resume && resume.runId === event.runId && event.sequence <= resume.sequence) return; // already delivered
    this.sessions.set(sessionId, { runId: event.runId, sequence: event.sequence });
    if (event.type === 'RUN_ERROR' && event.code === 'run_events_expired') {
      this.options.onResync?.(sessionId);
      return;
    }
    this.options.onEvent(event);
  }
}
