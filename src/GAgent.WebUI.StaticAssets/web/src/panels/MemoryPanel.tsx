import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { MemoryDocument } from '../api/types';
import { Markdown } from '../components/Markdown';
import type { PanelContext } from './registry';
import { useApi } from './useApi';

/** A profile's Markdown memory: rendered (safely), or edited as text and saved. */
export function MemoryPanel({ context }: { context: PanelContext }) {
  const profiles = useApi(() => api.profiles());
  const [profileId, setProfileId] = useState<string | null>(null);
  const [doc, setDoc] = useState<MemoryDocument | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const current = profileId ?? profiles.data?.activeProfileId ?? null;

  useEffect(() => {
    if (!current) return;
    let cancelled = false;
    const load = () =>
      api.memory(current).then(
        (value) => {
          if (!cancelled) {
            setDoc(value);
            setError(null);
          }
        },
        (e: Error) => !cancelled && setError(e.message),
      );
    void load();
    const off = context.live.onNotification((notification) => {
      if (notification.name === 'gagent.memory.updated' && (notification.value as { profileId?: string } | null)?.profileId === current) void load();
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [current, context.live]);

  const save = async () => {
    if (!current || draft === null) return;
    setSaving(true);
    try {
      setDoc(await api.saveMemory(current, draft));
      setDraft(null);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="panel-title">
      <header className="panel-header">
        <h1 id="panel-title">Memory</h1>
        {profiles.data && (
          <select aria-label="Profile" value={current ?? ''} onChange={(event) => (setProfileId(event.target.value), setDraft(null))}>
            {profiles.data.items.map((profile) => <option key={profile.id} value={profile.id}>{profile.name}</option>)}
          </select>
        )}
      </header>
      <p className="muted">What the agent remembers for this profile (its newest part goes into the system prompt).</p>
      {(profiles.error || error) && <p className="notice error" role="alert">{profiles.error ?? error}</p>}
      {doc && draft === null && (
        <>
          <div className="setting" data-testid="memory-view">
            {doc.content.trim() ? <Markdown source={doc.content} /> : <p className="muted">Nothing remembered yet.</p>}
          </div>
          <div className="row">
            <span className="muted small">{doc.length} of {doc.maxLength} characters{doc.updatedAt ? ` · updated ${new Date(doc.updatedAt).toLocaleString()}` : ''}</span>
            <button type="button" onClick={() => setDraft(doc.content)}>Edit</button>
          </div>
        </>
      )}
      {doc && draft !== null && (
        <form onSubmit={(event) => (event.preventDefault(), void save())}>
          <div className="field">
            <label htmlFor="memory-text">Memory (Markdown)</label>
            <textarea id="memory-text" className="mono" rows={16} value={draft} onChange={(event) => setDraft(event.target.value)} />
          </div>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setDraft(null)}>Cancel</button>
            <button type="submit" className="primary" disabled={saving}>Save</button>
          </div>
        </form>
      )}
    </section>
  );
}
