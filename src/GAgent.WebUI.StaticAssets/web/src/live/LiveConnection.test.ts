import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../api/types';
import { backoffDelay } from './backoff';
import { LiveConnection, type LiveStatus } from './LiveConnection';

class FakeSocket {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const events: RunEvent[] = [];
  const statuses: LiveStatus[] = [];
  const resyncs: string[] = [];
  const notifications: { name: string }[] = [];
  let tokens = 0;
  const connection = new LiveConnection({
    connectUrl: async () => `ws://test/api/ws?token=t${++tokens}`,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    onEvent: (event) => events.push(event),
    onStatus: (status) => statuses.push(status),
    onResync: (sessionId) => resyncs.push(sessionId),
    onNotification: (notification) => notifications.push(notification),
    setTimer: (callback, ms) => {
      const timer = { callback, ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      const index = timers.indexOf(handle as never);
      if (index >= 0) timers.splice(index, 1);
    },
    random: () => 1,
  });
  return { connection, sockets, timers, events, statuses, resyncs, notifications };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function runEvent(sequence: number, type = 'TEXT_MESSAGE_CONTENT', runId = 'r1'): RunEvent {
  return { type, runId, sessionId: 's1', sequence, timestamp: sequence, delta: `d${sequence}` };
}

describe('backoff', () => {
  it('grows exponentially up to the maximum, with jitter in the upper half', () => {
    expect(backoffDelay(0, 500, 15000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 15000, () => 1)).toBe(4000);
    expect(backoffDelay(10, 500, 15000, () => 1)).toBe(15000);
    expect(backoffDelay(10, 500, 15000, () => 0)).toBe(7500);
  });
});

describe('live connection', () => {
  it('watches again after a reconnect and delivers notifications without moving the resume point', async () => {
    const h = harness();
    h.connection.watch();
    h.connection.follow('s1', null);
    h.connection.start();
    await flush();
    h.sockets[0].open();
    expect(h.sockets[0].sent.map((m) => m.type)).toEqual(['hello', 'watch', 'subscribe']);
    h.sockets[0].receive(runEvent(1, 'RUN_STARTED'));
    h.sockets[0].receive({ type: 'CUSTOM', name: 'gagent.approval.resolved', sessionId: 's1', threadId: 's1', timestamp: 5, value: { id: 'apv_1' } });
    h.sockets[0].receive({ type: 'CUSTOM', name: 'gagent.session.deleted', timestamp: 6, value: { id: 's9' } });
    expect(h.notifications.map((n) => n.name)).toEqual(['gagent.approval.resolved', 'gagent.session.deleted']);
    expect(h.events.map((e) => e.type)).toEqual(['RUN_STARTED']);
    expect(h.connection.resumePoint('s1')).toEqual({ runId: 'r1', sequence: 1 });

    h.sockets[0].drop();
    h.timers.shift()!.callback();
    await flush();
    h.sockets[1].open();
    expect(h.sockets[1].sent.map((m) => m.type)).toEqual(['hello', 'watch', 'subscribe']);
  });

  it('subscribes followed sessions when the socket opens and delivers their events', async () => {
    const h = harness();
    h.connection.follow('s1', null);
    h.connection.start();
    await flush();
    h.sockets[0].open();
    expect(h.sockets[0].url).toContain('token=t1');
    expect(h.sockets[0].sent.map((m) => m.type)).toEqual(['hello', 'subscribe']);
    expect(h.sockets[0].sent[1]).toMatchObject({ sessionId: 's1' });
    h.sockets[0].receive(runEvent(1, 'RUN_STARTED'));
    h.sockets[0].receive({ ...runEvent(2), sessionId: 'other' });
    expect(h.events.map((e) => e.sequence)).toEqual([1]);
    expect(h.statuses).toContain('open');
  });

  it('reconnects with a fresh token after a drop and resumes after the last sequence, dropping repeats', async () => {
    const h = harness();
    h.connection.follow('s1', null);
    h.connection.start();
    await flush();
    h.sockets[0].open();
    h.sockets[0].receive(runEvent(1, 'RUN_STARTED'));
    h.sockets[0].receive(runEvent(2));

    h.sockets[0].drop();
    expect(h.statuses[h.statuses.length - 1]).toBe('reconnecting');
    expect(h.timers).toHaveLength(1);
    expect(h.timers[0].ms).toBe(500);
    h.timers.shift()!.callback();
    await flush();
    expect(h.sockets).toHaveLength(2);
    expect(h.sockets[1].url).toContain('token=t2');
    h.sockets[1].open();
    expect(h.sockets[1].sent[1]).toMatchObject({ type: 'subscribe', sessionId: 's1', runId: 'r1', afterSequence: 2 });

    h.sockets[1].receive(runEvent(2)); // overlap is ignored
    h.sockets[1].receive(runEvent(3));
    h.sockets[1].receive(runEvent(4, 'RUN_FINISHED'));
    expect(h.events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
  });

  it('backs off further on repeated failures and resets after a successful connection', async () => {
    const h = harness();
    h.connection.start();
    await flush();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      h.sockets[h.sockets.length - 1].drop();
      const timer = h.timers.filter((t) => t.ms !== 60000).pop()!;
      delays.push(timer.ms);
      h.timers.splice(h.timers.indexOf(timer), 1);
      timer.callback();
      await flush();
    }
    expect(delays).toEqual([500, 1000, 2000, 4000]);
    expect(h.statuses).toContain('offline');
    h.sockets[h.sockets.length - 1].open();
    h.sockets[h.sockets.length - 1].drop();
    expect(h.timers.filter((t) => t.ms !== 60000).pop()!.ms).toBe(500);
  });

  it('follows afresh and asks for a reload when the resumed run is gone or its events expired', async () => {
    const h = harness();
    h.connection.follow('s1', { runId: 'old', sequence: 7 });
    h.connection.start();
    await flush();
    h.sockets[0].open();
    const subscribe = h.sockets[0].sent[1];
    expect(subscribe).toMatchObject({ runId: 'old', afterSequence: 7 });
    h.sockets[0].receive({ type: 'error', code: 'run_not_found', clientRequestId: subscribe.clientRequestId });
    expect(h.resyncs).toEqual(['s1']);
    expect(h.sockets[0].sent[2]).toEqual({ type: 'subscribe', sessionId: 's1', clientRequestId: expect.any(String) });

    h.sockets[0].receive({ type: 'RUN_ERROR', code: 'run_events_expired', runId: 'r9', sessionId: 's1', sequence: 1, timestamp: 1 });
    expect(h.resyncs).toEqual(['s1', 's1']);
    expect(h.events).toEqual([]);
  });

  it('opens one socket when asked to reconnect while a connection attempt is under way', async () => {
    const h = harness();
    h.connection.start();
    h.connection.reconnectNow();
    await flush();
    expect(h.sockets).toHaveLength(1);
  });

  it('stops reconnecting once closed', async () => {
    const h = harness();
    h.connection.start();
    await flush();
    h.sockets[0].open();
    h.connection.close();
    expect(h.timers.filter((t) => t.ms !== 60000)).toHaveLength(0);
    expect(h.sockets[0].readyState).toBe(3);
  });
});
