import type { ComponentType } from 'react';
import type { IconName } from '../components/Icon';
import type { LiveStatus } from '../live/LiveConnection';
import type { LiveHub } from '../live/LiveHub';
import type { ThemeChoice } from '../settings/theme';
import { ApprovalsPanel } from './ApprovalsPanel';
import { ChannelsPanel } from './ChannelsPanel';
import { LearningPanel } from './LearningPanel';
import { MemoryPanel } from './MemoryPanel';
import { ModelsPanel } from './ModelsPanel';
import { ProfilesPanel } from './ProfilesPanel';
import { RoutinesPanel } from './RoutinesPanel';
import { SettingsPanel } from './SettingsPanel';
import { SkillsPanel } from './SkillsPanel';

/** What a panel may use from the app shell. */
export interface PanelContext {
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
  liveStatus: LiveStatus;
  apiKeySet: boolean;
  saveApiKey: (key: string | null) => void;
  /** The live connection: panels listen to its state notifications to stay current. */
  live: LiveHub;
  /** Tells the shell that profiles changed (names and avatars in the chat, the chat's profile menu). */
  profilesChanged: () => void;
}

/** A screen reachable from the sidebar at #/p/{id}. Adding a panel is one component and one entry below. */
export interface PanelDefinition {
  id: string;
  label: string;
  icon: IconName;
  component: ComponentType<{ context: PanelContext }>;
}

export const panels: PanelDefinition[] = [
  { id: 'approvals', label: 'Approvals', icon: 'shield', component: ApprovalsPanel },
  { id: 'profiles', label: 'Profiles', icon: 'user', component: ProfilesPanel },
  { id: 'learning', label: 'Learning', icon: 'bulb', component: LearningPanel },
  { id: 'memory', label: 'Memory', icon: 'book', component: MemoryPanel },
  { id: 'skills', label: 'Skills', icon: 'spark', component: SkillsPanel },
  { id: 'routines', label: 'Routines', icon: 'clock', component: RoutinesPanel },
  { id: 'channels', label: 'Channels', icon: 'channels', component: ChannelsPanel },
  { id: 'models', label: 'Models', icon: 'models', component: ModelsPanel },
  { id: 'settings', label: 'Settings', icon: 'settings', component: SettingsPanel },
];
