import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Approval } from '../api/types';
import { ApprovalCard } from '../components/ApprovalCard';
import type { PanelContext } from './registry';
import { useApi } from './useApi';

/** Notifications after which the pending list or the grants may have changed. */
const refreshOn = new Set(['gagent.approval.resolved', 'gagent.run.status', 'gagent.session.deleted']);

function scopeText(scope: string, sessionId: string | null): string {
  return scope === 'session' ? `session ${sessionId ?? ''}`.trim() : scope;
}

/** Pending tool approvals across sessions, kept current live, and the standing grants with revoke. */
export function ApprovalsPanel({ context }: { context: PanelContext }) {
  const pending = useApi(() => api.approvals('pending'));
  const grants = useApi(() => api.grants());
  const [error, setError] = useState<string | null>(null);
  const { reload: reloadPending } = pending;
  const { reload: reloadGrants } = grants;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = context.live.onNotification((notification) => {
      if (!refreshOn.has(notification.name)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        reloadPending();
        reloadGrants();
      }, 150);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [context.live, reloadPending, reloadGrants]);

  const lastStatus = useRef(context.liveStatus);
  useEffect(() => {
    // Notifications are not replayed after a reconnect: reload when the connection comes back.
    if (context.liveStatus === 'open' && lastStatus.current !== 'open') reloadPending();
    lastStatus.current = context.liveStatus;
  }, [context.liveStatus, reloadPending]);

  const decided = (approval: Approval) => {
    reloadPending();
    if (approval.scope && approval.scope !== 'once') reloadGrants();
  };

  const revoke = async (id: string) => {
    try {
      await api.revokeGrant(id);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
    reloadGrants();
  };

  const items = pending.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="panel-title">
      <header className="panel-header">
        <h1 id="panel-title">Approvals</h1>
        <button type="button" onClick={() => (reloadPending(), reloadGrants())}>Refresh</button>
      </header>
      <h2 id="pending-title">Pending</h2>
      {pending.error && <p className="notice error" role="alert">{pending.error}</p>}
      {pending.data && items.length === 0 && <p className="muted">No tool call is waiting for a decision.</p>}
      <div aria-labelledby="pending-title" role="list" data-testid="pending-approvals">
        {items.map((approval) => (
          <div role="listitem" key={approval.id}>
            <ApprovalCard approval={approval} onDecided={decided} showSession />
          </div>
        ))}
      </div>
      <h2 id="grants-title">Standing grants</h2>
      <p className="muted">Made by approvals “for this session” or “always”: the tool runs without asking. Revoke to make it ask again.</p>
      {(grants.error || error) && <p className="notice error" role="alert">{grants.error ?? error}</p>}
      {grants.data && grants.data.items.length === 0 && <p className="muted">No grants.</p>}
      {grants.data && grants.data.items.length > 0 && (
        <div className="table-wrap">
          <table aria-labelledby="grants-title" data-testid="grants">
            <thead>
              <tr><th>Tool</th><th>Scope</th><th>Profile</th><th>Created</th><th><span className="offscreen">Actions</span></th></tr>
            </thead>
            <tbody>
              {grants.data.items.map((grant) => (
                <tr key={grant.id}>
                  <td><code>{grant.toolName}</code></td>
                  <td className="wrap">{scopeText(grant.scope, grant.sessionId)}</td>
                  <td>{grant.profileId ?? 'any'}</td>
                  <td>{new Date(grant.createdAt).toLocaleString()}</td>
                  <td>
                    <button type="button" onClick={() => void revoke(grant.id)} aria-label={`Revoke the grant for ${grant.toolName}`}>Revoke</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
