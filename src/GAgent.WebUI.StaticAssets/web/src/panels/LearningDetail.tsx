import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { LearningCandidate } from '../api/types';
import { DiffView } from '../components/DiffView';

function proposalText(candidate: LearningCandidate): string {
  if (candidate.kind === 'skill') return candidate.skill?.content ?? '';
  if (candidate.kind === 'memory') return candidate.memory?.entry ?? '';
  return JSON.stringify(candidate.profile?.changes ?? {}, null, 2);
}

function proposalLabel(candidate: LearningCandidate): string {
  if (candidate.kind === 'skill') return `SKILL.md of ${candidate.skill?.skillId ?? '?'}`;
  if (candidate.kind === 'memory') return `Memory entry for ${candidate.memory?.profileId ?? '?'}`;
  return `Changes of profile ${candidate.profile?.profileId ?? '?'} (JSON)`;
}

/** The edit body for PATCH /api/learning/{id}: title, reason and the proposal, at the version shown. */
function editBody(candidate: LearningCandidate, title: string, reason: string, text: string): Record<string, unknown> {
  const body: Record<string, unknown> = { title, reason, version: candidate.version };
  if (candidate.kind === 'skill') body.skill = { skillId: candidate.skill?.skillId, content: text };
  else if (candidate.kind === 'memory') body.memory = { profileId: candidate.memory?.profileId, scope: candidate.memory?.scope ?? undefined, entry: text };
  else body.profile = { profileId: candidate.profile?.profileId, changes: JSON.parse(text) };
  return body;
}

/** One candidate: its preview (diff or field changes), edit, approve (and apply), reject, apply. */
export function LearningDetail({ candidate, onChanged }: { candidate: LearningCandidate; onChanged: (candidate: LearningCandidate) => void }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(candidate.title);
  const [reason, setReason] = useState(candidate.reason ?? '');
  const [text, setText] = useState(() => proposalText(candidate));
  const [decisionText, setDecisionText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { preview, status } = candidate;
  const decidable = status === 'pending';
  const applicable = status === 'approved' || status === 'failed';

  const run = async (action: () => Promise<LearningCandidate>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      setEditing(false);
      setDecisionText('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    let body: Record<string, unknown>;
    try {
      body = editBody(candidate, title, reason, text);
    } catch {
      setError('The profile changes are not valid JSON.');
      return;
    }
    void run(() => api.editLearning(candidate.id, body));
  };

  return (
    <article className="learning-detail" aria-labelledby="learning-title" data-testid="learning-detail" data-status={status}>
      <h2 id="learning-title">{candidate.title}</h2>
      <div className="muted small">
        <span className={`badge state-${status}`}>{status}</span> {candidate.kind} · proposed by {candidate.source?.proposedBy ?? 'unknown'}
        {candidate.source?.sessionId && (
          <>
            {' '}in <a href={`#/s/${encodeURIComponent(candidate.source.sessionId)}`}>this chat</a>
          </>
        )}{' '}
        · {new Date(candidate.createdAt).toLocaleString()}
      </div>
      {candidate.reason && <p>{candidate.reason}</p>}
      {candidate.note && <p className="muted">Note: {candidate.note}</p>}
      {candidate.error && <p className="notice error">Apply failed: {candidate.error}</p>}

      {!editing && preview && (
        <section aria-label="Preview">
          <div className="tool-section-label">Preview · {preview.target}{preview.targetExists ? '' : ' (new)'}</div>
          {preview.problem && <p className="notice error">{preview.problem}</p>}
          {preview.diff && <DiffView diff={preview.diff} label={`Changes to ${preview.target}`} />}
          {preview.fields.length > 0 && (
            <div className="table-wrap">
              <table className="fields-table">
                <thead><tr><th>Field</th><th>Before</th><th>After</th></tr></thead>
                <tbody>
                  {preview.fields.map((field) => (
                    <tr key={field.field}>
                      <td>{field.field}</td>
                      <td className="diff-remove">{field.before ?? '—'}</td>
                      <td className="diff-add">{field.after ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {editing ? (
        <form onSubmit={save} aria-label="Edit candidate">
          <div className="field">
            <label htmlFor="learning-edit-title">Title</label>
            <input id="learning-edit-title" value={title} onChange={(event) => setTitle(event.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="learning-edit-reason">Reason</label>
            <input id="learning-edit-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="learning-edit-text">{proposalLabel(candidate)}</label>
            <textarea id="learning-edit-text" rows={10} value={text} onChange={(event) => setText(event.target.value)} className="mono" />
          </div>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setEditing(false)} disabled={busy}>Cancel</button>
            <button type="submit" className="primary" disabled={busy || !title.trim()}>Save</button>
          </div>
        </form>
      ) : (
        <>
          {(decidable || status === 'failed') && (
            <div className="field">
              <label htmlFor="learning-decision-text">Note or reason (optional)</label>
              <input id="learning-decision-text" value={decisionText} onChange={(event) => setDecisionText(event.target.value)} />
            </div>
          )}
          <div className="approval-actions">
            {decidable && (
              <>
                <button type="button" className="primary" disabled={busy} onClick={() => void run(() => api.approveLearning(candidate.id, true, decisionText.trim()))}>
                  Approve and apply
                </button>
                <button type="button" disabled={busy} onClick={() => void run(() => api.approveLearning(candidate.id, false, decisionText.trim()))}>
                  Approve
                </button>
              </>
            )}
            {applicable && (
              <button type="button" className="primary" disabled={busy} onClick={() => void run(() => api.applyLearning(candidate.id))}>
                Apply
              </button>
            )}
            {(decidable || status === 'failed') && (
              <button type="button" className="danger" disabled={busy} onClick={() => void run(() => api.rejectLearning(candidate.id, decisionText.trim()))}>
                Reject
              </button>
            )}
            {(decidable || status === 'failed') && (
              <button type="button" disabled={busy} onClick={() => setEditing(true)}>Edit</button>
            )}
          </div>
        </>
      )}
      {error && <p className="notice error" role="alert">{error}</p>}
    </article>
  );
}
