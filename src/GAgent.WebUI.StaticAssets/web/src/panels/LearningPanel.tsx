import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { LearningCandidate } from '../api/types';
import { sortCandidates } from '../learning/diff';
import { LearningDetail } from './LearningDetail';
import type { PanelContext } from './registry';
import { useApi } from './useApi';

/** The learning queue: what the agent proposed to learn, pending first, with a preview and the owner's decisions. */
export function LearningPanel({ context }: { context: PanelContext }) {
  const list = useApi(() => api.learning());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detail, setDetail] = useState<LearningCandidate | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const { reload } = list;

  const loadDetail = useCallback(async (id: string) => {
    try {
      setDetail(await api.learningCandidate(id));
      setDetailError(null);
    } catch (e) {
      setDetail(null);
      setDetailError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    if (selectedId) void loadDetail(selectedId);
    else setDetail(null);
  }, [selectedId, loadDetail]);

  useEffect(
    () =>
      context.live.onNotification((notification) => {
        if (!notification.name.startsWith('gagent.learning.')) return;
        reload();
        const id = (notification.value as { id?: string } | null)?.id;
        if (id && id === selectedId) void loadDetail(id);
      }),
    [context.live, reload, selectedId, loadDetail],
  );

  const items = sortCandidates(list.data?.items ?? []);
  const pendingCount = items.filter((c) => c.status === 'pending').length;
  return (
    <section className="panel" aria-labelledby="panel-title">
      <header className="panel-header">
        <h1 id="panel-title">Learning queue</h1>
        <button type="button" onClick={reload}>Refresh</button>
      </header>
      <p className="muted">
        What the agent proposed to learn (skills, memory, profile changes). Nothing changes until you approve and apply it.
        {list.data && ` ${pendingCount} pending.`}
      </p>
      {list.error && <p className="notice error" role="alert">{list.error}</p>}
      {list.data && items.length === 0 && <p className="muted">The queue is empty.</p>}
      {items.length > 0 && (
        <div className="learning">
          <ul className="learning-list" aria-label="Candidates">
            {items.map((candidate) => (
              <li key={candidate.id}>
                <button
                  type="button"
                  className="learning-item"
                  aria-current={candidate.id === selectedId}
                  onClick={() => setSelectedId(candidate.id)}
                  data-testid="learning-item"
                >
                  <strong>{candidate.title}</strong>
                  <span className="muted small">
                    <span className={`state-${candidate.status}`}>{candidate.status}</span> · {candidate.kind}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div>
            {detailError && <p className="notice error" role="alert">{detailError}</p>}
            {detail ? (
              <LearningDetail
                key={`${detail.id}:${detail.version}`}
                candidate={detail}
                onChanged={(changed) => {
                  reload();
                  void loadDetail(changed.id);
                }}
              />
            ) : (
              !detailError && <p className="muted">Choose a candidate to see what it would change.</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
