import type { Approval, ApprovalGrant, ApprovalList, ApprovalScope, Channel, LearningCandidate, LearningList, MediaItem, MemoryDocument, MessagePage, Model, Profile, ProfileFields, ProfileList, Routine, RoutineInput, Run, Session, SessionList, Skill } from './types';

/** An API answer other than 2xx, with the ProblemDetails (or OpenAI error) fields when the server sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the server wants (another) API key. */
  get needsKey(): boolean {
    return this.status === 401 || (this.status === 403 && this.code !== 'insufficient_scope');
  }
}

const apiKeyStorage = 'gagent.apiKey';

export function getApiKey(): string | null {
  try {
    return localStorage.getItem(apiKeyStorage);
  } catch {
    return null;
  }
}

export function setApiKey(key: string | null): void {
  if (key) localStorage.setItem(apiKeyStorage, key);
  else localStorage.removeItem(apiKeyStorage);
}

/** The API's root URL: from the page's <meta name="gagent-api-base"> (set by the server), else the document's base. */
export function apiBase(doc: Document = document): string {
  const meta = doc.querySelector('meta[name="gagent-api-base"]')?.getAttribute('content');
  return new URL(meta || '.', doc.baseURI).toString();
}

export function apiUrl(path: string, base: string = apiBase()): string {
  return new URL(path.replace(/^\//, ''), base).toString();
}

type AuthListener = (error: ApiError) => void;
const authListeners = new Set<AuthListener>();

/** Called whenever a request is refused for want of a (valid) API key. */
export function onAuthRequired(listener: AuthListener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

function authHeaders(): Record<string, string> {
  const key = getApiKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

async function toError(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  let code: string | undefined;
  try {
    const body = await response.json();
    if (body?.error?.message) {
      message = body.error.message;
      code = body.error.code ?? undefined;
    } else {
      message = body?.detail || body?.title || message;
      code = body?.code ?? undefined;
    }
  } catch {
    // not JSON: keep the status line
  }
  const error = new ApiError(response.status, message, code);
  if (error.needsKey) authListeners.forEach((listener) => listener(error));
  return error;
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(apiUrl(path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  listSessions: (search: string, cursor?: string | null, limit = 50) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (search) query.set('search', search);
    if (cursor) query.set('cursor', cursor);
    return request<SessionList>('GET', `api/sessions?${query}`);
  },
  getSession: (id: string) => request<Session>('GET', `api/sessions/${encodeURIComponent(id)}`),
  createSession: (title?: string) => request<Session>('POST', 'api/sessions', title ? { title } : {}),
  patchSession: (id: string, patch: { title?: string; pinned?: boolean; profileId?: string }) =>
    request<Session>('PATCH', `api/sessions/${encodeURIComponent(id)}`, patch),
  deleteSession: (id: string) => request<void>('DELETE', `api/sessions/${encodeURIComponent(id)}`),
  messages: (id: string, before?: number, limit = 50) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (before !== undefined) query.set('before', String(before));
    return request<MessagePage>('GET', `api/sessions/${encodeURIComponent(id)}/messages?${query}`);
  },
  sendMessage: (id: string, content: string, attachments: string[], model?: string) =>
    request<Run>('POST', `api/sessions/${encodeURIComponent(id)}/messages?stream=false`, {
      content,
      attachments: attachments.length ? attachments : undefined,
      model: model || undefined,
    }),
  getRun: (runId: string) => request<Run>('GET', `api/runs/${encodeURIComponent(runId)}`),
  stopRun: (runId: string) => request<unknown>('POST', `api/runs/${encodeURIComponent(runId)}/stop`),
  token: () => request<{ token: string; expiresIn: number }>('POST', 'api/tokens'),
  channels: () => request<{ data: Channel[] }>('GET', 'api/channels'),
  models: () => request<{ data: Model[] }>('GET', 'v1/models'),
  approvals: (status?: string, sessionId?: string, limit = 100) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (status) query.set('status', status);
    if (sessionId) query.set('sessionId', sessionId);
    return request<ApprovalList>('GET', `api/approvals?${query}`);
  },
  approve: (id: string, scope: ApprovalScope) => request<Approval>('POST', `api/approvals/${encodeURIComponent(id)}/approve`, { scope }),
  deny: (id: string, reason?: string) =>
    request<Approval>('POST', `api/approvals/${encodeURIComponent(id)}/deny`, reason ? { reason } : {}),
  grants: () => request<{ items: ApprovalGrant[] }>('GET', 'api/approvals/grants'),
  profiles: () => request<ProfileList>('GET', 'api/profiles'),
  createProfile: (id: string, fields: ProfileFields) =>
    request<Profile>('PUT', `api/profiles/${encodeURIComponent(id)}`, {
      id,
      name: fields.name,
      description: fields.description || undefined,
      persona: fields.persona || undefined,
      modelId: fields.modelId || undefined,
      visual: {
        avatarMediaId: fields.visual.avatarMediaId || undefined,
        accentColor: fields.visual.accentColor || undefined,
        theme: fields.visual.theme || undefined,
      },
    }),
  patchProfile: (id: string, fields: ProfileFields) => request<Profile>('PATCH', `api/profiles/${encodeURIComponent(id)}`, fields),
  deleteProfile: (id: string) => request<void>('DELETE', `api/profiles/${encodeURIComponent(id)}`),
  setActiveProfile: (profileId: string) => request<unknown>('PUT', 'api/profiles/active', { profileId }),
  learning: (limit = 100) => request<LearningList>('GET', `api/learning?limit=${limit}`),
  learningCandidate: (id: string) => request<LearningCandidate>('GET', `api/learning/${encodeURIComponent(id)}`),
  editLearning: (id: string, edit: Record<string, unknown>) => request<LearningCandidate>('PATCH', `api/learning/${encodeURIComponent(id)}`, edit),
  approveLearning: (id: string, apply: boolean, note?: string) =>
    request<LearningCandidate>('POST', `api/learning/${encodeURIComponent(id)}/approve`, { apply, note: note || undefined }),
  rejectLearning: (id: string, reason?: string) => request<LearningCandidate>('POST', `api/learning/${encodeURIComponent(id)}/reject`, reason ? { reason } : {}),
  applyLearning: (id: string) => request<LearningCandidate>('POST', `api/learning/${encodeURIComponent(id)}/apply`, {}),
  routines: () => request<{ items: Routine[] }>('GET', 'api/routines'),
  createRoutine: (input: RoutineInput) => request<Routine>('POST', 'api/routines', input),
  replaceRoutine: (id: string, input: RoutineInput) => request<Routine>('PUT', `api/routines/${encodeURIComponent(id)}`, input),
  patchRoutine: (id: string, patch: { enabled?: boolean }) => request<Routine>('PATCH', `api/routines/${encodeURIComponent(id)}`, patch),
  deleteRoutine: (id: string) => request<void>('DELETE', `api/routines/${encodeURIComponent(id)}`),
  runRoutine: (id: string) =>
    request<{ routineId: string; runId: string; sessionId: string; status: string }>('POST', `api/routines/${encodeURIComponent(id)}/run`),
  memory: (profileId: string) => request<MemoryDocument>('GET', `api/profiles/${encodeURIComponent(profileId)}/memory`),
  saveMemory: (profileId: string, content: string) =>
    request<MemoryDocument>('PUT', `api/profiles/${encodeURIComponent(profileId)}/memory`, { content }),
  skills: () => request<{ items: Skill[] }>('GET', 'api/skills'),
  skill: (id: string) => request<Skill>('GET', `api/skills/${encodeURIComponent(id)}`),
  setSkillEnabled: (id: string, enabled: boolean) =>
    request<unknown>('POST', `api/skills/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`),
  revokeGrant: (id: string) => request<void>('DELETE', `api/approvals/grants/${encodeURIComponent(id)}`),
};

/** Uploads files to POST /api/media with progress (XHR: fetch has no upload progress). */
export function uploadMedia(
  files: File[],
  onProgress: (fraction: number) => void,
): { promise: Promise<MediaItem[]>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<MediaItem[]>((resolve, reject) => {
    const form = new FormData();
    files.forEach((file) => form.append('files', file, file.name));
    xhr.open('POST', apiUrl('api/media'));
    const key = getApiKey();
    if (key) xhr.setRequestHeader('Authorization', `Bearer ${key}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve((JSON.parse(xhr.responseText) as { items: MediaItem[] }).items);
        return;
      }
      let message = `Upload failed (${xhr.status})`;
      let code: string | undefined;
      try {
        const body = JSON.parse(xhr.responseText);
        message = body.detail || body.title || message;
        code = body.code;
      } catch {
        // keep the status
      }
      const error = new ApiError(xhr.status, message, code);
      if (error.needsKey) authListeners.forEach((listener) => listener(error));
      reject(error);
    };
    xhr.onerror = () => reject(new ApiError(0, 'Upload failed: network error'));
    xhr.onabort = () => reject(new ApiError(0, 'Upload cancelled'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
