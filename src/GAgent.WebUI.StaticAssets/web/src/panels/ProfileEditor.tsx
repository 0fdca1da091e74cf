import { useState, type FormEvent } from 'react';
import { api, uploadMedia } from '../api/client';
import type { Profile, ProfileFields } from '../api/types';

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

function fieldsOf(profile: Profile | null): ProfileFields {
  return {
    name: profile?.name ?? '',
    description: profile?.description ?? '',
    persona: profile?.persona ?? '',
    modelId: profile?.modelId ?? '',
    visual: {
      avatarMediaId: profile?.visual.avatarMediaId ?? '',
      accentColor: profile?.visual.accentColor ?? '',
      theme: profile?.visual.theme ?? 'system',
    },
  };
}

/** Creates (profile = null) or edits a profile: name, description, persona, model, avatar, accent colour, theme. */
export function ProfileEditor({ profile, models, onSaved, onCancel }: { profile: Profile | null; models: string[]; onSaved: (profile: Profile) => void; onCancel: () => void }) {
  const [id, setId] = useState('');
  const [fields, setFields] = useState<ProfileFields>(() => fieldsOf(profile));
  const [avatarPreview, setAvatarPreview] = useState<string | null>(profile?.visual.avatarUrl ?? null);
  const [uploading, setUploading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isNew = profile === null;
  const idInvalid = isNew && id !== '' && !idPattern.test(id);

  const set = <K extends keyof ProfileFields>(key: K, value: ProfileFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const setVisual = (key: keyof ProfileFields['visual'], value: string) => setFields((f) => ({ ...f, visual: { ...f.visual, [key]: value } }));

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      const [item] = await uploadMedia([file], () => {}).promise;
      setVisual('avatarMediaId', item.id);
      setAvatarPreview(item.url);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setUploading(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onSaved(isNew ? await api.createProfile(id, fields) : await api.patchProfile(profile.id, fields));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const modelOptions = fields.modelId && !models.includes(fields.modelId) ? [fields.modelId, ...models] : models;
  return (
    <form className="setting profile-editor" onSubmit={(event) => void submit(event)} aria-label={isNew ? 'New profile' : `Edit profile ${profile.name}`}>
      <h2>{isNew ? 'New profile' : `Edit ${profile.name}`}</h2>
      {isNew && (
        <div className="field">
          <label htmlFor="profile-id">Id</label>
          <input id="profile-id" value={id} onChange={(event) => setId(event.target.value.trim())} required aria-invalid={idInvalid} aria-describedby="profile-id-hint" />
          <small id="profile-id-hint" className={idInvalid ? 'error-text' : 'muted'}>Letters, digits, '-' and '_' (at most 64).</small>
        </div>
      )}
      <div className="field">
        <label htmlFor="profile-name">Name</label>
        <input id="profile-name" value={fields.name} onChange={(event) => set('name', event.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="profile-description">Description</label>
        <input id="profile-description" value={fields.description} onChange={(event) => set('description', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="profile-persona">Persona (system prompt)</label>
        <textarea id="profile-persona" rows={6} value={fields.persona} onChange={(event) => set('persona', event.target.value)} placeholder="Empty: the gateway's instructions" />
      </div>
      <div className="field">
        <label htmlFor="profile-model">Model</label>
        <select id="profile-model" value={fields.modelId} onChange={(event) => set('modelId', event.target.value)}>
          <option value="">Default model</option>
          {modelOptions.map((model) => <option key={model} value={model}>{model}</option>)}
        </select>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="profile-accent">Accent colour</label>
          <div className="row">
            <input id="profile-accent" type="color" value={fields.visual.accentColor || '#3b5bdb'} onChange={(event) => setVisual('accentColor', event.target.value)} />
            {fields.visual.accentColor ? (
              <button type="button" onClick={() => setVisual('accentColor', '')}>No accent</button>
            ) : (
              <span className="muted">none</span>
            )}
          </div>
        </div>
        <div className="field">
          <label htmlFor="profile-theme">Theme</label>
          <select id="profile-theme" value={fields.visual.theme} onChange={(event) => setVisual('theme', event.target.value)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="profile-avatar">Avatar</label>
          <div className="row">
            {avatarPreview && fields.visual.avatarMediaId && <img className="avatar avatar-image" src={avatarPreview} alt="Avatar preview" />}
            <input id="profile-avatar" type="file" accept="image/*" onChange={(event) => void upload(event.target.files?.[0])} disabled={uploading} />
            {fields.visual.avatarMediaId && <button type="button" onClick={() => setVisual('avatarMediaId', '')}>Remove avatar</button>}
          </div>
        </div>
      </div>
      {error && <p className="notice error" role="alert">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="primary" disabled={saving || uploading || (isNew && (!id || idInvalid)) || !fields.name.trim()}>
          {isNew ? 'Create' : 'Save'}
        </button>
      </div>
    </form>
  );
}
