import { api } from '../api/client';
import { useApi } from './useApi';

function when(value: string | null): string {
  return value ? new Date(value).toLocaleString() : '—';
}

/** GET /api/channels: each channel's capabilities and supervised state. */
export function ChannelsPanel() {
  const { data, error, loading, reload } = useApi(() => api.channels());
  return (
    <section className="panel" aria-labelledby="panel-title">
      <header className="panel-header">
        <h1 id="panel-title">Channels</h1>
        <button type="button" onClick={reload}>Refresh</button>
      </header>
      {loading && <p className="muted">Loading…</p>}
      {error && <p className="notice error" role="alert">{error}</p>}
      {data && data.data.length === 0 && <p className="muted">No channels are registered. Add one with <code>.AddChannel&lt;T&gt;()</code>.</p>}
      {data && data.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th>Name</th><th>State</th><th>Markup</th><th>Max text</th><th>Restarts</th><th>Last activity</th><th>Last error</th></tr>
            </thead>
            <tbody>
              {data.data.map((channel) => (
                <tr key={channel.name}>
                  <td>{channel.name}</td>
                  <td><span className={`badge state-${channel.status.state.toLowerCase()}`}>{channel.status.enabled ? channel.status.state : 'Disabled'}</span></td>
                  <td>{channel.capabilities.markup}</td>
                  <td>{channel.capabilities.maxTextLength}</td>
                  <td>{channel.status.restarts}</td>
                  <td>{when(channel.status.lastActivity)}</td>
                  <td className="wrap">{channel.status.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
