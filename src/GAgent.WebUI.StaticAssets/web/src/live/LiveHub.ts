import { api, apiBase } from '../api/client';
import type { Notification, RunEvent } from '../api/types';
import { LiveConnection, type LiveStatus, type ResumePoint } from './LiveConnection';

type Listener = (event: RunEvent) => void;

/** The app's one live connection, fanning events and status out to the views that care. */
export class LiveHub {
  private readonly listeners = new Set<Listener>();
  private readonly resyncListeners = new Set<(sessionId: string) => void>();
  private readonly notificationListeners = new Set<(notification: Notification) => void>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  readonly connection: LiveConnection;

  constructor() {
    this.connection = new LiveConnection({
      connectUrl: async () => {
        const { token } = await api.token();
        const url = new URL('api/ws', apiBase());
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        url.searchParams.set('token', token);
        return url.toString();
      },
      onEvent: (event) => this.listeners.forEach((listener) => listener(event)),
      onNotification: (notification) => this.notificationListeners.forEach((listener) => listener(notification)),
      onStatus: (status) => this.statusListeners.forEach((listener) => listener(status)),
      onResync: (sessionId) => this.resyncListeners.forEach((listener) => listener(sessionId)),
    });
  }

  start(): void {
    this.connection.watch();
    this.connection.start();
  }

  stop(): void {
    this.connection.close();
  }

  follow(sessionId: string, resume: ResumePoint | null): void {
    this.connection.follow(sessionId, resume);
  }

  unfollow(sessionId: string): void {
    this.connection.unfollow(sessionId);
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onResync(listener: (sessionId: string) => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  onNotification(listener: (notification: Notification) => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }
}
