import type { Part } from '../chat/chatState';
import { Icon } from './Icon';

function pretty(text: string): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A tool call as a collapsible block: name and state in the summary, arguments and result inside. */
export function ToolBlock({ part, running, awaitingApproval }: { part: Extract<Part, { kind: 'tool' }>; running: boolean; awaitingApproval?: boolean }) {
  const state = part.result !== undefined ? (part.isError ? 'error' : 'done') : part.clientSide ? 'client' : running ? 'running' : awaitingApproval ? 'awaiting approval' : 'no result';
  return (
    <details className={`tool tool-${state.replaceAll(' ', '-')}`} data-testid="tool-block">
      <summary>
        <span className="tool-icon"><Icon name="tool" size={15} /></span>
        <span className="tool-name">{part.name}</span>
        <span className="tool-state">{state === 'running' ? <span className="spinner" aria-label="running" /> : state}</span>
      </summary>
      <div className="tool-body">
        <div className="tool-section-label">Arguments</div>
        <pre className="tool-args">{pretty(part.args) || '(none)'}</pre>
        {part.result !== undefined && (
          <>
            <div className="tool-section-label">{part.isError ? 'Error' : 'Result'}</div>
            <pre className="tool-result">{pretty(part.result)}</pre>
          </>
        )}
      </div>
    </details>
  );
}
