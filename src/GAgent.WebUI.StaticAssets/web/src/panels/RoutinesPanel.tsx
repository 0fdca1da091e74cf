import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Routine } from '../api/types';
import { Dialog } from '../components/Dialog';
import { RoutineEditor } from './RoutineEditor';
import type { PanelContext } from './registry';
import { useApi } from './useApi';

function when(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleString() : '—';
}

function scheduleText(routine: Routine): string {
  const { cron, timeZone, intervalSeconds } = routine.schedule;
  if (intervalSeconds) return intervalSeconds % 3600 === 0 ? `every ${intervalSeconds / 3600} h` : `every ${Math.round(intervalSeconds / 60)} min`;
  return `${cron ?? '?'}${timeZone && timeZone !== 'UTC' ? ` (${timeZone})` : ' UTC'}`;
}

/** Scheduled prompts: next and last run, create and edit, run now, enable or disable, delete. */
export function RoutinesPanel({ context }: { context: PanelContext }) {
  const list = useApi(() => api.routines());
  const sessions = useApi(() => api.listSessions('', null, 200));
  const [editing, setEditing] = useState<Routine | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Routine | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { reload } = list;

  useEffect(
    () =>
      context.live.onNotification((notification) => {
        if (notification.name.startsWith('gagent.routine.')) reload();
      }),
    [context.live, reload],
  );

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
    reload();
  };

  const items = list.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="panel-title">
      <header className="panel-header">
        <h1 id="panel-title">Routines</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')} disabled={editing !== null}>New routine</button>
      </header>
      <p className="muted">A routine sends its prompt on a schedule into a chat or a channel conversation.</p>
      {list.error && <p className="notice error" role="alert">{list.error}</p>}
      {error && <p className="notice error" role="alert">{error}</p>}
      {editing !== null && (
        <RoutineEditor
          key={editing === 'new' ? 'new' : editing.id}
          routine={editing === 'new' ? null : editing}
          sessions={sessions.data?.items ?? []}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {list.data && items.length === 0 && <p className="muted">No routines yet.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="routines">
            <thead>
              <tr><th>Name</th><th>Schedule</th><th>Target</th><th>Next run</th><th>Last run</th><th><span className="offscreen">Actions</span></th></tr>
            </thead>
            <tbody>
              {items.map((routine) => (
                <tr key={routine.id} data-testid="routine-row">
                  <td className="wrap">
                    <strong>{routine.name}</strong>
                    {!routine.enabled && <span className="badge">Disabled</span>}
                  </td>
                  <td>{scheduleText(routine)}</td>
                  <td className="wrap">
                    {routine.target.sessionId ? (
                      <a href={`#/s/${encodeURIComponent(routine.target.sessionId)}`}>chat</a>
                    ) : (
                      `${routine.target.channel ?? '?'} / ${routine.target.chatId ?? '?'}`
                    )}
                  </td>
                  <td>{routine.enabled ? when(routine.nextRunAt) : '—'}</td>
                  <td className="wrap" data-testid="routine-last-run">
                    {routine.lastRun ? (
                      <>
                        <span className={`state-${routine.lastRun.status}`}>{routine.lastRun.status.replace('_', ' ')}</span> · {when(routine.lastRun.startedAt)}
                        {routine.lastRun.error && <div className="error-text">{routine.lastRun.error}</div>}
                      </>
                    ) : (
                      'never'
                    )}
                  </td>
                  <td>
                    <div className="profile-actions">
                      <button type="button" onClick={() => void act(() => api.runRoutine(routine.id))} aria-label={`Run ${routine.name} now`}>Run now</button>
                      <button type="button" onClick={() => void act(() => api.patchRoutine(routine.id, { enabled: !routine.enabled }))} aria-label={`${routine.enabled ? 'Disable' : 'Enable'} ${routine.name}`}>
                        {routine.enabled ? 'Disable' : 'Enable'}
                      </button>
                      <button type="button" onClick={() => setEditing(routine)} aria-label={`Edit ${routine.name}`}>Edit</button>
                      <button type="button" onClick={() => setDeleting(routine)} aria-label={`Delete ${routine.name}`}>Delete</button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleting && (
        <Dialog title="Delete routine?" onClose={() => setDeleting(null)}>
          <p>Delete the routine “{deleting.name}”? Its chat stays.</p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setDeleting(null)}>Cancel</button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                const id = deleting.id;
                setDeleting(null);
                void act(() => api.deleteRoutine(id));
              }}
            >
              Delete
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
