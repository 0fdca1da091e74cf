import { useState } from 'react';
import type { ThemeChoice } from '../settings/theme';
import type { PanelContext } from './registry';

const themes: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export const shortcuts: { keys: string; action: string }[] = [
  { keys: 'Ctrl+Shift+O', action: 'New chat' },
  { keys: 'Shift+Esc', action: 'Focus the message box' },
  { keys: 'Esc', action: 'Stop the answer being written' },
  { keys: 'Enter / Shift+Enter', action: 'Send / new line' },
];

/** Theme, API key and keyboard shortcuts. */
export function SettingsPanel({ context }: { context: PanelContext }) {
  const [key, setKey] = useState('');
  return (
    <section className="panel" aria-labelledby="panel-title">
      <header className="panel-header">
        <h1 id="panel-title">Settings</h1>
      </header>
      <fieldset className="setting">
        <legend>Theme</legend>
        {themes.map((theme) => (
          <label key={theme.value} className="radio">
            <input type="radio" name="theme" value={theme.value} checked={context.theme === theme.value} onChange={() => context.setTheme(theme.value)} />
            {theme.label}
          </label>
        ))}
      </fieldset>
      <form
        className="setting"
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim()) context.saveApiKey(key.trim());
          setKey('');
        }}
      >
        <label htmlFor="api-key">API key</label>
        <p className="muted">
          {context.apiKeySet ? 'An API key is saved in this browser.' : 'No API key saved: only needed when the server has API keys configured.'}
        </p>
        <div className="row">
          <input id="api-key" type="password" autoComplete="off" value={key} onChange={(event) => setKey(event.target.value)} placeholder="Paste an API key" />
          <button type="submit" disabled={!key.trim()}>Save</button>
          {context.apiKeySet && <button type="button" onClick={() => context.saveApiKey(null)}>Forget</button>}
        </div>
      </form>
      <div className="setting">
        <h2>Connection</h2>
        <p>Live events: <strong data-testid="live-status">{context.liveStatus}</strong></p>
      </div>
      <div className="setting">
        <h2>Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {shortcuts.map((s) => (
            <div key={s.keys}>
              <dt><kbd>{s.keys}</kbd></dt>
              <dd>{s.action}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
