import { describe, expect, it } from 'vitest';
import { parseDiff, sortCandidates } from './diff';

describe('unified diff', () => {
  it('classifies file headers, hunks, additions, removals and context', () => {
    const lines = parseDiff('--- a/SKILL.md\n+++ b/SKILL.md\n@@ -1,2 +1,2 @@\n # Knots\n-Old line\n+New line\n');
    expect(lines.map((l) => l.kind)).toEqual(['file', 'file', 'hunk', 'context', 'remove', 'add']);
    expect(lines[5].text).toBe('+New line');
  });

  it('handles CRLF and an empty diff', () => {
    expect(parseDiff('')).toEqual([]);
    expect(parseDiff('+a\r\n-b').map((l) => l.kind)).toEqual(['add', 'remove']);
  });
});

describe('queue order', () => {
  it('puts pending first, then failed and approved, newest first within a status', () => {
    const items = [
      { id: 'a', status: 'applied', updatedAt: '2026-01-03' },
      { id: 'b', status: 'pending', updatedAt: '2026-01-01' },
      { id: 'c', status: 'pending', updatedAt: '2026-01-02' },
      { id: 'd', status: 'failed', updatedAt: '2026-01-04' },
    ];
    expect(sortCandidates(items).map((i) => i.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});
