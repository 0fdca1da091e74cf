import { useState } from 'react';
import { api } from '../api/client';
import type { Approval, ApprovalScope } from '../api/types';

function pretty(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

const scopeLabels: Record<ApprovalScope, string> = { once: 'Approve once', session: 'For this session', always: 'Always' };

function outcome(approval: Approval): string {
  switch (approval.status) {
    case 'approved':
      return approval.scope && approval.scope !== 'once' ? `Approved (${approval.scope === 'session' ? 'for this session' : 'always'})` : 'Approved';
    case 'denied':
      return approval.reason ? `Denied: ${approval.reason}` : 'Denied';
    case 'expired':
      return approval.reason ? `Expired: ${approval.reason}` : 'Expired';
    default:
      return approval.status;
  }
}

/** A tool call waiting for the owner's decision: tool, arguments, approve (once, session, always) or deny with a reason. */
export function ApprovalCard({ approval, onDecided, showSession }: { approval: Approval; onDecided: (approval: Approval) => void; showSession?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [denying, setDenying] = useState(false);
  const [reason, setReason] = useState('');
  const pending = approval.status === 'pending';
  const reasonId = `deny-reason-${approval.id}`;

  const decide = async (call: () => Promise<Approval>) => {
    setBusy(true);
    setError(null);
    try {
      onDecided(await call());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`approval approval-${approval.status}`} role="group" aria-label={`Approval for ${approval.toolName}`} data-testid="approval" data-status={approval.status}>
      <div className="approval-head">
        <span className="approval-title">{pending ? 'Approval needed: ' : 'Tool '}<strong className="approval-tool">{approval.toolName}</strong></span>
        {!pending && <span className={`badge approval-badge state-${approval.status}`}>{outcome(approval)}</span>}
      </div>
      {showSession && (
        <div className="muted approval-meta">
          Session <a href={`#/s/${encodeURIComponent(approval.sessionId)}`}>{approval.sessionId}</a> · {new Date(approval.createdAt).toLocaleString()}
        </div>
      )}
      <div className="tool-section-label">Arguments</div>
      <pre className="approval-args">{pretty(approval.arguments)}</pre>
      {pending && !denying && (
        <div className="approval-actions">
          {(Object.keys(scopeLabels) as ApprovalScope[]).map((scope) => (
            <button
              key={scope}
              type="button"
              className={scope === 'once' ? 'primary' : undefined}
              disabled={busy}
              onClick={() => void decide(() => api.approve(approval.id, scope))}
            >
              {scopeLabels[scope]}
            </button>
          ))}
          <button type="button" className="danger" disabled={busy} onClick={() => setDenying(true)}>Deny</button>
        </div>
      )}
      {pending && denying && (
        <form
          className="approval-actions"
          onSubmit={(event) => {
            event.preventDefault();
            void decide(() => api.deny(approval.id, reason.trim() || undefined));
          }}
        >
          <label htmlFor={reasonId} className="offscreen">Reason for denying (optional)</label>
          <input id={reasonId} placeholder="Reason (optional)" value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
          <button type="submit" className="danger" disabled={busy}>Confirm deny</button>
          <button type="button" disabled={busy} onClick={() => setDenying(false)}>Cancel</button>
        </form>
      )}
      {error && <p className="notice error" role="alert">{error}</p>}
    </div>
  );
}
