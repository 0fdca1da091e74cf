export type DiffLineKind = 'add' | 'remove' | 'hunk' | 'file' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

/** Classifies the lines of a unified diff for display (file headers, hunk headers, added, removed, context). */
export function parseDiff(diff: string): DiffLine[] {
  if (!diff) return [];
  const lines = diff.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((text): DiffLine => {
    if (text.startsWith('+++ ') || text.startsWith('--- ')) return { kind: 'file', text };
    if (text.startsWith('@@')) return { kind: 'hunk', text };
    if (text.startsWith('+')) return { kind: 'add', text };
    if (text.startsWith('-')) return { kind: 'remove', text };
    return { kind: 'context', text };
  });
}

const statusOrder: Record<string, number> = { pending: 0, failed: 1, approved: 2, applied: 3, rejected: 4 };

/** The queue as the panel shows it: what needs the owner first (pending, then failed, approved), newest first within. */
export function sortCandidates<T extends { status: string; updatedAt: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (statusOrder[a.status] ?? 9) - (statusOrder[b.status] ?? 9) || b.updatedAt.localeCompare(a.updatedAt));
}
