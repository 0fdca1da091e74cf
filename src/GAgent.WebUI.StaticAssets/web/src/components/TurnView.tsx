import { memo } from 'react';
import type { Approval, Profile } from '../api/types';
import type { Part, Turn } from '../chat/chatState';
import { ApprovalCard } from './ApprovalCard';
import { ProfileAvatar } from './ProfileAvatar';
import { Markdown } from './Markdown';
import { ToolBlock } from './ToolBlock';
import { copyText } from './copy';
import { Icon } from './Icon';

export interface TurnActions {
  onImage: (src: string, alt: string) => void;
  onRetry?: (turn: Turn) => void;
  onEdit?: (turn: Turn) => void;
  onApprovalDecided?: (approval: Approval) => void;
}

function formatLatency(turn: Turn): string | null {
  if (turn.startedAt === undefined || turn.finishedAt === undefined) return null;
  const ms = Math.max(0, turn.finishedAt - turn.startedAt);
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function Attachment({ part, onImage }: { part: Part; onImage: TurnActions['onImage'] }) {
  if (part.kind === 'image') {
    return (
      <button type="button" className="thumb" onClick={() => onImage(part.url, 'Attached image')} aria-label="Open image">
        <img src={part.url} alt="Attached image" loading="lazy" data-testid="message-image" />
      </button>
    );
  }
  if (part.kind === 'file') {
    return (
      <a className="file-chip" href={part.url} target="_blank" rel="noopener noreferrer">
        <Icon name="file" size={14} /> {part.name ?? part.mediaType ?? 'file'}
      </a>
    );
  }
  return null;
}

function plainText(turn: Turn): string {
  return turn.parts.filter((p) => p.kind === 'text').map((p) => (p as { text: string }).text).join('\n\n');
}

/** One transcript bubble. */
export const TurnView = memo(function TurnView({
  turn,
  actions,
  last,
  approvals,
  profile,
}: {
  turn: Turn;
  actions: TurnActions;
  last: boolean;
  approvals?: Approval[];
  profile?: Profile;
}) {
  if (turn.role === 'user') {
    return (
      <article className="turn turn-user" aria-label="Your message" data-testid="user-turn">
        <div className="bubble">
          {turn.parts.some((p) => p.kind === 'image' || p.kind === 'file') && (
            <div className="attachments">{turn.parts.map((part, i) => <Attachment key={i} part={part} onImage={actions.onImage} />)}</div>
          )}
          {turn.parts.filter((p) => p.kind === 'text').map((p, i) => (
            <p key={i} className="user-text">{(p as { text: string }).text}</p>
          ))}
        </div>
        <div className="turn-actions">
          {turn.pending && <span className="muted">sending…</span>}
          {actions.onEdit && !turn.pending && (
            <button type="button" className="link-button" onClick={() => actions.onEdit!(turn)} aria-label="Edit and resend this message">
              Edit
            </button>
          )}
        </div>
      </article>
    );
  }

  const streaming = turn.status === 'streaming';
  const latency = formatLatency(turn);
  const name = profile?.name ?? turn.author ?? turn.model ?? 'Assistant';
  return (
    <article className="turn turn-assistant" aria-label={`Answer from ${name}`} aria-busy={streaming} data-testid="assistant-turn" data-status={turn.status}>
      <ProfileAvatar profile={profile} name={name} />
      <div className="turn-main">
        <div className="turn-name">{name}</div>
        {turn.parts.map((part, i) => {
          switch (part.kind) {
            case 'text':
              return <Markdown key={i} source={part.text} />;
            case 'reasoning':
              return (
                <details key={i} className="reasoning" open={!part.done}>
                  <summary>{part.done ? 'Reasoning' : 'Reasoning…'}</summary>
                  <div className="reasoning-text">{part.text}</div>
                </details>
              );
            case 'tool':
              return (
                <ToolBlock key={i} part={part} running={streaming} awaitingApproval={approvals?.some((a) => a.callId === part.id && a.status === 'pending')} />
              );
            default:
              return <div key={i} className="attachments"><Attachment part={part} onImage={actions.onImage} /></div>;
          }
        })}
        {streaming && (
          <div className="typing" role="status" aria-label="The assistant is answering">
            <span /><span /><span />
          </div>
        )}
        {approvals?.map((approval) => (
          <ApprovalCard key={approval.id} approval={approval} onDecided={(decided) => actions.onApprovalDecided?.(decided)} />
        ))}
        {turn.status === 'interrupted' && !approvals?.length && <div className="notice" role="status">Waiting for an approval…</div>}
        {turn.status === 'cancelled' && <div className="notice">Stopped.</div>}
        {turn.status === 'error' && <div className="notice error" role="alert">{turn.error}</div>}
        {!streaming && (
          <div className="turn-footer">
            {latency && <span title="Latency: run start to finish" data-testid="latency">{latency}</span>}
            {turn.usage && (
              <span title={`${turn.usage.inputTokens} input, ${turn.usage.outputTokens} output tokens`} data-testid="usage">
                {turn.usage.totalTokens} tokens
              </span>
            )}
            {turn.model && (turn.author || profile) && <span>{turn.model}</span>}
            <button type="button" className="link-button" onClick={() => void copyText(plainText(turn))} aria-label="Copy answer">
              Copy
            </button>
            {last && actions.onRetry && (
              <button type="button" className="link-button" onClick={() => actions.onRetry!(turn)} aria-label="Retry: send the question again">
                Retry
              </button>
            )}
          </div>
        )}
      </div>
    </article>
  );
});
