import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, getApiKey, onAuthRequired, setApiKey } from './api/client';
import type { ProfileList, Session } from './api/types';
import type { Part } from './chat/chatState';
import { ChatView, type ChatViewHandle } from './components/ChatView';
import { Dialog } from './components/Dialog';
import { Icon } from './components/Icon';
import { sessionTitle, Sidebar } from './components/Sidebar';
import type { LiveStatus } from './live/LiveConnection';
import { LiveHub } from './live/LiveHub';
import { panels, type PanelContext } from './panels/registry';
import { applyTheme, loadTheme, saveTheme, type ThemeChoice } from './settings/theme';

function currentRoute(): string {
  return decodeURIComponent(window.location.hash.replace(/^#\/?/, ''));
}

type FirstMessage = { text: string; mediaIds: string[]; parts: Part[] };

export function App() {
  const live = useMemo(() => new LiveHub(), []);
  const [route, setRoute] = useState(currentRoute);
  const [sessions, setSessions] = useState<Session[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [theme, setThemeState] = useState<ThemeChoice>(loadTheme);
  const [liveStatus, setLiveStatus] = useState<LiveStatus>('connecting');
  const [needKey, setNeedKey] = useState<string | null>(null);
  const [keyDraft, setKeyDraft] = useState('');
  const [apiKeySet, setApiKeySet] = useState(() => !!getApiKey());
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const [profiles, setProfiles] = useState<ProfileList | null>(null);
  const firstMessage = useRef<{ sessionId: string; message: FirstMessage } | null>(null);
  const chat = useRef<ChatViewHandle>(null);

  const sessionId = route.startsWith('s/') ? route.slice(2) : null;
  const panel = route.startsWith('p/') ? panels.find((p) => p.id === route.slice(2)) : undefined;

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    const onHash = () => {
      setRoute(currentRoute());
      setDrawerOpen(false);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const off = live.onStatus(setLiveStatus);
    live.start();
    const online = () => live.connection.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      off();
      window.removeEventListener('online', online);
      live.stop();
    };
  }, [live]);

  useEffect(() => onAuthRequired((error) => setNeedKey(error.message)), []);

  const loadSessions = useCallback(async () => {
    try {
      const page = await api.listSessions(search);
      setSessions(page.items);
      setNextCursor(page.nextCursor);
      setListError(null);
    } catch (e) {
      setListError((e as Error).message);
    }
  }, [search]);

  useEffect(() => {
    const timer = setTimeout(() => void loadSessions(), search ? 250 : 0);
    return () => clearTimeout(timer);
  }, [loadSessions, search]);

  // Running indicators of sessions this tab does not follow: refresh the list now and then while visible.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void loadSessions();
    }, 15000);
    return () => clearInterval(timer);
  }, [loadSessions]);

  const moreSessions = async () => {
    if (!nextCursor) return;
    const page = await api.listSessions(search, nextCursor);
    setSessions((list) => [...list, ...page.items.filter((s) => !list.some((x) => x.id === s.id))]);
    setNextCursor(page.nextCursor);
  };

  const refreshSoon = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onRunsChanged = useCallback(() => {
    if (refreshSoon.current) clearTimeout(refreshSoon.current);
    refreshSoon.current = setTimeout(() => void loadSessions(), 150);
  }, [loadSessions]);

  const loadProfiles = useCallback(async () => {
    try {
      setProfiles(await api.profiles());
    } catch {
      // names and avatars fall back to the model's name
    }
  }, []);

  useEffect(() => {
    void loadProfiles();
    return live.onNotification((notification) => {
      if (notification.name.startsWith('gagent.profile.')) void loadProfiles();
    });
  }, [live, loadProfiles]);

  // Sessions created, renamed, deleted or busy elsewhere (another tab, a channel, a routine): refresh the list.
  useEffect(
    () =>
      live.onNotification((notification) => {
        if (notification.name.startsWith('gagent.session.') || notification.name === 'gagent.run.status') onRunsChanged();
      }),
    [live, onRunsChanged],
  );

  const newChat = useCallback(() => {
    window.location.hash = '#/';
    setRoute('');
    setTimeout(() => chat.current?.focusComposer(), 0);
  }, []);

  const createSession = useCallback(async (first: FirstMessage): Promise<boolean> => {
    try {
      const session = await api.createSession();
      firstMessage.current = { sessionId: session.id, message: first };
      setSessions((list) => [session, ...list]);
      window.location.hash = `#/s/${encodeURIComponent(session.id)}`;
      return true;
    } catch (e) {
      if (!(e instanceof ApiError && e.needsKey)) setListError((e as Error).message);
      return false;
    }
  }, []);

  // Keyboard shortcuts: Ctrl/Cmd+Shift+O new chat, Shift+Esc focus the composer, Esc stops the answer.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        newChat();
      } else if (event.key === 'Escape' && event.shiftKey) {
        event.preventDefault();
        chat.current?.focusComposer();
      } else if (event.key === 'Escape' && !document.querySelector('[aria-modal="true"]')) {
        chat.current?.stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [newChat]);

  const saveApiKey = useCallback(
    (key: string | null) => {
      setApiKey(key);
      setApiKeySet(!!key);
      setNeedKey(null);
      live.connection.reconnectNow();
      void loadSessions();
    },
    [live, loadSessions],
  );

  const setTheme = (value: ThemeChoice) => {
    saveTheme(value);
    setThemeState(value);
  };

  const context: PanelContext = { theme, setTheme, liveStatus, apiKeySet, saveApiKey, live, profilesChanged: () => void loadProfiles() };
  const selected = sessions.find((s) => s.id === sessionId);
  const title = panel ? panel.label : selected ? sessionTitle(selected) : sessionId ? 'Chat' : 'New chat';

  useEffect(() => {
    document.title = `${title} · GAgent`;
  }, [title]);

  const initialSend = sessionId && firstMessage.current?.sessionId === sessionId ? firstMessage.current.message : null;
  if (initialSend) firstMessage.current = null; // handed to the new ChatView once

  return (
    <div className={`app${drawerOpen ? ' drawer-open' : ''}`}>
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <aside className="sidebar" id="sidebar" aria-label="Sidebar">
        <div className="brand">
          <img src="icon.svg" alt="" width="24" height="24" />
          <span>GAgent</span>
        </div>
        <Sidebar
          sessions={sessions}
          selectedId={sessionId}
          route={route}
          search={search}
          hasMore={!!nextCursor}
          panels={panels}
          onSearch={setSearch}
          onNew={newChat}
          onMore={() => void moreSessions()}
          onNavigate={() => setDrawerOpen(false)}
          onRename={async (session, value) => {
            const updated = await api.patchSession(session.id, { title: value }).catch((e: Error) => (setListError(e.message), null));
            if (updated) setSessions((list) => list.map((s) => (s.id === updated.id ? updated : s)));
          }}
          onPin={async (session) => {
            const updated = await api.patchSession(session.id, { pinned: !session.pinned }).catch((e: Error) => (setListError(e.message), null));
            if (updated) setSessions((list) => list.map((s) => (s.id === updated.id ? updated : s)));
          }}
          onDelete={async (session) => {
            try {
              await api.deleteSession(session.id);
              setSessions((list) => list.filter((s) => s.id !== session.id));
              if (session.id === sessionId) newChat();
            } catch (e) {
              setListError((e as Error).message);
            }
          }}
        />
        {listError && <p className="notice error sidebar-error" role="alert">{listError}</p>}
      </aside>
      <div className="drawer-backdrop" onClick={() => setDrawerOpen(false)} aria-hidden="true" />
      <div className="main-column">
        <header className="topbar">
          <button
            type="button"
            className="icon-button menu-button"
            aria-label="Open the sidebar"
            aria-controls="sidebar"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen((open) => !open)}
          >
            <Icon name="menu" size={20} />
          </button>
          {panel ? <span className="topbar-title">{title}</span> : <h1 className="topbar-title">{title}</h1>}
          {selected && profiles && profiles.items.length > 1 && (
            <select
              className="profile-select"
              aria-label="Profile for this chat"
              value={selected.profileId ?? ''}
              onChange={async (event) => {
                const updated = await api.patchSession(selected.id, { profileId: event.target.value }).catch((e: Error) => (setListError(e.message), null));
                if (updated) setSessions((list) => list.map((s) => (s.id === updated.id ? updated : s)));
              }}
            >
              <option value="">Active profile ({profiles.items.find((p) => p.id === profiles.activeProfileId)?.name ?? profiles.activeProfileId})</option>
              {profiles.items.map((profile) => <option key={profile.id} value={profile.id}>{profile.name}</option>)}
            </select>
          )}
          <span className={`live-status live-${liveStatus}`} role="status" aria-label={`Live connection: ${liveStatus}`} title={`Live connection: ${liveStatus}`}>
            {liveStatus === 'open' ? 'Live' : liveStatus === 'offline' ? 'Offline' : 'Connecting…'}
          </span>
          <button type="button" className="icon-button" aria-label="New chat" title="New chat (Ctrl+Shift+O)" onClick={newChat}>
            <Icon name="plus" size={20} />
          </button>
        </header>
        <main id="main" className="main" tabIndex={-1}>
          {panel ? (
            <panel.component context={context} />
          ) : (
            <ChatView
              key={sessionId ?? 'new'}
              ref={chat}
              sessionId={sessionId}
              live={live}
              initialSend={initialSend}
              onCreateSession={createSession}
              onRunsChanged={onRunsChanged}
              title={title}
              profiles={profiles?.items}
            />
          )}
        </main>
      </div>
      {needKey !== null && (
        <Dialog title="API key required" onClose={() => setNeedKey(null)}>
          <p>{needKey}</p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (keyDraft.trim()) saveApiKey(keyDraft.trim());
              setKeyDraft('');
            }}
          >
            <label htmlFor="key-prompt">API key</label>
            <input id="key-prompt" type="password" autoComplete="off" value={keyDraft} onChange={(event) => setKeyDraft(event.target.value)} />
            <div className="dialog-buttons">
              <button type="button" onClick={() => setNeedKey(null)}>Cancel</button>
              <button type="submit" disabled={!keyDraft.trim()}>Save</button>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  );
}
