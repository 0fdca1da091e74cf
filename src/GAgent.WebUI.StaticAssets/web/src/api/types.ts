// Wire shapes of the GAgent control API (see README "HTTP surface" and docs/protocol.md).

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export interface Session {
  id: string;
  title: string | null;
  createdAt: string;
  updatedAt: string;
  pinned: boolean;
  messageCount: number;
  profileId: string | null;
  activeRunId: string | null;
}

export interface SessionList {
  items: Session[];
  nextCursor: string | null;
}

export interface MessagePart {
  type: 'text' | 'reasoning' | 'tool_call' | 'tool_result' | 'image' | 'file';
  text?: string;
  toolCallId?: string;
  name?: string;
  arguments?: unknown;
  result?: string;
  isError?: boolean;
  mediaType?: string;
  url?: string;
  mediaId?: string;
}

export interface StoredMessage {
  id: string;
  index: number;
  role: string;
  timestamp: string;
  text: string;
  parts: MessagePart[];
  runId: string | null;
  modelId: string | null;
  usage: Usage | null;
  authorName: string | null;
}

export interface MessagePage {
  items: StoredMessage[];
  firstIndex: number;
  totalCount: number;
  hasMore: boolean;
}

export interface Run {
  id: string;
  sessionId: string;
  status: string;
  model: string | null;
  createdAt: string;
  completedAt: string | null;
  lastSequence: number;
  usage: Usage | null;
}

export interface MediaItem {
  id: string;
  mediaType: string;
  size: number;
  fileName: string;
  sha256: string;
  url: string;
}

export interface Channel {
  name: string;
  capabilities: { maxTextLength: number; markup: string; [key: string]: unknown };
  status: {
    state: string;
    enabled: boolean;
    lastError: string | null;
    restarts: number;
    startedAt: string | null;
    lastActivity: string | null;
  };
}

export interface Model {
  id: string;
  object: string;
  created: number;
  owned_by: string;
}

/** A native run event (AG-UI shape) as the WebSocket delivers it. */
export interface RunEvent {
  type: string;
  sessionId?: string;
  threadId?: string;
  runId: string;
  sequence: number;
  timestamp: number;
  model?: string;
  profileId?: string;
  messageId?: string;
  role?: string;
  delta?: string;
  toolCallId?: string;
  toolCallName?: string;
  content?: string;
  isError?: boolean;
  outcome?: string;
  finishReason?: string;
  usage?: Usage;
  message?: string;
  code?: string;
  name?: string;
  value?: unknown;
}

/** A tool approval (GET /api/approvals/{id}). */
export interface Approval {
  id: string;
  status: 'pending' | 'approved' | 'denied' | 'expired' | string;
  decision: string | null;
  toolName: string;
  arguments: unknown;
  sessionId: string;
  profileId?: string | null;
  runId: string;
  callId: string;
  createdAt: string;
  scope: string | null;
  reason: string | null;
  decidedAt: string | null;
  continuationRunId: string | null;
}

export interface ApprovalList {
  items: Approval[];
  nextAfter: string | null;
}

/** A standing grant made by a `session` or `always` approval. */
export interface ApprovalGrant {
  id: string;
  toolName: string;
  scope: string;
  sessionId: string | null;
  profileId: string | null;
  approvalId: string | null;
  createdAt: string;
}

export type ApprovalScope = 'once' | 'session' | 'always';

/** A state notification of the WebSocket (a CUSTOM event outside any run). */
export interface Notification {
  type: 'CUSTOM';
  name: string;
  value: unknown;
  timestamp: number;
  sessionId?: string;
  threadId?: string;
}

export interface ProfileVisual {
  avatarMediaId: string | null;
  avatarUrl: string | null;
  accentColor: string | null;
  theme: 'light' | 'dark' | 'system' | string;
}

/** A profile (GET /api/profiles/{id}). */
export interface Profile {
  id: string;
  name: string;
  description: string | null;
  persona: string | null;
  modelId: string | null;
  modelAlias: string;
  allowedTools: string[] | null;
  allToolsAllowed: boolean;
  toolsRequiringApproval: string[];
  memoryScope: string;
  visual: ProfileVisual;
  active: boolean;
  builtIn: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProfileList {
  items: Profile[];
  activeProfileId: string;
}

/** The editable fields of a profile (PUT creates, PATCH changes; an empty string clears an optional field). */
export interface ProfileFields {
  name: string;
  description: string;
  persona: string;
  modelId: string;
  visual: { avatarMediaId: string; accentColor: string; theme: string };
}

export type LearningKind = 'skill' | 'memory' | 'profile';
export type LearningStatus = 'pending' | 'approved' | 'rejected' | 'applied' | 'failed';

/** A learning candidate (GET /api/learning/{id}; `preview` only there). */
export interface LearningCandidate {
  id: string;
  kind: LearningKind;
  title: string;
  reason?: string | null;
  skill?: { skillId: string; content: string } | null;
  memory?: { profileId: string; scope?: string | null; entry: string } | null;
  profile?: { profileId: string; changes: Record<string, unknown> } | null;
  source?: { proposedBy: string; sessionId?: string | null; runId?: string | null };
  status: LearningStatus;
  note?: string | null;
  error?: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt?: string | null;
  appliedAt?: string | null;
  version: number;
  preview?: {
    target: string;
    targetExists: boolean;
    diff?: string | null;
    fields: { field: string; before?: string | null; after?: string | null }[];
    problem?: string | null;
  };
}

export interface LearningList {
  items: LearningCandidate[];
  nextAfter: string | null;
}

export interface RoutineRun {
  runId: string | null;
  sessionId: string | null;
  trigger: string;
  scheduledFor: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  error: string | null;
}

/** A routine (GET /api/routines/{id}). */
export interface Routine {
  id: string;
  name: string;
  prompt: string;
  schedule: { cron?: string | null; timeZone?: string | null; intervalSeconds?: number | null };
  target: { sessionId?: string | null; channel?: string | null; chatId?: string | null };
  model: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  nextRunAt: string | null;
  lastScheduledFor: string | null;
  lastRun: RoutineRun | null;
}

/** The body of POST /api/routines and PUT /api/routines/{id}. */
export interface RoutineInput {
  id?: string;
  name: string;
  prompt: string;
  schedule: { cron?: string; timeZone?: string; intervalSeconds?: number };
  target: { sessionId?: string; channel?: string; chatId?: string };
  model?: string;
  enabled: boolean;
}

export interface MemoryDocument {
  profileId: string;
  scope: string;
  content: string;
  length: number;
  maxLength: number;
  updatedAt: string | null;
}

/** A skill (GET /api/skills/{id} adds `content`, the whole SKILL.md). */
export interface Skill {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  updatedAt: string;
  body?: string | null;
  content?: string | null;
}
