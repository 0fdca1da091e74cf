import type { Approval, MessagePage, RunEvent, StoredMessage, Usage } from '../api/types';

export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'reasoning'; text: string; done: boolean }
  | { kind: 'tool'; id: string; name: string; args: string; argsDone: boolean; result?: string; isError?: boolean; clientSide?: boolean }
  | { kind: 'image'; url: string; mediaType?: string; mediaId?: string }
  | { kind: 'file'; url: string; mediaType?: string; mediaId?: string; name?: string };

export type TurnStatus = 'streaming' | 'done' | 'interrupted' | 'error' | 'cancelled';

/** One bubble of the transcript: a user message, or everything the assistant did in one run. */
export interface Turn {
  key: string;
  role: 'user' | 'assistant';
  runId: string | null;
  parts: Part[];
  status: TurnStatus;
  error?: string;
  startedAt?: number;
  finishedAt?: number;
  usage?: Usage;
  model?: string;
  author?: string;
  /** The run's profile (live turns: from RUN_STARTED). */
  profileId?: string;
  /** Last sequence applied (live turns only). */
  lastSequence?: number;
  pending?: boolean;
}

export interface ChatState {
  sessionId: string;
  /** Stored messages, oldest first (a tail of the session, grown upwards by older pages). */
  messages: StoredMessage[];
  firstIndex: number;
  hasMore: boolean;
  /** Turns built from live events, by run id, in arrival order. */
  live: Record<string, Turn>;
  liveOrder: string[];
  /** User messages sent from this tab and not yet in `messages`. */
  pendingUsers: Turn[];
  activeRunId: string | null;
  /** Tool approvals of this session known to the view (requested in its runs or loaded), by id. */
  approvals: Record<string, Approval>;
}

export function emptyChat(sessionId: string): ChatState {
  return { sessionId, messages: [], firstIndex: 0, hasMore: false, live: {}, liveOrder: [], pendingUsers: [], activeRunId: null, approvals: {} };
}

/** Adds or updates approvals of this session (a loaded list, a decision's answer, a resolved notification). */
export function approvalsChanged(state: ChatState, approvals: Approval[]): ChatState {
  const mine = approvals.filter((a) => a && typeof a.id === 'string' && a.sessionId === state.sessionId);
  if (mine.length === 0) return state;
  const next = { ...state.approvals };
  for (const approval of mine) next[approval.id] = approval;
  return { ...state, approvals: next };
}

/** The approvals a run asked for, oldest first. */
export function approvalsOfRun(state: ChatState, runId: string | null): Approval[] {
  if (!runId) return [];
  return Object.values(state.approvals)
    .filter((a) => a.runId === runId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** A freshly loaded tail of the session; live turns of runs still streaming are kept. */
export function loaded(state: ChatState, page: MessagePage, activeRunId: string | null | undefined): ChatState {
  const stored = new Set(page.items.filter((m) => m.role === 'user' && m.runId).map((m) => m.runId));
  // Live turns of finished runs are now in the stored messages; keep only the active one.
  const keep = state.liveOrder.filter((runId) => runId === activeRunId);
  return {
    ...state,
    messages: page.items,
    firstIndex: page.firstIndex,
    hasMore: page.hasMore,
    live: Object.fromEntries(keep.map((runId) => [runId, state.live[runId]])),
    liveOrder: keep,
    pendingUsers: state.pendingUsers.filter((turn) => !turn.runId || !stored.has(turn.runId)),
    activeRunId: activeRunId ?? null,
  };
}

/** An older page (scrolling up) goes in front. */
export function prependOlder(state: ChatState, page: MessagePage): ChatState {
  const known = new Set(state.messages.map((m) => m.id));
  return {
    ...state,
    messages: [...page.items.filter((m) => !known.has(m.id)), ...state.messages],
    firstIndex: page.firstIndex,
    hasMore: page.hasMore,
  };
}

export function addPendingUser(state: ChatState, text: string, attachments: Part[], key: string): ChatState {
  const parts: Part[] = [...attachments];
  if (text) parts.unshift({ kind: 'text', text });
  return { ...state, pendingUsers: [...state.pendingUsers, { key, role: 'user', runId: null, parts, status: 'done', pending: true }] };
}

export function bindPendingUser(state: ChatState, key: string, runId: string | null): ChatState {
  return {
    ...state,
    pendingUsers: runId === null
      ? state.pendingUsers.filter((turn) => turn.key !== key)
      : state.pendingUsers.map((turn) => (turn.key === key ? { ...turn, runId, pending: false } : turn)),
  };
}

function addUsage(a: Usage | undefined, b: Partial<Usage> | undefined): Usage | undefined {
  if (!b) return a;
  const input = (a?.inputTokens ?? 0) + (b.inputTokens ?? 0);
  const output = (a?.outputTokens ?? 0) + (b.outputTokens ?? 0);
  const total = (a?.totalTokens ?? 0) + (b.totalTokens ?? (b.inputTokens ?? 0) + (b.outputTokens ?? 0));
  return { inputTokens: input, outputTokens: output, totalTokens: total };
}

function appendText(parts: Part[], kind: 'text' | 'reasoning', delta: string): Part[] {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind && (last.kind === 'text' || !last.done)) {
    return [...parts.slice(0, -1), { ...last, text: last.text + delta }];
  }
  return [...parts, kind === 'text' ? { kind, text: delta } : { kind, text: delta, done: false }];
}

function updateTool(parts: Part[], id: string | undefined, update: (part: Extract<Part, { kind: 'tool' }>) => Part): Part[] {
  const index = parts.findIndex((p) => p.kind === 'tool' && p.id === id);
  if (index < 0) return parts;
  const next = [...parts];
  next[index] = update(parts[index] as Extract<Part, { kind: 'tool' }>);
  return next;
}

function closeReasoning(parts: Part[]): Part[] {
  return parts.map((p) => (p.kind === 'reasoning' && !p.done ? { ...p, done: true } : p));
}

/** Applies one live run event. Events at or below the run's last applied sequence are ignored (resume overlap). */
export function applyEvent(state: ChatState, event: RunEvent): ChatState {
  if (!event.runId) return state;
  const existing = state.live[event.runId];
  if (existing?.lastSequence !== undefined && event.sequence <= existing.lastSequence) return state;
  let turn: Turn = existing ?? {
    key: `run-${event.runId}`,
    role: 'assistant',
    runId: event.runId,
    parts: [],
    status: 'streaming',
  };
  turn = { ...turn, lastSequence: event.sequence };
  let activeRunId = state.activeRunId;
  switch (event.type) {
    case 'RUN_STARTED':
      turn = { ...turn, status: 'streaming', startedAt: event.timestamp, model: event.model ?? turn.model, profileId: event.profileId ?? turn.profileId };
      activeRunId = event.runId;
      break;
    case 'TEXT_MESSAGE_CONTENT':
      turn = { ...turn, parts: appendText(closeReasoning(turn.parts), 'text', event.delta ?? '') };
      break;
    case 'REASONING_MESSAGE_CONTENT':
      turn = { ...turn, parts: appendText(turn.parts, 'reasoning', event.delta ?? '') };
      break;
    case 'REASONING_MESSAGE_END':
    case 'REASONING_END':
      turn = { ...turn, parts: closeReasoning(turn.parts) };
      break;
    case 'TOOL_CALL_START':
      turn = {
        ...turn,
        parts: [...closeReasoning(turn.parts), { kind: 'tool', id: event.toolCallId ?? '', name: event.toolCallName ?? 'tool', args: '', argsDone: false, clientSide: (event as { clientSide?: boolean }).clientSide }],
      };
      break;
    case 'TOOL_CALL_ARGS':
      turn = { ...turn, parts: updateTool(turn.parts, event.toolCallId, (p) => ({ ...p, args: p.args + (event.delta ?? '') })) };
      break;
    case 'TOOL_CALL_END':
      turn = { ...turn, parts: updateTool(turn.parts, event.toolCallId, (p) => ({ ...p, argsDone: true })) };
      break;
    case 'TOOL_CALL_RESULT':
      turn = { ...turn, parts: updateTool(turn.parts, event.toolCallId, (p) => ({ ...p, argsDone: true, result: event.content ?? '', isError: event.isError ?? false })) };
      break;
    case 'CUSTOM':
      if (event.name === 'gagent.usage' && event.value && typeof event.value === 'object') {
        turn = { ...turn, usage: addUsage(turn.usage, event.value as Partial<Usage>) };
      } else if (event.name === 'gagent.approval.requested' && event.value && typeof event.value === 'object') {
        state = approvalsChanged(state, [{ ...(event.value as Approval), runId: (event.value as Approval).runId ?? event.runId }]);
      }
      break;
    case 'RUN_FINISHED':
      turn = {
        ...turn,
        parts: closeReasoning(turn.parts),
        status: event.outcome === 'interrupt' ? 'interrupted' : 'done',
        finishedAt: event.timestamp,
        usage: event.usage ?? turn.usage,
      };
      if (activeRunId === event.runId) activeRunId = null;
      break;
    case 'RUN_ERROR':
      turn = {
        ...turn,
        parts: closeReasoning(turn.parts),
        status: event.code === 'run_cancelled' ? 'cancelled' : 'error',
        error: event.code === 'run_cancelled' ? undefined : event.message || event.code || 'The run failed.',
        finishedAt: event.timestamp,
      };
      if (activeRunId === event.runId) activeRunId = null;
      break;
    default:
      break;
  }
  return {
    ...state,
    live: { ...state.live, [event.runId]: turn },
    liveOrder: existing ? state.liveOrder : [...state.liveOrder, event.runId],
    activeRunId,
  };
}

function storedParts(message: StoredMessage): Part[] {
  const parts: Part[] = [];
  for (const part of message.parts) {
    switch (part.type) {
      case 'text':
        if (part.text) parts.push({ kind: 'text', text: part.text });
        break;
      case 'reasoning':
        if (part.text) parts.push({ kind: 'reasoning', text: part.text, done: true });
        break;
      case 'tool_call':
        parts.push({ kind: 'tool', id: part.toolCallId ?? '', name: part.name ?? 'tool', args: part.arguments === undefined ? '' : JSON.stringify(part.arguments), argsDone: true });
        break;
      case 'image':
        if (part.url) parts.push({ kind: 'image', url: part.url, mediaType: part.mediaType, mediaId: part.mediaId });
        break;
      case 'file':
        if (part.url) parts.push({ kind: 'file', url: part.url, mediaType: part.mediaType, mediaId: part.mediaId });
        break;
      default:
        break;
    }
  }
  return parts;
}

/** Groups stored messages into turns: a user message each, and the assistant and tool messages of one run together. */
export function turnsFromMessages(messages: StoredMessage[], skipRuns: ReadonlySet<string> = new Set()): Turn[] {
  const turns: Turn[] = [];
  const userTimes = new Map<string, number>();
  for (const message of messages) {
    const time = Date.parse(message.timestamp);
    if (message.role === 'user') {
      if (message.runId) userTimes.set(message.runId, time);
      turns.push({ key: message.id, role: 'user', runId: message.runId, parts: storedParts(message), status: 'done', author: message.authorName ?? undefined });
      continue;
    }
    if (message.role !== 'assistant' && message.role !== 'tool') continue;
    if (message.runId && skipRuns.has(message.runId)) continue;
    let turn = turns[turns.length - 1];
    if (!turn || turn.role !== 'assistant' || turn.runId !== message.runId) {
      turn = {
        key: message.id,
        role: 'assistant',
        runId: message.runId,
        parts: [],
        status: 'done',
        startedAt: (message.runId && userTimes.get(message.runId)) || time,
      };
      turns.push(turn);
    }
    if (message.role === 'tool') {
      for (const part of message.parts) {
        if (part.type !== 'tool_result') continue;
        turn.parts = updateTool(turn.parts, part.toolCallId, (p) => ({ ...p, result: part.result ?? '', isError: part.isError ?? false }));
      }
    } else {
      turn.parts = [...turn.parts, ...storedParts(message)];
      turn.model = message.modelId ?? turn.model;
      turn.author = message.authorName ?? turn.author;
      if (message.usage) turn.usage = addUsage(turn.usage, message.usage);
    }
    turn.finishedAt = time;
  }
  return turns;
}

/** The transcript: stored turns with the live turns placed after the user message of their run. */
export function selectTurns(state: ChatState): Turn[] {
  const liveRuns = new Set(state.liveOrder);
  const turns = turnsFromMessages(state.messages, liveRuns);
  const storedUserRuns = new Set(turns.filter((t) => t.role === 'user' && t.runId).map((t) => t.runId));
  for (const pending of state.pendingUsers) {
    if (!pending.runId || !storedUserRuns.has(pending.runId)) turns.push(pending);
  }
  for (const runId of state.liveOrder) {
    const turn = state.live[runId];
    const userIndex = turns.findIndex((t) => t.role === 'user' && t.runId === runId);
    if (userIndex >= 0) {
      let at = userIndex + 1;
      while (at < turns.length && turns[at].role === 'assistant' && turns[at].runId === runId) at++;
      turns.splice(at, 0, turn);
    } else {
      turns.push(turn);
    }
  }
  return turns;
}

/** The text and attachments of a user turn, to retry or edit it. */
export function userInput(turn: Turn): { text: string; attachments: Part[] } {
  return {
    text: turn.parts.filter((p): p is Extract<Part, { kind: 'text' }> => p.kind === 'text').map((p) => p.text).join('\n'),
    attachments: turn.parts.filter((p) => p.kind === 'image' || p.kind === 'file'),
  };
}
