import { api } from '../api/client';
import { useApi } from './useApi';

/** GET /v1/models: the models (providers) clients can choose. */
export function ModelsPanel() {
  const { data, error, loading, reload } = useApi(() => api.models());
  return (
    <section className="panel" aria-labelledby="panel-title">
      <header className="panel-header">
        <h1 id="panel-title">Models</h1>
        <button type="button" onClick={reload}>Refresh</button>
      </header>
      {loading && <p className="muted">Loading…</p>}
      {error && <p className="notice error" role="alert">{error}</p>}
      {data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th>Model</th><th>Provider</th><th>Registered</th></tr>
            </thead>
            <tbody>
              {data.data.map((model) => (
                <tr key={model.id}>
                  <td><code>{model.id}</code></td>
                  <td>{model.owned_by}</td>
                  <td>{model.created ? new Date(model.created * 1000).toLocaleString() : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">Clients choose a model with OpenAI's <code>model</code> field; the first one configured is the default.</p>
    </section>
  );
}
