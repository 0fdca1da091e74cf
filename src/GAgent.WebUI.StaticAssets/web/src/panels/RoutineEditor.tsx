import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Routine, RoutineInput, Session } from '../api/types';
import { sessionTitle } from '../components/Sidebar';

type ScheduleKind = 'cron' | 'interval';
type TargetKind = 'session' | 'channel';

/** Creates (routine = null) or replaces a routine: name, prompt, cron or interval schedule, target session or channel. */
export function RoutineEditor({ routine, sessions, onSaved, onCancel }: { routine: Routine | null; sessions: Session[]; onSaved: () => void; onCancel: () => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState(routine?.name ?? '');
  const [prompt, setPrompt] = useState(routine?.prompt ?? '');
  const [scheduleKind, setScheduleKind] = useState<ScheduleKind>(routine?.schedule.intervalSeconds ? 'interval' : 'cron');
  const [cron, setCron] = useState(routine?.schedule.cron ?? '0 8 * * MON-FRI');
  const [timeZone, setTimeZone] = useState(routine?.schedule.timeZone ?? 'UTC');
  const [minutes, setMinutes] = useState(String(routine?.schedule.intervalSeconds ? Math.round(routine.schedule.intervalSeconds / 60) : 60));
  const [targetKind, setTargetKind] = useState<TargetKind>(routine?.target.channel ? 'channel' : 'session');
  const [sessionId, setSessionId] = useState(routine?.target.sessionId ?? sessions[0]?.id ?? '');
  const [channel, setChannel] = useState(routine?.target.channel ?? '');
  const [chatId, setChatId] = useState(routine?.target.chatId ?? '');
  const [model, setModel] = useState(routine?.model ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isNew = routine === null;
  const sessionOptions = sessionId && !sessions.some((s) => s.id === sessionId) ? [{ id: sessionId, title: sessionId } as Session, ...sessions] : sessions;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: RoutineInput = {
      name: name.trim(),
      prompt,
      schedule: scheduleKind === 'cron' ? { cron: cron.trim(), timeZone: timeZone.trim() || undefined } : { intervalSeconds: Math.round(Number(minutes) * 60) },
      target: targetKind === 'session' ? { sessionId } : { channel: channel.trim(), chatId: chatId.trim() },
      model: model.trim() || undefined,
      enabled: routine?.enabled ?? true,
    };
    setSaving(true);
    setError(null);
    try {
      if (isNew) await api.createRoutine({ ...input, id: id.trim() || undefined });
      else await api.replaceRoutine(routine.id, input);
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="setting" onSubmit={(event) => void submit(event)} aria-label={isNew ? 'New routine' : `Edit routine ${routine.name}`}>
      <h2>{isNew ? 'New routine' : `Edit ${routine.name}`}</h2>
      {isNew && (
        <div className="field">
          <label htmlFor="routine-id">Id (optional)</label>
          <input id="routine-id" value={id} onChange={(event) => setId(event.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor="routine-name">Name</label>
        <input id="routine-name" value={name} onChange={(event) => setName(event.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="routine-prompt">Prompt</label>
        <textarea id="routine-prompt" rows={4} value={prompt} onChange={(event) => setPrompt(event.target.value)} required />
      </div>
      <fieldset className="field">
        <legend>Schedule</legend>
        <div>
          <label className="radio"><input type="radio" name="schedule-kind" checked={scheduleKind === 'cron'} onChange={() => setScheduleKind('cron')} /> Cron</label>
          <label className="radio"><input type="radio" name="schedule-kind" checked={scheduleKind === 'interval'} onChange={() => setScheduleKind('interval')} /> Interval</label>
        </div>
        {scheduleKind === 'cron' ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor="routine-cron">Cron expression</label>
              <input id="routine-cron" value={cron} onChange={(event) => setCron(event.target.value)} required aria-describedby="routine-cron-hint" />
              <small id="routine-cron-hint" className="muted">minute hour day-of-month month day-of-week, e.g. 0 8 * * MON-FRI or @daily</small>
            </div>
            <div className="field">
              <label htmlFor="routine-tz">Time zone</label>
              <input id="routine-tz" value={timeZone} onChange={(event) => setTimeZone(event.target.value)} placeholder="UTC" />
            </div>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="routine-interval">Every (minutes, at least 1)</label>
            <input id="routine-interval" type="number" min={1} value={minutes} onChange={(event) => setMinutes(event.target.value)} required />
          </div>
        )}
      </fieldset>
      <fieldset className="field">
        <legend>Target</legend>
        <div>
          <label className="radio"><input type="radio" name="target-kind" checked={targetKind === 'session'} onChange={() => setTargetKind('session')} /> Chat</label>
          <label className="radio"><input type="radio" name="target-kind" checked={targetKind === 'channel'} onChange={() => setTargetKind('channel')} /> Channel conversation</label>
        </div>
        {targetKind === 'session' ? (
          <div className="field">
            <label htmlFor="routine-session">Target chat</label>
            <select id="routine-session" value={sessionId} onChange={(event) => setSessionId(event.target.value)} required>
              {sessionOptions.length === 0 && <option value="">No chats yet: start one first</option>}
              {sessionOptions.map((session) => <option key={session.id} value={session.id}>{sessionTitle(session)}</option>)}
            </select>
          </div>
        ) : (
          <div className="field-row">
            <div className="field">
              <label htmlFor="routine-channel">Channel</label>
              <input id="routine-channel" value={channel} onChange={(event) => setChannel(event.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="routine-chat">Chat id</label>
              <input id="routine-chat" value={chatId} onChange={(event) => setChatId(event.target.value)} required />
            </div>
          </div>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor="routine-model">Model (optional)</label>
        <input id="routine-model" value={model} onChange={(event) => setModel(event.target.value)} placeholder="the session's profile decides" />
      </div>
      {error && <p className="notice error" role="alert">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="primary" disabled={saving || !name.trim() || !prompt.trim()}>{isNew ? 'Create' : 'Save'}</button>
      </div>
    </form>
  );
}
