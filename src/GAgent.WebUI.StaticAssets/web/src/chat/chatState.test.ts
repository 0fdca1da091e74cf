import { describe, expect, it } from 'vitest';
import type { Approval, MessagePage, RunEvent, StoredMessage } from '../api/types';
import { addPendingUser, applyEvent, approvalsChanged, approvalsOfRun, bindPendingUser, emptyChat, loaded, prependOlder, selectTurns, turnsFromMessages, type ChatState } from './chatState';

let seq = 0;
function ev(type: string, fields: Partial<RunEvent> = {}, runId = 'run1'): RunEvent {
  return { type, runId, sessionId: 's1', sequence: ++seq, timestamp: 1000 + seq * 100, ...fields };
}

function apply(state: ChatState, ...events: RunEvent[]): ChatState {
  return events.reduce(applyEvent, state);
}

function stored(id: string, index: number, role: string, parts: StoredMessage['parts'], runId: string | null = 'run1', extra: Partial<StoredMessage> = {}): StoredMessage {
  return { id, index, role, timestamp: new Date(1_700_000_000_000 + index * 1000).toISOString(), text: parts.map((p) => p.text ?? '').join(''), parts, runId, modelId: role === 'assistant' ? 'm' : null, usage: null, authorName: null, ...extra };
}

function page(items: StoredMessage[], hasMore = false): MessagePage {
  return { items, firstIndex: items[0]?.index ?? 0, totalCount: items.length, hasMore };
}

describe('stream reducer', () => {
  it('builds an assistant turn from streamed text, tool calls and reasoning', () => {
    seq = 0;
    const state = apply(
      emptyChat('s1'),
      ev('RUN_STARTED', { model: 'gpt' }),
      ev('REASONING_MESSAGE_CONTENT', { delta: 'Think' }),
      ev('REASONING_MESSAGE_CONTENT', { delta: 'ing' }),
      ev('REASONING_END'),
      ev('TOOL_CALL_START', { toolCallId: 't1', toolCallName: 'get_weather' }),
      ev('TOOL_CALL_ARGS', { toolCallId: 't1', delta: '{"city":' }),
      ev('TOOL_CALL_ARGS', { toolCallId: 't1', delta: '"Paris"}' }),
      ev('TOOL_CALL_END', { toolCallId: 't1' }),
      ev('TOOL_CALL_RESULT', { toolCallId: 't1', content: 'Sunny' }),
      ev('TEXT_MESSAGE_START', { messageId: 'm1', role: 'assistant' }),
      ev('TEXT_MESSAGE_CONTENT', { delta: 'It is ' }),
      ev('TEXT_MESSAGE_CONTENT', { delta: 'sunny.' }),
      ev('CUSTOM', { name: 'gagent.usage', value: { inputTokens: 3, outputTokens: 2, totalTokens: 5 } }),
    );
    const turn = state.live.run1;
    expect(state.activeRunId).toBe('run1');
    expect(turn.status).toBe('streaming');
    expect(turn.model).toBe('gpt');
    expect(turn.parts).toEqual([
      { kind: 'reasoning', text: 'Thinking', done: true },
      { kind: 'tool', id: 't1', name: 'get_weather', args: '{"city":"Paris"}', argsDone: true, result: 'Sunny', isError: false, clientSide: undefined },
      { kind: 'text', text: 'It is sunny.' },
    ]);
    expect(turn.usage).toEqual({ inputTokens: 3, outputTokens: 2, totalTokens: 5 });

    const done = apply(state, ev('RUN_FINISHED', { outcome: 'success', usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 } }));
    expect(done.activeRunId).toBeNull();
    expect(done.live.run1.status).toBe('done');
    expect(done.live.run1.usage?.totalTokens).toBe(15);
    expect(done.live.run1.finishedAt! - done.live.run1.startedAt!).toBe(1300);
  });

  it('ignores events it has already applied (resume overlap) and never duplicates text', () => {
    seq = 0;
    const start = ev('RUN_STARTED');
    const first = ev('TEXT_MESSAGE_CONTENT', { delta: 'Hello' });
    const second = ev('TEXT_MESSAGE_CONTENT', { delta: ' world' });
    let state = apply(emptyChat('s1'), start, first, second);
    state = apply(state, start, first, second); // replayed after a reconnect
    expect(state.live.run1.parts).toEqual([{ kind: 'text', text: 'Hello world' }]);
    expect(state.live.run1.lastSequence).toBe(3);
  });

  it('marks a stopped run as cancelled and a failed one as an error, ending the spinner', () => {
    seq = 0;
    const cancelled = apply(emptyChat('s1'), ev('RUN_STARTED'), ev('RUN_ERROR', { code: 'run_cancelled', message: 'stopped' }));
    expect(cancelled.live.run1.status).toBe('cancelled');
    expect(cancelled.live.run1.error).toBeUndefined();
    expect(cancelled.activeRunId).toBeNull();
    const failed = apply(emptyChat('s1'), ev('RUN_STARTED', {}, 'r2'), ev('RUN_ERROR', { code: 'model_error', message: 'Boom' }, 'r2'));
    expect(failed.live.r2.status).toBe('error');
    expect(failed.live.r2.error).toBe('Boom');
  });

  it('groups stored messages into turns, joining tool results to their calls', () => {
    const turns = turnsFromMessages([
      stored('u1', 0, 'user', [{ type: 'text', text: 'Weather?' }, { type: 'image', url: '/api/media/a?sig=1', mediaId: 'a', mediaType: 'image/png' }]),
      stored('a1', 1, 'assistant', [{ type: 'tool_call', toolCallId: 't1', name: 'get_weather', arguments: { city: 'Paris' } }], 'run1', { usage: { inputTokens: 5, outputTokens: 1, totalTokens: 6 } }),
      stored('t1', 2, 'tool', [{ type: 'tool_result', toolCallId: 't1', result: 'Sunny' }]),
      stored('a2', 3, 'assistant', [{ type: 'text', text: 'Sunny.' }], 'run1', { usage: { inputTokens: 7, outputTokens: 2, totalTokens: 9 } }),
    ]);
    expect(turns).toHaveLength(2);
    expect(turns[0].parts[1]).toMatchObject({ kind: 'image', mediaId: 'a' });
    expect(turns[1].parts).toEqual([
      { kind: 'tool', id: 't1', name: 'get_weather', args: '{"city":"Paris"}', argsDone: true, result: 'Sunny', isError: false },
      { kind: 'text', text: 'Sunny.' },
    ]);
    expect(turns[1].usage).toEqual({ inputTokens: 12, outputTokens: 3, totalTokens: 15 });
    expect(turns[1].finishedAt! - turns[1].startedAt!).toBe(3000);
  });

  it('shows the live turn of the active run instead of its partly stored messages, after its user message', () => {
    seq = 0;
    let state = loaded(emptyChat('s1'), page([
      stored('u1', 0, 'user', [{ type: 'text', text: 'Hi' }]),
      stored('a1', 1, 'assistant', [{ type: 'text', text: 'partial stored' }]),
      stored('u2', 2, 'user', [{ type: 'text', text: 'Later' }], 'run0'),
    ]), 'run1');
    state = apply(state, ev('RUN_STARTED'), ev('TEXT_MESSAGE_CONTENT', { delta: 'live text' }));
    const turns = selectTurns(state);
    expect(turns.map((t) => t.key)).toEqual(['u1', 'run-run1', 'u2']);
    expect(turns[1].parts).toEqual([{ kind: 'text', text: 'live text' }]);
  });

  it('replaces a pending user message by the stored one once the run is known', () => {
    let state = addPendingUser(emptyChat('s1'), 'Hello', [], 'p1');
    expect(selectTurns(state).map((t) => t.pending)).toEqual([true]);
    state = bindPendingUser(state, 'p1', 'run1');
    state = loaded(state, page([stored('u1', 0, 'user', [{ type: 'text', text: 'Hello' }])]), null);
    expect(selectTurns(state).map((t) => t.key)).toEqual(['u1']);
    expect(bindPendingUser(addPendingUser(emptyChat('s1'), 'x', [], 'p2'), 'p2', null).pendingUsers).toEqual([]);
  });

  it('treats a missing activeRunId (null fields are omitted on the wire) as no active run', () => {
    expect(loaded(emptyChat('s1'), page([]), undefined).activeRunId).toBeNull();
  });

  it('puts older pages in front without duplicates', () => {
    const tail = loaded(emptyChat('s1'), page([stored('u2', 2, 'user', [{ type: 'text', text: 'b' }], 'r2')], true), null);
    const more = prependOlder(tail, page([stored('u1', 1, 'user', [{ type: 'text', text: 'a' }], 'r1'), stored('u2', 2, 'user', [{ type: 'text', text: 'b' }], 'r2')]));
    expect(more.messages.map((m) => m.id)).toEqual(['u1', 'u2']);
    expect(more.hasMore).toBe(false);
    expect(more.firstIndex).toBe(1);
  });
});

function approval(id: string, fields: Partial<Approval> = {}): Approval {
  return { id, status: 'pending', decision: null, toolName: 'delete_file', arguments: { path: 'a.txt' }, sessionId: 's1', runId: 'run1', callId: 'call_1', createdAt: '2026-01-01T00:00:00Z', scope: null, reason: null, decidedAt: null, continuationRunId: null, ...fields };
}

describe('approvals', () => {
  it('records an approval requested in a run and marks the run interrupted', () => {
    seq = 0;
    const state = apply(
      emptyChat('s1'),
      ev('RUN_STARTED'),
      ev('TOOL_CALL_START', { toolCallId: 'call_1', toolCallName: 'delete_file' }),
      ev('CUSTOM', { name: 'gagent.approval.requested', value: approval('apv_1') }),
      ev('RUN_FINISHED', { outcome: 'interrupt' }),
    );
    expect(state.live.run1.status).toBe('interrupted');
    expect(approvalsOfRun(state, 'run1').map((a) => a.id)).toEqual(['apv_1']);
    expect(approvalsOfRun(state, 'other')).toEqual([]);
    expect(state.activeRunId).toBeNull();
  });

  it('updates a decided approval and ignores approvals of other sessions', () => {
    let state = approvalsChanged(emptyChat('s1'), [approval('apv_1'), approval('apv_2', { createdAt: '2025-12-31T00:00:00Z' })]);
    expect(approvalsOfRun(state, 'run1').map((a) => a.id)).toEqual(['apv_2', 'apv_1']);
    state = approvalsChanged(state, [approval('apv_1', { status: 'approved', decision: 'approve', continuationRunId: 'run2' })]);
    expect(state.approvals.apv_1.status).toBe('approved');
    const same = approvalsChanged(state, [approval('apv_9', { sessionId: 'elsewhere' })]);
    expect(same).toBe(state);
  });
});
