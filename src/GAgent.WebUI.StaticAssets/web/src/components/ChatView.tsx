import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useReducer, useRef, useState, type DragEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { Approval, MessagePage, Profile, RunEvent } from '../api/types';
import {
  addPendingUser,
  applyEvent,
  approvalsChanged,
  bindPendingUser,
  emptyChat,
  loaded,
  prependOlder,
  selectTurns,
  userInput,
  type ChatState,
  type Part,
  type Turn,
} from '../chat/chatState';
import type { LiveHub } from '../live/LiveHub';
import { Composer, type ComposerHandle } from './Composer';
import { Icon } from './Icon';
import { Lightbox } from './Lightbox';
import { TurnView, type TurnActions } from './TurnView';

type Action =
  | { type: 'loaded'; page: MessagePage; activeRunId: string | null | undefined }
  | { type: 'older'; page: MessagePage }
  | { type: 'event'; event: RunEvent }
  | { type: 'pending'; text: string; parts: Part[]; key: string }
  | { type: 'bind'; key: string; runId: string | null }
  | { type: 'approvals'; approvals: Approval[] };

function reducer(state: ChatState, action: Action): ChatState {
  switch (action.type) {
    case 'loaded':
      return loaded(state, action.page, action.activeRunId);
    case 'older':
      return prependOlder(state, action.page);
    case 'event':
      return action.event.sessionId === state.sessionId || action.event.threadId === state.sessionId ? applyEvent(state, action.event) : state;
    case 'pending':
      return addPendingUser(state, action.text, action.parts, action.key);
    case 'bind':
      return bindPendingUser(state, action.key, action.runId);
    case 'approvals':
      return approvalsChanged(state, action.approvals);
  }
}

export interface ChatViewHandle {
  focusComposer: () => void;
  stop: () => void;
}

export interface ChatViewProps {
  sessionId: string | null;
  live: LiveHub;
  /** A first message to send as soon as the (just created) session opens. */
  initialSend?: { text: string; mediaIds: string[]; parts: Part[] } | null;
  onCreateSession: (first: { text: string; mediaIds: string[]; parts: Part[] }) => Promise<boolean>;
  onRunsChanged: () => void;
  title: string;
  /** Known profiles, to show a reply's profile name and avatar. */
  profiles?: Profile[];
}

const pageSize = 40;
let pendingCounter = 0;

/** The conversation: transcript (tail first, older pages on scroll-up), live streaming, composer. */
export const ChatView = forwardRef<ChatViewHandle, ChatViewProps>(function ChatView(
  { sessionId, live, initialSend, onCreateSession, onRunsChanged, title, profiles },
  ref,
) {
  const [state, dispatch] = useReducer(reducer, sessionId ?? '', emptyChat);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(sessionId !== null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [lightbox, setLightbox] = useState<{ src: string; alt: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const composer = useRef<ComposerHandle>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const restoreFrom = useRef<number | null>(null);
  const initialSent = useRef(false);
  const initial = useRef(initialSend);

  const turns = useMemo(() => selectTurns(state), [state]);
  const approvalsByRun = useMemo(() => {
    const byRun = new Map<string, Approval[]>();
    for (const approval of Object.values(state.approvals).sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      byRun.set(approval.runId, [...(byRun.get(approval.runId) ?? []), approval]);
    }
    return byRun;
  }, [state.approvals]);
  const running = !!state.activeRunId;

  const loadApprovals = useCallback(async () => {
    if (!sessionId) return;
    try {
      const list = await api.approvals(undefined, sessionId);
      dispatch({ type: 'approvals', approvals: list.items });
    } catch {
      // approvals are an extra: the transcript still works without them
    }
  }, [sessionId]);

  const reload = useCallback(async () => {
    if (!sessionId) return;
    void loadApprovals();
    try {
      const [session, page] = await Promise.all([api.getSession(sessionId), api.messages(sessionId, undefined, pageSize)]);
      dispatch({ type: 'loaded', page, activeRunId: session.activeRunId });
      live.follow(sessionId, session.activeRunId ? { runId: session.activeRunId, sequence: 0 } : null);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? 'This session no longer exists.' : (e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [sessionId, live, loadApprovals]);

  useEffect(() => {
    if (!sessionId) return;
    void reload();
    const offNotification = live.onNotification((notification) => {
      if (notification.name === 'gagent.approval.resolved' && notification.value && typeof notification.value === 'object') {
        dispatch({ type: 'approvals', approvals: [notification.value as Approval] });
      }
    });
    const offEvent = live.onEvent((event) => {
      if (event.sessionId !== sessionId && event.threadId !== sessionId) return;
      dispatch({ type: 'event', event });
      if (event.type === 'RUN_FINISHED' || event.type === 'RUN_ERROR' || event.type === 'RUN_STARTED') onRunsChanged();
      if (event.type === 'RUN_FINISHED' && event.outcome === 'interrupt') void loadApprovals();
    });
    const offResync = live.onResync((id) => {
      if (id === sessionId) void reload();
    });
    return () => {
      offNotification();
      offEvent();
      offResync();
      live.unfollow(sessionId);
    };
  }, [sessionId, live, reload, onRunsChanged, loadApprovals]);

  const send = useCallback(
    async (text: string, mediaIds: string[], parts: Part[]): Promise<boolean> => {
      if (!sessionId) return onCreateSession({ text, mediaIds, parts });
      const key = `pending-${++pendingCounter}`;
      dispatch({ type: 'pending', text, parts, key });
      stickToBottom.current = true;
      try {
        const run = await api.sendMessage(sessionId, text, mediaIds);
        dispatch({ type: 'bind', key, runId: run.id });
        setError(null);
        onRunsChanged();
        return true;
      } catch (e) {
        dispatch({ type: 'bind', key, runId: null });
        setError((e as Error).message);
        return false;
      }
    },
    [sessionId, onCreateSession, onRunsChanged],
  );

  useEffect(() => {
    const first = initial.current;
    if (first && sessionId && !loading && !initialSent.current) {
      initialSent.current = true;
      void send(first.text, first.mediaIds, first.parts);
    }
  }, [sessionId, loading, send]);

  const stop = useCallback(() => {
    if (state.activeRunId) void api.stopRun(state.activeRunId).catch((e: Error) => setError(e.message));
  }, [state.activeRunId]);

  useImperativeHandle(ref, () => ({ focusComposer: () => composer.current?.focus(), stop }), [stop]);

  const actions: TurnActions = useMemo(
    () => ({
      onImage: (src, alt) => setLightbox({ src, alt }),
      onApprovalDecided: (approval: Approval) => dispatch({ type: 'approvals', approvals: [approval] }),
      onEdit: (turn: Turn) => {
        const input = userInput(turn);
        composer.current?.fill(input.text, input.attachments);
      },
      onRetry: (turn: Turn) => {
        const index = turns.indexOf(turn);
        const question = turns.slice(0, index).reverse().find((t) => t.role === 'user');
        if (!question) return;
        const input = userInput(question);
        void send(input.text, input.attachments.map((p) => (p as { mediaId?: string }).mediaId).filter((id): id is string => !!id), input.attachments);
      },
    }),
    [turns, send],
  );

  // Scrolling: follow the stream while at the bottom; keep the view steady when older messages are put on top.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    if (restoreFrom.current !== null) {
      box.scrollTop = box.scrollHeight - restoreFrom.current;
      restoreFrom.current = null;
    } else if (stickToBottom.current) {
      box.scrollTop = box.scrollHeight;
    }
  }, [turns]);

  const loadOlder = useCallback(async () => {
    if (!sessionId || !state.hasMore || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await api.messages(sessionId, state.firstIndex, pageSize);
      restoreFrom.current = scroller.current ? scroller.current.scrollHeight - scroller.current.scrollTop : null;
      dispatch({ type: 'older', page });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoadingOlder(false);
    }
  }, [sessionId, state.hasMore, state.firstIndex, loadingOlder]);

  const onScroll = () => {
    const box = scroller.current;
    if (!box) return;
    stickToBottom.current = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    if (box.scrollTop < 200) void loadOlder();
  };

  // A short session may not fill the screen, so there is nothing to scroll: keep loading until it does.
  useEffect(() => {
    const box = scroller.current;
    if (box && state.hasMore && !loadingOlder && box.scrollHeight <= box.clientHeight) void loadOlder();
  }, [state.hasMore, loadingOlder, loadOlder, turns]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length) composer.current?.addFiles(files);
  };

  const lastAssistant = [...turns].reverse().find((t) => t.role === 'assistant');

  return (
    <section
      className={`chat${dragging ? ' dragging' : ''}`}
      aria-label={`Chat: ${title}`}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="transcript" ref={scroller} onScroll={onScroll} aria-live="polite" aria-relevant="additions" data-testid="transcript">
        {state.hasMore && (
          <div className="older">
            <button type="button" className="link-button" onClick={() => void loadOlder()} disabled={loadingOlder}>
              {loadingOlder ? 'Loading…' : 'Load older messages'}
            </button>
          </div>
        )}
        {loading && <div className="muted center">Loading…</div>}
        {!loading && turns.length === 0 && (
          <div className="empty">
            <h2>How can I help?</h2>
            <p className="muted">Ask anything. Attach images or files with the paperclip, by drag and drop, or by pasting.</p>
          </div>
        )}
        {turns.map((turn) => (
          <TurnView
            key={turn.key}
            turn={turn}
            actions={actions}
            last={turn === lastAssistant && !running}
            approvals={turn.role === 'assistant' && turn.runId ? approvalsByRun.get(turn.runId) : undefined}
            profile={turn.profileId ? profiles?.find((p) => p.id === turn.profileId) : undefined}
          />
        ))}
      </div>
      {error && (
        <div className="chat-error" role="alert">
          {error}
          <button type="button" className="icon-button small" aria-label="Dismiss" onClick={() => setError(null)}><Icon name="close" size={14} /></button>
        </div>
      )}
      {dragging && <div className="drop-hint" aria-hidden="true">Drop files to attach</div>}
      <Composer ref={composer} running={running} onSend={send} onStop={stop} />
      {lightbox && <Lightbox src={lightbox.src} alt={lightbox.alt} onClose={() => setLightbox(null)} />}
    </section>
  );
});
