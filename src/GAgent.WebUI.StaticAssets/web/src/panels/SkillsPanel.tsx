import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Skill } from '../api/types';
import type { PanelContext } from './registry';
import { useApi } from './useApi';

/** Skills: list with enable/disable, and the SKILL.md of the one chosen. */
export function SkillsPanel({ context }: { context: PanelContext }) {
  const list = useApi(() => api.skills());
  const [selected, setSelected] = useState<Skill | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { reload } = list;

  useEffect(
    () =>
      context.live.onNotification((notification) => {
        if (notification.name.startsWith('gagent.skill.')) reload();
      }),
    [context.live, reload],
  );

  const open = async (id: string) => {
    try {
      setSelected(await api.skill(id));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const toggle = async (skill: Skill) => {
    try {
      await api.setSkillEnabled(skill.id, !skill.enabled);
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
        <h1 id="panel-title">Skills</h1>
        <button type="button" onClick={reload}>Refresh</button>
      </header>
      <p className="muted">Enabled skills are offered to the agent by name and description; it reads one when it needs it.</p>
      {(list.error || error) && <p className="notice error" role="alert">{list.error ?? error}</p>}
      {list.data && items.length === 0 && <p className="muted">No skills yet. Approve a skill in the learning queue, or add a folder with a SKILL.md to the skills directory.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Skill</th><th>Description</th><th>Enabled</th></tr></thead>
            <tbody>
              {items.map((skill) => (
                <tr key={skill.id} data-testid="skill-row">
                  <td><button type="button" className="link-button" onClick={() => void open(skill.id)}>{skill.name}</button> <span className="muted small">{skill.id}</span></td>
                  <td className="wrap">{skill.description}</td>
                  <td>
                    <label className="radio">
                      <input type="checkbox" checked={skill.enabled} onChange={() => void toggle(skill)} aria-label={`${skill.name} enabled`} />
                      {skill.enabled ? 'on' : 'off'}
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && (
        <section className="setting" aria-label={`SKILL.md of ${selected.name}`}>
          <div className="panel-header">
            <h2>{selected.name} · SKILL.md</h2>
            <button type="button" onClick={() => setSelected(null)}>Close</button>
          </div>
          <pre className="skill-text" data-testid="skill-text">{selected.content ?? selected.body ?? ''}</pre>
        </section>
      )}
    </section>
  );
}
