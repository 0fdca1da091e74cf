import { useState, type KeyboardEvent } from 'react';
import type { Session } from '../api/types';
import type { PanelDefinition } from '../panels/registry';
import { Dialog } from './Dialog';
import { Icon } from './Icon';

export interface SidebarProps {
  sessions: Session[];
  selectedId: string | null;
  route: string;
  search: string;
  hasMore: boolean;
  panels: PanelDefinition[];
  onSearch: (value: string) => void;
  onNew: () => void;
  onMore: () => void;
  onRename: (session: Session, title: string) => Promise<void>;
  onPin: (session: Session) => Promise<void>;
  onDelete: (session: Session) => Promise<void>;
  onNavigate: () => void;
}

export function sessionTitle(session: Session): string {
  return session.title?.trim() || 'New chat';
}

function SessionItem({ session, selected, props }: { session: Session; selected: boolean; props: SidebarProps }) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState('');
  const [confirming, setConfirming] = useState(false);
  const title = sessionTitle(session);

  const commit = async () => {
    const value = draft.trim();
    setRenaming(false);
    if (value && value !== session.title) await props.onRename(session, value);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') void commit();
    if (event.key === 'Escape') {
      event.stopPropagation();
      setRenaming(false);
    }
  };

  return (
    <li className={`session${selected ? ' selected' : ''}`} data-testid="session-item">
      {renaming ? (
        <input
          className="rename-input"
          aria-label="New session title"
          value={draft}
          autoFocus
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKey}
          onBlur={() => void commit()}
        />
      ) : (
        <a href={`#/s/${encodeURIComponent(session.id)}`} className="session-link" aria-current={selected ? 'page' : undefined} onClick={props.onNavigate}>
          {session.pinned && <span className="pin-mark" role="img" aria-label="Pinned"><Icon name="star" size={12} filled /></span>}
          <span className="session-title">{title}</span>
          {session.activeRunId && <span className="running-dot" role="status" aria-label="Running" title="Running" data-testid="running-indicator" />}
        </a>
      )}
      <div className="session-actions">
        <button type="button" className="icon-button small" aria-label={session.pinned ? `Unpin ${title}` : `Pin ${title}`} title={session.pinned ? 'Unpin' : 'Pin'} onClick={() => void props.onPin(session)}>
          <Icon name="star" size={15} filled={session.pinned} />
        </button>
        <button
          type="button"
          className="icon-button small"
          aria-label={`Rename ${title}`}
          title="Rename"
          onClick={() => {
            setDraft(session.title ?? '');
            setRenaming(true);
          }}
        >
          <Icon name="edit" size={15} />
        </button>
        <button type="button" className="icon-button small" aria-label={`Delete ${title}`} title="Delete" onClick={() => setConfirming(true)}>
          <Icon name="trash" size={15} />
        </button>
      </div>
      {confirming && (
        <Dialog title="Delete this chat?" onClose={() => setConfirming(false)}>
          <p>
            “{title}” and its messages will be deleted. This cannot be undone.
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                void props.onDelete(session);
              }}
            >
              Delete
            </button>
          </div>
        </Dialog>
      )}
    </li>
  );
}

/** Sessions (new, search, pin, rename, delete, running indicator) and the panels. */
export function Sidebar(props: SidebarProps) {
  const ordered = [...props.sessions].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt.localeCompare(a.updatedAt));
  return (
    <nav className="sidebar-content" aria-label="Sessions and panels">
      <div className="sidebar-top">
        <button type="button" className="new-chat" onClick={props.onNew} title="New chat (Ctrl+Shift+O)">
          <Icon name="plus" size={16} /> New chat
        </button>
        <input
          type="search"
          className="search"
          placeholder="Search chats"
          aria-label="Search chats"
          value={props.search}
          onChange={(event) => props.onSearch(event.target.value)}
        />
      </div>
      <ul className="sessions" aria-label="Chats">
        {ordered.map((session) => (
          <SessionItem key={session.id} session={session} selected={session.id === props.selectedId} props={props} />
        ))}
        {ordered.length === 0 && <li className="muted sessions-empty">{props.search ? 'No chats match.' : 'No chats yet.'}</li>}
      </ul>
      {props.hasMore && (
        <button type="button" className="link-button more" onClick={props.onMore}>
          More chats
        </button>
      )}
      <ul className="panel-links" aria-label="Panels">
        {props.panels.map((panel) => (
          <li key={panel.id}>
            <a href={`#/p/${panel.id}`} aria-current={props.route === `p/${panel.id}` ? 'page' : undefined} onClick={props.onNavigate}>
              <Icon name={panel.icon} /> {panel.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
