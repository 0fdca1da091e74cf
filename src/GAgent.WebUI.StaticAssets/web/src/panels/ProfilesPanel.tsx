import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Profile } from '../api/types';
import { Dialog } from '../components/Dialog';
import { ProfileAvatar } from '../components/ProfileAvatar';
import { ProfileEditor } from './ProfileEditor';
import type { PanelContext } from './registry';
import { useApi } from './useApi';

/** Profiles: the globally active one, create, edit (persona, model, avatar, accent, theme) and delete. */
export function ProfilesPanel({ context }: { context: PanelContext }) {
  const list = useApi(() => api.profiles());
  const models = useApi(() => api.models());
  const [editing, setEditing] = useState<Profile | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { reload } = list;

  useEffect(
    () =>
      context.live.onNotification((notification) => {
        if (notification.name.startsWith('gagent.profile.')) reload();
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
    context.profilesChanged();
  };

  const modelIds = (models.data?.data ?? []).map((m) => m.id).filter((id) => !id.startsWith('profile:'));
  return (
    <section className="panel" aria-labelledby="panel-title">
      <header className="panel-header">
        <h1 id="panel-title">Profiles</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')} disabled={editing !== null}>New profile</button>
      </header>
      <p className="muted">A chat uses its own profile when it has one, else the active profile.</p>
      {list.error && <p className="notice error" role="alert">{list.error}</p>}
      {error && <p className="notice error" role="alert">{error}</p>}
      {editing !== null && (
        <ProfileEditor
          key={editing === 'new' ? 'new' : editing.id}
          profile={editing === 'new' ? null : editing}
          models={modelIds}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
            context.profilesChanged();
          }}
        />
      )}
      <ul className="profile-list" aria-label="Profiles">
        {list.data?.items.map((profile) => (
          <li key={profile.id} className={`profile-item${profile.active ? ' active' : ''}`} data-testid="profile-item">
            <ProfileAvatar profile={profile} name={profile.name} />
            <div className="profile-text">
              <div>
                <strong>{profile.name}</strong> <span className="muted">{profile.id}</span>
                {profile.active && <span className="badge state-running">Active</span>}
              </div>
              {profile.description && <div className="muted">{profile.description}</div>}
              <div className="muted small">Model: {profile.modelId ?? 'default'} · Theme: {profile.visual.theme}</div>
            </div>
            <div className="profile-actions">
              <button type="button" disabled={profile.active} onClick={() => void act(() => api.setActiveProfile(profile.id))} aria-label={`Make ${profile.name} the active profile`}>
                Make active
              </button>
              <button type="button" onClick={() => setEditing(profile)} aria-label={`Edit ${profile.name}`}>Edit</button>
              {!profile.builtIn && (
                <button type="button" disabled={profile.active} onClick={() => setDeleting(profile)} aria-label={`Delete ${profile.name}`}>Delete</button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {deleting && (
        <Dialog title="Delete profile?" onClose={() => setDeleting(null)}>
          <p>Delete the profile “{deleting.name}”? Chats that use it fall back to the active profile.</p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setDeleting(null)}>Cancel</button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                const id = deleting.id;
                setDeleting(null);
                void act(() => api.deleteProfile(id));
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
